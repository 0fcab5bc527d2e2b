import TFEvents

/// Reads a log directory once and keeps, for every run and tag, the running statistics that
/// `tfevents summary` prints: ``ScalarStatistics`` for scalars, ``LatestPoint`` for images,
/// histograms and text, and each run's hyperparameters and problems.
///
/// ```swift
/// let reader = try LogdirReader(logdir: "runs", filesAreComplete: true)
/// let summarizer = LogdirSummarizer()
/// summarizer.read(reader)
/// for run in summarizer.summaries() { print(run.name, run.scalars["loss"]?.last ?? .nan) }
/// ```
///
/// Memory grows with runs and tags, never with points: each point updates its series' statistics
/// in place, without allocating. The meaning of the statistics is TensorBoard's:
///
/// - **Purges.** When a restarted writer orphans points (``LogdirReader/Purge``), the affected
///   series are reset and fed again the points that survive, from
///   ``LogdirReader/replaySurvivingPoints(before:_:)``. Purges happen once per restart, so the
///   re-read is rare.
/// - **Points before metadata.** A point that arrives before its series has metadata is a raw
///   tensor; the series' plugin decodes it only once the metadata is known. Such points (no common
///   writer produces them) are kept, up to ``pendingLimit`` per series, until the metadata
///   arrives, and then decoded as ``LogdirAccumulator`` decodes them. A series that never gets
///   metadata belongs to no plugin and is not summarized.
/// - **Hyperparameters** come from the run's `_hparams_/session_start_info` series, whatever
///   `--tags` says. tensorboardX's `add_hparams` writes them in a run of their own, which is then
///   a row of its own.
/// - **Filters.** A run the run filter rejects, and a tag the tag filter rejects, are read (the
///   reader must read them to follow TensorBoard's rules) but not summarized, and their problems
///   are not reported.
final class LogdirSummarizer {
    /// The most points kept per series while waiting for its metadata.
    static let pendingLimit = 10_000

    /// Decides whether a run (by its TensorBoard name) is summarized.
    let includesRun: (String) -> Bool
    /// Decides whether a tag is summarized.
    let includesTag: (String) -> Bool
    /// Receives each problem of a summarized run, and each problem that belongs to no run, as it is
    /// read (for printing).
    var onProblem: (LogdirReader.Problem) -> Void = { _ in }
    /// Receives a message about data that could not be summarized (points before metadata beyond
    /// ``pendingLimit``).
    var onWarning: (String) -> Void = { _ in }

    /// The problems that belong to no run, such as a subdirectory that cannot be listed.
    private(set) var logdirProblems: [LogdirReader.Problem] = []
    /// The number of points read so far (all runs and tags), for progress reports.
    private(set) var pointCount = 0

    private var runs: [RunState] = []
    /// What each series (by ``LogdirReader/Series/id``) feeds.
    /// The per-series state, in one stored property so the per-point path pays for a single
    /// (dynamically checked) access to it.
    private var tables = Tables()

    private struct RunState {
        var summary: RunSummary
        var isIncluded: Bool
        /// The ids of the run's summarized series, for purges of every series.
        var series: [Int] = []
        /// Where each summarized series' statistics are: (kind, slot, tag).
        var slots: [(role: Role, tag: String)] = []
    }

    private struct PendingSeries {
        var series: LogdirReader.Series
        var points: [LogdirReader.Point] = []
        var droppedCount = 0
    }

    /// What a series' points update.
    private enum Role: Equatable {
        /// Not announced yet.
        case unseen
        /// Not summarized: filtered out, or a plugin the summary does not cover.
        case ignored
        /// Waiting for metadata; the index in ``pending``.
        case pending(Int)
        /// Index in ``scalars``.
        case scalars(Int)
        /// Index in ``images``.
        case images(Int)
        /// Index in ``histograms``.
        case histograms(Int)
        /// Index in ``texts``.
        case text(Int)
    }

    /// Creates a summarizer.
    ///
    /// - Parameters:
    ///   - includesRun: Whether to summarize the run with this TensorBoard name.
    ///   - includesTag: Whether to summarize the tag.
    init(
        includesRun: @escaping (String) -> Bool = { _ in true }, includesTag: @escaping (String) -> Bool = { _ in true }
    ) {
        self.includesRun = includesRun
        self.includesTag = includesTag
    }

