/// Keeps everything a ``LogdirReader`` reads: runs, series with their points (purges applied),
/// run events and problems.
///
/// ```swift
/// let reader = try LogdirReader(logdir: "runs", filesAreComplete: true)
/// var accumulator = LogdirAccumulator()
/// accumulator.read(reader)
/// for point in accumulator.points(run: "train", tag: "loss") { print(point.step, point.value) }
/// ```
///
/// Memory grows with the points kept; for statistics over a large log directory, consume the
/// reader's items directly instead.
public struct LogdirAccumulator: Sendable {
    /// The runs, by ``LogdirReader/Run/id``.
    public private(set) var runs: [LogdirReader.Run] = []
    /// The series, by ``LogdirReader/Series/id``.
    public private(set) var series: [LogdirReader.Series] = []
    /// The points of each series, by ``LogdirReader/Series/id``, in reading order.
    public private(set) var points: [[LogdirReader.Point]] = []
    /// The events that carry no summary value, in reading order.
    public private(set) var runEvents: [LogdirReader.RunEvent] = []
    /// The problems, in reading order.
    public private(set) var problems: [LogdirReader.Problem] = []
    /// The purges applied, in reading order.
    public private(set) var purges: [LogdirReader.Purge] = []
    private var seriesByRun: [[Int]] = []

    /// Creates an empty accumulator.
    public init() {}

    /// Adds every item `reader` has now (until its ``LogdirReader/next()`` returns `nil`).
    public mutating func read(_ reader: LogdirReader) {
        while let item = reader.next() { add(item) }
    }

    /// Adds one item: keeps a run, series, point, run event or problem, or applies a purge.
    public mutating func add(_ item: LogdirReader.Item) {
        switch item {
        case .run(let run):
            growRuns(to: run.id)
            runs[run.id] = run
        case .series(let series):
            // Ids are dense; an accumulator that starts mid-stream fills the gaps with placeholders.
            while self.series.count <= series.id {
                self.series.append(LogdirReader.Series(id: self.series.count, run: -1, tag: ""))
                points.append([])
            }
            growRuns(to: series.run)
            if self.series[series.id].run < 0 { seriesByRun[series.run].append(series.id) }
            let earlierKind = self.series[series.id].kind
            self.series[series.id] = series
            if series.kind != earlierKind && !points[series.id].isEmpty {
                // Metadata arrived after the series' first points, which were read as raw tensors:
                // read them again as the series' plugin reads them (TensorBoard decodes at read time).
                for index in points[series.id].indices {
                    if case .tensor(let tensor) = points[series.id][index].value {
                        points[series.id][index].value = PointDecoder.value(tensor, kind: series.kind)
                    }
                }
            }
        case .point(let point):
            points[point.series].append(point)
        case .purge(let purge):
            purges.append(purge)
            for id in purge.series ?? seriesByRun[purge.run] {
                points[id].removeAll { $0.step >= purge.step }
            }
        case .runEvent(let event):
            runEvents.append(event)
        case .problem(let problem):
            problems.append(problem)
        }
    }

    /// Makes room for run `id`, with placeholders for runs not announced yet.
    private mutating func growRuns(to id: Int) {
        while runs.count <= id {
            runs.append(LogdirReader.Run(id: runs.count, name: "", path: ""))
            seriesByRun.append([])
        }
    }

    /// The run named `name` (`.` for the log directory itself).
    public func run(named name: String) -> LogdirReader.Run? {
        runs.first { $0.name == name }
    }

    /// The series of `tag` in the run named `run`.
    public func series(run: String, tag: String) -> LogdirReader.Series? {
        guard let id = self.run(named: run)?.id else { return nil }
        return seriesByRun[id].lazy.map { self.series[$0] }.first { $0.tag == tag }
    }

    /// The series of the run named `run`, in the order they were found.
    public func series(run: String) -> [LogdirReader.Series] {
        guard let id = self.run(named: run)?.id else { return [] }
        return seriesByRun[id].map { series[$0] }
    }

    /// The points of `tag` in the run named `run`, in reading order; empty when there is no such series.
    public func points(run: String, tag: String) -> [LogdirReader.Point] {
        guard let series = series(run: run, tag: tag) else { return [] }
        return points[series.id]
    }
}
