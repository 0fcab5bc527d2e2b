import TFEvents

/// A row of `tfevents summary --group`: the runs of one group, with the mean and spread over the
/// runs of each scalar tag's statistic.
struct SummaryGroup: Sendable {
    /// The statistic of one scalar tag over the runs that have it.
    struct Spread: Sendable, Hashable {
        /// How many runs have a value.
        var runs: Int
        var mean: Double
        /// The population standard deviation (numpy's default), 0 for one run.
        var std: Double
        var min: Double
        var max: Double
    }

    /// The group's name (see ``RunGrouping``).
    var name: String
    /// Its runs, as the table would show them.
    var runs: [ShownRun]
    /// The hyperparameters every run has with the same value.
    var sharedHparams: [String: HParamValue]
    /// Each scalar tag's statistic folded over the runs that have a value for it.
    var scalars: [String: Spread]

    /// Groups `runs` (by their shown names and hyperparameters) and folds `statistic` of each
    /// scalar tag; groups in name order.
    static func groups(
        _ runs: [ShownRun], grouping: RunGrouping, statistic: Statistic, objective: ObjectiveRule
    ) -> [SummaryGroup] {
        let byName = Dictionary(runs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let groups = grouping.groups(
            of: runs.map(\.name),
            hyperparameters: Dictionary(runs.map { ($0.name, $0.hparams) }, uniquingKeysWith: { first, _ in first }))
        return groups.map { group in
            let members = group.runs.compactMap { byName[$0] }
            var shared = members.first?.hparams ?? [:]
            for run in members.dropFirst() { shared = shared.filter { run.hparams[$0.key] == $0.value } }
            var scalars: [String: Spread] = [:]
            for tag in Set(members.flatMap(\.scalars.keys)) {
                let values = members.compactMap { run -> Double? in
                    guard let statistics = run.scalars[tag] else { return nil }
                    if statistic == .count { return Double(statistics.count) }
                    return statistics.value(of: statistic, minimizing: objective.minimizes(tag))
                }
                guard !values.isEmpty else { continue }
                scalars[tag] = Spread(
                    runs: values.count, mean: GroupStatistic.mean(values), std: GroupStatistic.std(values),
                    min: GroupStatistic.min(values), max: GroupStatistic.max(values))
            }
            return SummaryGroup(name: group.name, runs: members, sharedHparams: shared, scalars: scalars)
        }
    }
}
