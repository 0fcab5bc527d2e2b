import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// A log directory read to the end through the public API (``SummaryReader/contents(kinds:progress:)``),
/// with the rewinds the engine found on the way (``RunLoader``'s raw items), for compact expectations.
struct LogdirRead {
    let contents: LogdirContents
    /// Every rewind of every run, run after run, each run's in reading order.
    let rewinds: [Rewind]

    init(_ logdir: String, options: SummaryReader.Options = .init()) throws {
        let reader = try SummaryReader(logdir: logdir, options: options)
        contents = reader.contents()
        rewinds = reader.runs.flatMap { RawRun($0, options: options).rewinds }
    }

    /// The listing's problems, then each run's in reading order.
    var problems: [ReadProblem] { contents.problems + contents.runs.flatMap(\.problems) }
    var runs: [Run] { contents.runs.map(\.run) }
    /// Every series of every run.
    var series: [Series] { contents.runs.flatMap { $0.series.map(\.series) } }

    func run(named name: String) -> Run? { contents.run(named: name)?.run }

    func series(run: String, tag: String) -> Series? {
        contents.run(named: run)?.series(tag: tag)?.series
    }

    func points(run: String, tag: String) -> [Point] {
        contents.run(named: run)?.series(tag: tag)?.points ?? []
    }

    /// `(step, value)` of a scalar series.
    func scalars(run: String, tag: String) -> [(Int64, Double)] {
        points(run: run, tag: tag).map { ($0.step, $0.value.scalar ?? .nan) }
    }

    func steps(run: String, tag: String) -> [Int64] {
        points(run: run, tag: tag).map(\.step)
    }
}

/// What the engine yields for one run read to the end: every raw item, rewinds included.
struct RawRun {
    let loader: RunLoader
    private(set) var items: [RawItem] = []

    init(_ listing: LogdirListing.Run, options: SummaryReader.Options = .init()) {
        loader = RunLoader(
            run: Run(name: listing.name, path: listing.path), source: options.source,
            usesFastPath: options.usesFastPaths, chunking: options.chunking)
        loader.update(files: listing.files)
        // The loader takes an empty queue: it tells from the queue whether a call found anything.
        var queue: [RawItem] = []
        var more = true
        while more {
            more = loader.advance(final: options.filesAreComplete, into: &queue)
            items += queue
            queue.removeAll()
        }
    }

    var rewinds: [Rewind] {
        items.compactMap { if case .rewind(let rewind) = $0 { rewind } else { nil } }
    }

    var problems: [ReadProblem] {
        items.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
    }
}

/// The items of a ``RunReader``, to the end.
func streamedItems(_ reader: RunReader) -> [RunReader.Item] {
    var items: [RunReader.Item] = []
    while let item = reader.next() { items.append(item) }
    return items
}

/// A value's full text, for comparing values whose floating-point numbers may be NaN, which `==`
/// never matches.
func fullText(_ value: some Any) -> String {
    String(reflecting: value)
}

/// `run/tag → points` as text, in key order, for comparing two of them.
func sortedText(_ points: [String: [Point]]) -> String {
    fullText(points.sorted { $0.key < $1.key })
}

/// Writes one event file per list of events into a new temporary log directory, in order.
func makeLogdir(files: [[Event]], in directory: String? = nil) throws -> String {
    let logdir = try directory ?? Fixtures.temporaryDirectory()
    for (index, events) in files.enumerated() {
        var file = EventFileBuilder()
        for event in events { file.append(event) }
        try file.write(to: logdir + "/events.out.tfevents.\(1_700_000_000 + index).host")
    }
    return logdir
}

/// A ``LiveLogdir`` (what a ``LogdirFollower`` runs) driven by hand, one pass at a time, and a view
/// that applies its updates as a live display would.
final class FollowedLogdir {
    let live: LiveLogdir
    private(set) var view = LiveView()

    init(
        _ logdir: String, options: SummaryReader.Options = .init(filesAreComplete: false),
        from start: LogdirFollower.Start = .beginning
    ) {
        live = LiveLogdir(logdir: logdir, options: options, start: start)
    }

    /// Reads until everything written has been read (one pass), applies the updates to ``view``
    /// and returns them.
    @discardableResult
    func catchUp() -> [LogdirUpdate] {
        var updates: [LogdirUpdate] = []
        for _ in 0..<1_000_000 {
            live.step(into: &updates)
            if updates.last == .caughtUp { break }
        }
        #expect(updates.last == .caughtUp, "the follower never caught up")
        for update in updates { view.apply(update) }
        return updates
    }
}

/// What a live display keeps of a ``LogdirFollower``'s updates: on a rewind it forgets every point
/// of the affected series, and takes the replayed survivors back.
struct LiveView {
    private(set) var runNames: [String] = []
    private(set) var runs: [String: Run] = [:]
    private(set) var series: [String: [Int: Series]] = [:]
    private(set) var points: [String: [Int: [Point]]] = [:]
    private(set) var problems: [ReadProblem] = []
    private(set) var rewinds: [Rewind] = []

    mutating func apply(_ update: LogdirUpdate) {
        switch update {
        case .run(let run):
            if runs[run.name] == nil { runNames.append(run.name) }
            runs[run.name] = run
        case .series(let new):
            series[new.run, default: [:]][new.id] = new
        case .points(let run, let new), .replayed(let run, let new):
            for point in new {
                #expect(series[run]?[point.series] != nil, "a point before its series: \(point)")
                points[run, default: [:]][point.series, default: []].append(point)
            }
        case .rewind(let rewind):
            rewinds.append(rewind)
            for id in points[rewind.run, default: [:]].keys where rewind.affects(series: id) {
                points[rewind.run]?[id] = []
            }
        case .problem(let problem):
            problems.append(problem)
        case .caughtUp:
            break
        }
    }

    /// Replaces the points held for one series.
    mutating func replace(run: String, series id: Int, with points: [Point]) {
        self.points[run, default: [:]][id] = points
    }

    func series(run: String, tag: String) -> Series? {
        series[run]?.values.first { $0.tag == tag }
    }

    func points(run: String, tag: String) -> [Point] {
        guard let id = series(run: run, tag: tag)?.id else { return [] }
        return points[run]?[id] ?? []
    }

    func steps(run: String, tag: String) -> [Int64] {
        points(run: run, tag: tag).map(\.step)
    }

    func scalars(run: String, tag: String) -> [(Int64, Double)] {
        points(run: run, tag: tag).map { ($0.step, $0.value.scalar ?? .nan) }
    }

    /// Every point held, as `run/tag → points`, for comparing with ``LogdirContents``.
    var allPoints: [String: [Point]] {
        var result: [String: [Point]] = [:]
        for (run, byID) in points {
            for (id, points) in byID where !points.isEmpty {
                guard let tag = series[run]?[id]?.tag else { continue }
                result[run + "/" + tag] = points
            }
        }
        return result
    }
}

extension LogdirContents {
    /// Every point, as `run/tag → points`, series without points left out.
    var allPoints: [String: [Point]] {
        var result: [String: [Point]] = [:]
        for run in runs {
            for series in run.series where !series.points.isEmpty {
                result[run.run.name + "/" + series.series.tag] = series.points
            }
        }
        return result
    }
}
