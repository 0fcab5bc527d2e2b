import Foundation
import TFEvents

/// The scalar series `tfevents tail` shows in its table, kept up to date from a follower's updates.
struct TailState {
    let filters: CompiledFilters
    /// By run name, then ``Series/id``: the scalar series that pass the filters.
    private var histories: [String: [Int: ScalarHistory]] = [:]
    /// The runs found (those that pass `--runs`).
    private var runs: Set<String> = []

    init(filters: CompiledFilters) {
        self.filters = filters
    }

    /// The number of runs found.
    var runCount: Int { runs.count }

    /// Notes a run.
    mutating func add(run: String) {
        runs.insert(run)
    }

    /// Starts a history for a scalar series.
    mutating func add(_ series: Series) {
        runs.insert(series.run)
        if series.kind == .scalars, histories[series.run]?[series.id] == nil {
            histories[series.run, default: [:]][series.id] = ScalarHistory(run: series.run, tag: series.tag)
        }
    }

    /// Adds points of `run` to their series' histories.
    mutating func add(_ points: [Point], run: String) {
        guard var series = histories[run] else { return }
        histories[run] = nil  // while `series` is out, so it is not copied
        for point in points {
            if let value = point.value.scalar { series[point.series]?.append(step: point.step, wallTime: point.wallTime, value: value) }
        }
        histories[run] = series
    }

    /// Forgets the points of the series a rewind affects; the surviving ones follow as replayed points.
    mutating func apply(_ rewind: Rewind) {
        guard let ids = histories[rewind.run]?.keys else { return }
        for id in ids where rewind.affects(series: id) { histories[rewind.run]?[id]?.reset() }
    }

    /// The table for the current state.
    func table(logdir: String, following: Bool, problemCount: Int, now: Date = Date()) -> TailTable {
        let all = histories.values.flatMap(\.values)
        var status = " · \(runCount) run\(runCount == 1 ? "" : "s") · \(all.count) scalar series · " + Self.clock(now)
        if following { status += " · Ctrl-C to quit" }
        let empty: String
        if runCount == 0 {
            empty = filters.filtersRuns
                ? "No run matches --runs yet; waiting…"
                : "Waiting for event files (names containing 'tfevents') in \(logdir)…"
        } else {
            empty = "No scalar series" + (filters.filtersTags ? " matching --tags" : "") + " yet; waiting…"
        }
        let footer = problemCount == 0
            ? nil : "\(problemCount) problem\(problemCount == 1 ? "" : "s") reported on standard error"
        return TailTable(logdir: logdir, status: status, histories: all, emptyMessage: empty, footer: footer)
    }

    /// Local time as `HH:MM:SS`.
    static func clock(_ date: Date) -> String {
        CalendarTime(local: Int64(date.timeIntervalSince1970))?.timeOfDay ?? "--:--:--"
    }
}
