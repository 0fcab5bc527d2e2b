import TFEvents

/// The scalar curves that `report` and `plot` draw: for each tag, one line per run, or, with a
/// ``RunGrouping``, one line per group (its runs' mean at the steps they all have, with the
/// standard deviation, minimum and maximum for a band).
///
/// Lines hold every point; what a chart draws of a long line is chosen by ``PolylineReduction``,
/// and statistics are computed over every point.
struct ScalarChartSet: Sendable {
    /// One run, or one group of runs.
    struct Line: Sendable {
        /// The run's name as shown, or the group's name.
        var name: String
        /// The runs it stands for: the run alone, or the group's runs that have the tag.
        var runs: [String]
        /// Steps, in TensorBoard's order for a run, ascending for a group.
        var steps: [Int64]
        /// Wall times (a group's: the mean of its runs' at each step).
        var wallTimes: [Double]
        /// A run's values, or a group's means.
        var values: [Double]
        /// A group's spread around its means; `nil` for a run.
        var spread: Spread?
        /// The index of the line's colour in ``ChartPalette``: the same for a name in every chart.
        var colorIndex: Int
    }

    /// How the runs of a group spread at each step.
    struct Spread: Sendable {
        /// The population standard deviation (numpy's default).
        var std: [Double]
        /// The smallest value.
        var min: [Double]
        /// The largest value.
        var max: [Double]
    }

    /// One tag's lines.
    struct Chart: Sendable {
        var tag: String
        /// Lines in name order.
        var lines: [Line]
        /// The section TensorBoard shows the tag in.
        var section: String { ScalarChartSet.section(of: tag) }
    }

    /// A run to draw: its name as shown, and its contents.
    struct ShownRun: Sendable {
        var name: String
        var contents: RunContents
    }

    /// A run to draw from its scalar series alone, for a command that streams runs instead of
    /// holding their ``RunContents`` (`report`).
    struct ScalarRun: Sendable {
        /// The name shown.
        var name: String
        /// Its hyperparameters, which ``RunGrouping/init(equalHyperparametersIgnoring:)`` groups by.
        var hparams: [String: HParamValue]
        /// Each scalar tag's points, in TensorBoard's order.
        var series: [String: [(step: Int64, wallTime: Double, value: Double)]]
    }

    /// The charts, by tag in name order.
    var charts: [Chart]
    /// Every line name, in name order: the order of the legend and of the colours.
    var lineNames: [String]

    /// The section of TensorBoard's scalar dashboard that shows `tag`: the tag up to its first
    /// `/`, or the tag itself when it has none.
    static func section(of tag: String) -> String {
        tag.firstIndex(of: "/").map { String(tag[..<$0]) } ?? tag
    }

    /// The charts of the scalar tags of `runs` that `tags` keeps, grouped by `grouping` if given.
    init(runs: [ShownRun], tags: NameFilter = .all, grouping: RunGrouping? = nil) {
        self.init(
            scalarRuns: runs.map { run in
                var series: [String: [(step: Int64, wallTime: Double, value: Double)]] = [:]
                for contents in run.contents.series where contents.series.kind == .scalars {
                    series[contents.series.tag] = contents.scalars
                }
                return ScalarRun(name: run.name, hparams: run.contents.run.hparams, series: series)
            }, tags: tags, grouping: grouping)
    }

    /// The charts of the scalar tags of `runs` that `tags` keeps, grouped by `grouping` if given.
    init(scalarRuns runs: [ScalarRun], tags: NameFilter = .all, grouping: RunGrouping? = nil) {
        let byTag = Self.scalarSeries(runs, tags: tags)
        var charts: [Chart] = []
        if let grouping {
            let groups = grouping.groups(
                of: runs.map(\.name),
                hyperparameters: Dictionary(runs.map { ($0.name, $0.hparams) }, uniquingKeysWith: { first, _ in first }))
            for (tag, series) in byTag {
                let lines = groups.compactMap { group -> Line? in
                    let members = group.runs.filter { series[$0] != nil }
                    guard !members.isEmpty else { return nil }
                    let folded = GroupedScalars(members.map { series[$0]! })
                    return Line(
                        name: group.name, runs: members, steps: folded.steps, wallTimes: folded.wallTimes,
                        values: folded.values(.mean),
                        spread: Spread(std: folded.values(.std), min: folded.values(.min), max: folded.values(.max)),
                        colorIndex: 0)
                }
                charts.append(Chart(tag: tag, lines: lines))
            }
        } else {
            for (tag, series) in byTag {
                let lines = runs.compactMap { run -> Line? in
                    guard let points = series[run.name] else { return nil }
                    return Line(
                        name: run.name, runs: [run.name], steps: points.map(\.step), wallTimes: points.map(\.wallTime),
                        values: points.map(\.value), spread: nil, colorIndex: 0)
                }
                charts.append(Chart(tag: tag, lines: lines))
            }
        }
        charts.sort { $0.tag.utf8.lexicographicallyPrecedes($1.tag.utf8) }
        let names = Set(charts.flatMap { $0.lines.map(\.name) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let colors = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for chart in charts.indices {
            charts[chart].lines.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            for line in charts[chart].lines.indices {
                charts[chart].lines[line].colorIndex = colors[charts[chart].lines[line].name]!
            }
        }
        self.charts = charts
        self.lineNames = names
    }

    /// The scalar series of every run, by tag, then by run name.
    private static func scalarSeries(
        _ runs: [ScalarRun], tags: NameFilter
    ) -> [String: [String: [(step: Int64, wallTime: Double, value: Double)]]] {
        var byTag: [String: [String: [(step: Int64, wallTime: Double, value: Double)]]] = [:]
        for run in runs {
            for (tag, points) in run.series where tags.includes(tag) {
                byTag[tag, default: [:]][run.name] = points
            }
        }
        return byTag
    }
}
