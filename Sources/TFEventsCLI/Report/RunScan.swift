import Dispatch
import Foundation
import TFEvents

/// One run as the report reads it, in one streaming pass (``SummaryReader/read(_:)``): every
/// scalar point (charts and statistics need them all), the last point of each image and text tag,
/// and for every other tag how many points it has and the step of the last.
///
/// Memory holds the scalars and one point per other tag, however many images or histograms the
/// run has; runs are read in parallel, one per core.
struct RunScan: Sendable {
    /// A series other than scalars and hyperparameters.
    struct Entry: Sendable {
        /// The series, with its kind and metadata.
        var series: Series
        /// The number of points.
        var count = 0
        /// The last point's step, in TensorBoard's order.
        var lastStep: Int64 = 0
        /// The last point's value, for images and text; `nil` for other kinds.
        var last: Point.Value?
        /// Every point, for the kinds in ``RunScan/everyPointKinds``; empty for the others.
        var points: [Point] = []
    }

    /// The run's facts, hyperparameters included, as known at the end of its files.
    var run: Run
    /// Each scalar tag's points, in TensorBoard's order.
    var scalars: [String: [(step: Int64, wallTime: Double, value: Double)]] = [:]
    /// The other series in the order found.
    var entries: [Entry] = []
    /// The problems found in the run's files, in reading order.
    var problems: [ReadProblem] = []
    /// How many points were read.
    var pointCount = 0

    /// The kinds whose last value is kept.
    static let keptKinds: Set<Series.Kind> = [.images, .text, .prCurves]
    /// The kinds whose every point is kept: a section that draws a kind over time (histogram
    /// distributions, PR curves by step) adds its kind here and reads ``Entry/points``.
    static let everyPointKinds: Set<Series.Kind> = [.histograms]

    /// Reads the whole stream.
    init(_ stream: RunReader) {
        // Where each series' points go, by series id.
        enum Slot {
            case scalar(Int), entry(Int), ignored
        }
        var slots: [Slot] = []
        var scalarTags: [String] = []
        var scalarPoints: [[(step: Int64, wallTime: Double, value: Double)]] = []
        run = stream.run
        for item in stream {
            switch item {
            case .series(let series):
                while slots.count <= series.id { slots.append(.ignored) }
                switch series.kind {
                case .scalars:
                    slots[series.id] = .scalar(scalarTags.count)
                    scalarTags.append(series.tag)
                    scalarPoints.append([])
                case .hparams:
                    slots[series.id] = .ignored
                default:
                    slots[series.id] = .entry(entries.count)
                    entries.append(Entry(series: series))
                }
            case .point(let point):
                pointCount += 1
                guard point.series < slots.count else { continue }
                switch slots[point.series] {
                case .scalar(let index):
                    if let value = point.value.scalar { scalarPoints[index].append((point.step, point.wallTime, value)) }
                case .entry(let index):
                    entries[index].count += 1
                    entries[index].lastStep = point.step
                    let kind = entries[index].series.kind
                    if Self.keptKinds.contains(kind) { entries[index].last = point.value }
                    if Self.everyPointKinds.contains(kind) { entries[index].points.append(point) }
                case .ignored:
                    continue
                }
            case .problem(let problem):
                problems.append(problem)
            }
        }
        run = stream.run
        scalars = Dictionary(zip(scalarTags, scalarPoints), uniquingKeysWith: { first, _ in first })
    }

    /// Every run of `runs`, read on every core; the results in the order of `runs`.
    ///
    /// - Parameter progress: Called after each run with the number of points read so far.
    static func read(
        _ reader: SummaryReader, runs: [LogdirListing.Run], progress: @escaping @Sendable (Int) -> Void
    ) -> [RunScan] {
        let results = Results(count: runs.count)
        // The largest runs first, so that a big run does not start last and run alone.
        let order = runs.indices.sorted { runs[$0].byteCount > runs[$1].byteCount }
        DispatchQueue.concurrentPerform(iterations: runs.count) { position in
            let index = order[position]
            let scan = RunScan(reader.read(runs[index]))
            progress(results.set(index, scan))
        }
        return results.values
    }

    /// The results of the parallel reads, behind a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RunScan?]
        private var points = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// Stores a result; returns the points read so far.
        func set(_ index: Int, _ value: RunScan) -> Int {
            lock.withLock {
                slots[index] = value
                points += value.pointCount
                return points
            }
        }

        var values: [RunScan] { lock.withLock { slots.map { $0! } } }
    }
}
