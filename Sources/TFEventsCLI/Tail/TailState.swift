import Foundation
import TFEvents

/// The scalar series `tfevents tail` shows in its table, kept up to date from a reader's items.
struct TailState {
    let filters: CompiledFilters
    private(set) var names = ItemNames()
    /// By series id: only scalar series that pass the filters.
    private(set) var histories: [Int: ScalarHistory] = [:]
    /// The number of runs found, and of those that pass `--runs`.
    private(set) var runCount = 0
    private(set) var shownRunCount = 0

    init(filters: CompiledFilters) {
        self.filters = filters
    }

    /// Takes one item. Problems are returned for the caller to print; a purge rebuilds the
    /// affected histories from the points that survive it, read again by `reader`.
    mutating func add(_ item: LogdirReader.Item, reader: LogdirReader) -> LogdirReader.Problem? {
        names.observe(item)
        switch item {
        case .run(let run):
            if run.id >= runCount {
                runCount = run.id + 1
                if filters.includes(run: run.name) { shownRunCount += 1 }
            }
        case .series(let series):
            let run = names.runName(series.run)
            if series.kind == .scalars, histories[series.id] == nil, filters.includes(run: run),
                filters.includes(tag: series.tag)
            {
                histories[series.id] = ScalarHistory(run: run, tag: series.tag)
            }
        case .point(let point):
            if case .scalar(let value) = point.value, histories[point.series] != nil {
                histories[point.series]?.append(step: point.step, wallTime: point.wallTime, value: value)
            }
        case .purge(let purge):
            let affected = Set(
                histories.keys.filter { id in
                    names.run(series: id) == purge.run && purge.affects(series: id)
                })
            guard !affected.isEmpty else { break }
            for id in affected { histories[id]?.reset() }
            reader.replaySurvivingPoints(before: purge) { point in
                if affected.contains(point.series), case .scalar(let value) = point.value {
                    histories[point.series]?.append(step: point.step, wallTime: point.wallTime, value: value)
                }
            }
        case .problem(let problem):
            return problem
        case .runEvent:
            break
        }
        return nil
    }

    /// The table for the current state.
    func table(logdir: String, following: Bool, problemCount: Int, now: Date = Date()) -> TailTable {
        var status = " · \(shownRunCount) run\(shownRunCount == 1 ? "" : "s") · "
            + "\(histories.count) scalar series · " + Self.clock(now)
        if following { status += " · Ctrl-C to quit" }
        let empty: String
        if runCount == 0 {
            empty = "Waiting for event files (names containing 'tfevents') in \(logdir)…"
        } else if shownRunCount == 0 {
            empty = "No run matches --runs yet; waiting…"
        } else {
            empty = "No scalar series" + (filters.tags == nil ? "" : " matching --tags") + " yet; waiting…"
        }
        let footer = problemCount == 0
            ? nil : "\(problemCount) problem\(problemCount == 1 ? "" : "s") reported on standard error"
        return TailTable(logdir: logdir, status: status, histories: Array(histories.values), emptyMessage: empty, footer: footer)
    }

    /// Local time as `HH:MM:SS`.
    static func clock(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