    /// Reads everything `reader` has now (until ``LogdirReader/next()`` returns `nil`).
    ///
    /// - Parameters:
    ///   - progressInterval: How many items to read between calls of `progress`.
    ///   - progress: Called every `progressInterval` items, for a progress line.
    func read(_ reader: LogdirReader, progressInterval: Int = 1 << 14, progress: () -> Void = {}) {
        var untilProgress = progressInterval
        // Counted locally and stored at progress and at the end: one access less per point.
        var points = 0
        defer { pointCount &+= points }
        while let item = reader.next() {
            switch item {
            case .point(let point):
                points &+= 1
                add(point)
            case .series(let series):
                add(series)
            case .run(let run):
                add(run)
            case .purge(let purge):
                apply(purge, reader: reader)
            case .problem(let problem):
                add(problem)
            case .runEvent:
                break
            }
            untilProgress -= 1
            if untilProgress == 0 {
                untilProgress = progressInterval
                pointCount &+= points
                points = 0
                progress()
            }
        }
    }

    /// The summaries of the runs included, in the reader's order (by name), without their files
    /// (see ``RunSummary/files``, which the caller lists).
    func summaries() -> [RunSummary] {
        runs.filter(\.isIncluded).map { state in
            var summary = state.summary
            for (role, tag) in state.slots {
                switch role {
                case .scalars(let slot): summary.scalars[tag] = tables.scalars[slot]
                case .images(let slot): summary.images[tag] = tables.images[slot]
                case .histograms(let slot): summary.histograms[tag] = tables.histograms[slot]
                case .text(let slot): summary.text[tag] = tables.texts[slot]
                case .unseen, .ignored, .pending: break
                }
            }
            return summary
        }
    }

    /// The number of runs the reader found, included or not.
    var runCount: Int { runs.count }

    /// The TensorBoard names of every run the reader found, included or not, in its order.
    var allRunNames: [String] { runs.map(\.summary.runName) }

    // MARK: Items

    private func add(_ run: LogdirReader.Run) {
        guard run.id >= runs.count else { return }  // a known run whose description changed
        while runs.count < run.id {  // never happens: runs are announced in id order
            runs.append(RunState(summary: RunSummary(name: "", runName: "", path: ""), isIncluded: false))
        }
        runs.append(
            RunState(
                summary: RunSummary(name: run.name, runName: run.name, path: run.path),
                isIncluded: includesRun(run.name)))
    }

    private func add(_ series: LogdirReader.Series) {
        while tables.roles.count <= series.id { tables.roles.append(.unseen) }
        guard series.run < runs.count, runs[series.run].isIncluded else {
            tables.roles[series.id] = .ignored
            return
        }
        if series.kind == .hparams, case .sessionStartInfo(let info)? = series.hparams?.content,
            runs[series.run].summary.hparams.isEmpty
        {
            runs[series.run].summary.hparams = info.hparams
        }
        switch tables.roles[series.id] {
        case .unseen:
            guard includesTag(series.tag) else {
                tables.roles[series.id] = .ignored
                return
            }
            if series.metadata == nil {
                tables.roles[series.id] = .pending(tables.pending.count)
                tables.pending.append(PendingSeries(series: series))
            } else {
                assignRole(series)
            }
        case .pending(let index) where series.metadata != nil:
            assignRole(series)
            let waiting = tables.pending[index]
            tables.pending[index] = PendingSeries(series: series)
            if waiting.droppedCount > 0 {
                onWarning(
                    "run \(runs[series.run].summary.runName), tag \(series.tag): \(waiting.droppedCount) points "
                        + "written before the tag's metadata are not summarized (more than \(Self.pendingLimit))")
            }
            for point in Self.decode(waiting.points, of: waiting.series, as: series) { add(point) }
        default:
            break
        }
    }

