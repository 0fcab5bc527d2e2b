/// Every point of a log directory's runs, in memory, as TensorBoard shows them: made by
/// ``SummaryReader/contents(kinds:progress:)``.
///
/// ```swift
/// let contents = try SummaryReader(logdir: "runs").contents()
/// for row in contents.scalars where row.tag == "loss" { print(row.run, row.step, row.value) }
/// ```
///
/// Memory grows with the points kept; for statistics of large log directories use
/// ``SummaryReader/summarize(progress:)``, and to stream points ``SummaryReader/read(_:)``.
public struct LogdirContents: Sendable {
    /// The runs the run filter keeps, in name order.
    public var runs: [RunContents]
    /// Directories below the log directory that could not be listed.
    public var problems: [ReadProblem]

    /// The run named `name`, if any.
    public func run(named name: String) -> RunContents? {
        runs.first { $0.run.name == name }
    }

    /// Every scalar point, as rows: run by run in name order, then series by series in the order
    /// they were found, each in TensorBoard's order.
    public var scalars: [ScalarRow] {
        runs.flatMap { run in
            run.series.filter { $0.series.kind == .scalars }.flatMap { series in
                series.points.compactMap { point in
                    point.value.scalar.map {
                        ScalarRow(
                            run: run.run.name, tag: series.series.tag, step: point.step, wallTime: point.wallTime,
                            value: $0)
                    }
                }
            }
        }
    }

    /// The scalars of each run as a table: one row per step, one column per tag (tbparse's
    /// `pivot=True`), runs in name order.
    public var scalarTables: [ScalarTable] {
        runs.map(\.scalarTable)
    }
}

/// Every point of one run.
public struct RunContents: Sendable {
    /// The run's facts, hyperparameters included.
    public var run: Run
    /// The series the tag filter keeps, in the order found, with their points in TensorBoard's order.
    public var series: [SeriesContents]
    /// The problems found in the run's files, in reading order.
    public var problems: [ReadProblem]

    /// The series of `tag`, if the run has one.
    public func series(tag: String) -> SeriesContents? {
        series.first { $0.series.tag == tag }
    }

    /// The run's scalars as a table: one row per step (ascending), one column per scalar tag (in
    /// name order), `nil` where a tag has no point at that step. When a tag has several points at
    /// one step, the row holds the last.
    public var scalarTable: ScalarTable {
        let columns = series.filter { $0.series.kind == .scalars }.sorted {
            $0.series.tag.utf8.lexicographicallyPrecedes($1.series.tag.utf8)
        }
        var rows: [Int64: [Double?]] = [:]
        for (column, series) in columns.enumerated() {
            for point in series.points {
                guard let value = point.value.scalar else { continue }
                rows[point.step, default: Array(repeating: nil, count: columns.count)][column] = value
            }
        }
        return ScalarTable(
            run: run.name, tags: columns.map(\.series.tag),
            rows: rows.keys.sorted().map { ScalarTable.Row(step: $0, values: rows[$0]!) })
    }
}

/// One series with its points.
public struct SeriesContents: Sendable {
    /// The series.
    public var series: Series
    /// Its points, in TensorBoard's order.
    public var points: [Point]

    /// The values of a scalar series with their steps and wall times.
    public var scalars: [(step: Int64, wallTime: Double, value: Double)] {
        points.compactMap { point in point.value.scalar.map { (point.step, point.wallTime, $0) } }
    }
}

/// One scalar point, with the names of its run and tag.
public struct ScalarRow: Sendable, Hashable {
    /// The run's name.
    public var run: String
    /// The tag.
    public var tag: String
    /// The step.
    public var step: Int64
    /// The wall time, in seconds since the Unix epoch.
    public var wallTime: Double
    /// The value (a 32-bit scalar widened to `Double`, for every common writer).
    public var value: Double

    /// Creates a row.
    init(run: String, tag: String, step: Int64, wallTime: Double, value: Double) {
        self.run = run
        self.tag = tag
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }
}

/// A run's scalars with one row per step and one column per tag.
public struct ScalarTable: Sendable, Hashable {
    /// The run's name.
    public var run: String
    /// The column names: the scalar tags.
    public var tags: [String]
    /// The rows, by ascending step.
    public var rows: [Row]

    /// The values of one step, one per tag.
    public struct Row: Sendable, Hashable {
        /// The step.
        public var step: Int64
        /// The value of each tag at this step, in the order of ``ScalarTable/tags``; `nil` where
        /// the tag has no point at this step.
        public var values: [Double?]
    }
}

/// Keeps every point of a series, for ``LogdirContents``.
struct PointList: SeriesAccumulator {
    var points: [Point] = []
    mutating func add(_ point: Point) { points.append(point) }
}
