import Dispatch
import Foundation
import TFEvents

/// What the report shows of a run's tags other than scalars and hyperparameters: for each, how
/// many points it has and the step of the last, and for images and text the last point itself.
///
/// Made by streaming the run (``SummaryReader/read(_:)``), so memory holds one point per tag
/// however many images or histograms the run has.
struct RunLatestPoints: Sendable {
    /// One series.
    struct Entry: Sendable {
        /// The series, with its kind and metadata.
        var series: Series
        /// The number of points.
        var count = 0
        /// The last point's step, in TensorBoard's order.
        var lastStep: Int64 = 0
        /// The last point's value, for images and text; `nil` for other kinds.
        var last: Point.Value?
    }

    /// The series in the order found, scalars and hyperparameters left out.
    var entries: [Entry] = []

    /// The kinds whose last value is kept.
    static let keptKinds: Set<Series.Kind> = [.images, .text]

    /// Streams `run` once.
    init(_ stream: RunReader) {
        var index: [Int: Int] = [:]
        for item in stream {
            switch item {
            case .series(let series):
                guard series.kind != .scalars && series.kind != .hparams else { continue }
                index[series.id] = entries.count
                entries.append(Entry(series: series))
            case .point(let point):
                guard let position = index[point.series] else { continue }
                entries[position].count += 1
                entries[position].lastStep = point.step
                if Self.keptKinds.contains(entries[position].series.kind) { entries[position].last = point.value }
            case .problem:
                continue  // the same problems come with the scalars' reading
            }
        }
    }

    /// The latest points of every run in `runs`, read on every core, in the order of `runs`.
    static func read(_ reader: SummaryReader, runs: [LogdirListing.Run]) -> [RunLatestPoints] {
        let results = Results(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            results.set(index, RunLatestPoints(reader.read(runs[index])))
        }
        return results.values
    }

    /// The results of the parallel reads, behind a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RunLatestPoints?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: RunLatestPoints) {
            lock.withLock { slots[index] = value }
        }

        var values: [RunLatestPoints] { lock.withLock { slots.map { $0 ?? RunLatestPoints() } } }
    }

    private init() {}
}