    /// Gives a series with metadata the statistics its kind calls for.
    private func assignRole(_ series: LogdirReader.Series) {
        let role: Role
        switch series.kind {
        case .scalars:
            role = .scalars(tables.scalars.count)
            tables.scalars.append(ScalarStatistics())
        case .images:
            role = .images(tables.images.count)
            tables.images.append(LatestPoint())
        case .histograms:
            role = .histograms(tables.histograms.count)
            tables.histograms.append(LatestPoint())
        case .text:
            role = .text(tables.texts.count)
            tables.texts.append(LatestPoint())
        case .hparams, .audio, .prCurves, .other:
            tables.roles[series.id] = .ignored
            return
        }
        tables.roles[series.id] = role
        runs[series.run].series.append(series.id)
        runs[series.run].slots.append((role, series.tag))
    }

    /// The hot path: one point updates its series' statistics in place.
    private func add(_ point: LogdirReader.Point) {
        tables.add(point)
    }

    /// Resets the series a purge affects and feeds them the points that survive it.
    private func apply(_ purge: LogdirReader.Purge, reader: LogdirReader) {
        guard purge.run < runs.count, runs[purge.run].isIncluded else { return }
        let affected = purge.series ?? runs[purge.run].series + pendingSeries(ofRun: purge.run)
        for id in affected where id < tables.roles.count {
            switch tables.roles[id] {
            case .scalars(let slot): tables.scalars[slot].reset()
            case .images(let slot): tables.images[slot].reset()
            case .histograms(let slot): tables.histograms[slot].reset()
            case .text(let slot): tables.texts[slot].reset()
            case .pending(let index): tables.pending[index] = PendingSeries(series: tables.pending[index].series)
            case .unseen, .ignored: break
            }
        }
        reader.replaySurvivingPoints(before: purge) { point in
            if purge.series == nil || affected.contains(point.series) { add(point) }
        }
    }

    private func pendingSeries(ofRun run: Int) -> [Int] {
        tables.pending.filter { $0.series.run == run }.map(\.series.id)
    }

    private func add(_ problem: LogdirReader.Problem) {
        if let run = problem.run, run < runs.count {
            guard runs[run].isIncluded else { return }
            runs[run].summary.problems.append(problem)
        } else {
            logdirProblems.append(problem)
        }
        onProblem(problem)
    }

    /// Decodes points read as raw tensors before their series had metadata, as the series' plugin
    /// reads them now that it has (``LogdirAccumulator`` does exactly this).
    private static func decode(
        _ points: [LogdirReader.Point], of before: LogdirReader.Series, as after: LogdirReader.Series
    ) -> [LogdirReader.Point] {
        guard !points.isEmpty else { return [] }
        var accumulator = LogdirAccumulator()
        accumulator.add(.series(before))
        for point in points { accumulator.add(.point(point)) }
        accumulator.add(.series(after))
        return accumulator.points[after.id]
    }

    /// Each series' role and the statistics it feeds.
    private struct Tables {
        var roles: [Role] = []
        var scalars: [ScalarStatistics] = []
        var images: [LatestPoint<RunSummary.ImageSize>] = []
        var histograms: [LatestPoint<Histogram>] = []
        var texts: [LatestPoint<[String]>] = []
        /// Points of series that have no metadata yet, by the index in ``Role/pending(_:)``.
        var pending: [PendingSeries] = []

        /// One point updates its series' statistics in place.
        mutating func add(_ point: LogdirReader.Point) {
            guard point.series < roles.count else { return }
            switch roles[point.series] {
            case .scalars(let slot):
                if case .scalar(let value) = point.value { scalars[slot].add(value, step: point.step) }
            case .images(let slot):
                if case .images(let width, let height, let batch) = point.value {
                    images[slot].add(.init(width: width, height: height, samples: batch.count), step: point.step)
                }
            case .histograms(let slot):
                if case .histogram(let histogram) = point.value { histograms[slot].add(histogram, step: point.step) }
            case .text(let slot):
                if case .text(_, let strings) = point.value { texts[slot].add(strings, step: point.step) }
            case .pending(let index):
                if pending[index].points.count < LogdirSummarizer.pendingLimit {
                    pending[index].points.append(point)
                } else {
                    pending[index].droppedCount += 1
                }
            case .unseen, .ignored:
                break
            }
        }
    }
}
