import TFEvents

/// The overview's numbers: a row per run (or per group of runs) with its hyperparameters and,
/// for each scalar tag, the best and the last value, computed over every point.
///
/// "Best" is the lowest value of tags to minimize and the highest of the others
/// (``ObjectiveRule``). A group's figure is the mean and standard deviation (numpy's `ddof=0`)
/// of its runs' figures, over the runs that have the tag.
struct OverviewTable {
    /// The best or last value of one tag in one row.
    struct Figure {
        /// The run's value, or the mean of the group's runs' values.
        var value: Double
        /// The standard deviation over the group's runs; `nil` for a run.
        var std: Double?
        /// The step of a run's value.
        var step: Int64?
        /// A group's runs and their values, in run order.
        var members: [(run: String, value: Double)] = []
    }

    /// One tag's figures in one row.
    struct TagFigures {
        var best: Figure?
        var last: Figure
        /// How many points the run's series has (for a group, in all its runs).
        var count: Int
    }

    /// A run or a group.
    struct Row {
        var name: String
        /// The colour of its line in the charts, when it has one.
        var colorIndex: Int?
        /// The runs of a group; the run alone otherwise.
        var runs: [String]
        /// Hyperparameter values as shown; a group shows a value only when its runs agree, and
        /// `varies` otherwise.
        var hparams: [String: HParamCell]
        /// Figures by tag.
        var tags: [String: TagFigures]
        /// Problems found in the row's runs' files.
        var problemCount: Int
    }

    /// A hyperparameter's cell.
    enum HParamCell: Equatable {
        case value(HParamValue)
        case varies
    }

    /// The hyperparameter names, in name order.
    var hparamNames: [String]
    /// The scalar tags, in name order.
    var tags: [String]
    /// Whether each scalar tag is minimized.
    var minimizes: [String: Bool]
    /// The rows: runs in the input's order, or groups in name order.
    var rows: [Row]
    /// Whether rows are groups.
    var isGrouped: Bool

    init(input: ReportInput, groups: [RunGroup]?, lineNames: [String], objective: ObjectiveRule) {
        let colors = Dictionary(lineNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var perRun: [String: [String: TagFigures]] = [:]
        var tagSet: Set<String> = []
        var hparamSet: Set<String> = []
        var problems: [String: Int] = [:]
        for problem in input.problems {
            if let run = problem.run { problems[run, default: 0] += 1 }
        }
        for run in input.runs {
            var figures: [String: TagFigures] = [:]
            for (tag, points) in run.scan.scalars {
                tagSet.insert(tag)
                figures[tag] = Self.figures(points, minimize: objective.minimizes(tag))
            }
            perRun[run.name] = figures
            hparamSet.formUnion(run.hparams.keys)
        }
        let byName: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        tags = tagSet.sorted(by: byName)
        hparamNames = hparamSet.sorted(by: byName)
        minimizes = Dictionary(uniqueKeysWithValues: tags.map { ($0, objective.minimizes($0)) })
        isGrouped = groups != nil
        let hparamNames = self.hparamNames
        if let groups {
            let runsByName = Dictionary(input.runs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            rows = groups.map { group in
                let members = group.runs.compactMap { runsByName[$0] }
                var hparams: [String: HParamCell] = [:]
                for name in hparamNames {
                    let values = members.map { $0.hparams[name] }
                    if let first = values.first, let value = first, values.allSatisfy({ $0 == first }) {
                        hparams[name] = .value(value)
                    } else if values.contains(where: { $0 != nil }) {
                        hparams[name] = .varies
                    }
                }
                var figures: [String: TagFigures] = [:]
                for tag in tagSet {
                    let runFigures = members.compactMap { run in perRun[run.name]?[tag].map { (run.name, $0) } }
                    guard !runFigures.isEmpty else { continue }
                    let bests = runFigures.compactMap { name, figures in figures.best.map { (name, $0.value) } }
                    figures[tag] = TagFigures(
                        best: bests.isEmpty ? nil : Self.fold(bests),
                        last: Self.fold(runFigures.map { ($0.0, $0.1.last.value) }),
                        count: runFigures.reduce(0) { $0 + $1.1.count })
                }
                return Row(
                    name: group.name, colorIndex: colors[group.name], runs: group.runs,
                    hparams: hparams, tags: figures,
                    problemCount: group.runs.reduce(0) { $0 + (problems[$1] ?? 0) })
            }
        } else {
            rows = input.runs.map { run in
                Row(
                    name: run.name, colorIndex: colors[run.name], runs: [run.name],
                    hparams: run.hparams.mapValues { .value($0) }, tags: perRun[run.name] ?? [:],
                    problemCount: problems[run.name] ?? 0)
            }
        }
    }

    /// A run's figures over every point of one series.
    private static func figures(
        _ points: [(step: Int64, wallTime: Double, value: Double)], minimize: Bool
    ) -> TagFigures {
        var statistics = ScalarStatistics()
        for point in points { statistics.add(point.value, step: point.step) }
        var best: Figure?
        if let value = minimize ? statistics.min : statistics.max {
            let step = points.first { $0.value == value }?.step
            best = Figure(value: value, std: nil, step: step)
        }
        return TagFigures(
            best: best, last: Figure(value: statistics.last, std: nil, step: statistics.lastStep),
            count: statistics.count)
    }

    /// The mean and standard deviation of the runs' values, as numpy computes them.
    private static func fold(_ values: [(run: String, value: Double)]) -> Figure {
        let numbers = values.map(\.value)
        return Figure(value: GroupStatistic.mean(numbers), std: GroupStatistic.std(numbers), step: nil, members: values)
    }
}
