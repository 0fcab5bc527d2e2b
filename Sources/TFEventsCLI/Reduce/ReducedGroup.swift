import TFEvents

/// One group of runs with its scalars folded tag by tag: what `tfevents reduce` writes as the
/// runs `GROUP/mean`, `GROUP/std`, ... or as CSV rows.
struct ReducedGroup {
    /// The group.
    var group: RunGroup
    /// The hyperparameters every run of the group has with the same value.
    var sharedHparams: [String: HParamValue]
    /// Each scalar tag that at least one run has, in name order, folded over the runs that have it.
    var tags: [(tag: String, scalars: GroupedScalars)]

    /// Folds the runs of `group` found in `runs` (by name).
    init(group: RunGroup, runs: [String: RunContents]) {
        self.group = group
        let members = group.runs.compactMap { runs[$0] }
        var shared = members.first?.run.hparams ?? [:]
        for run in members.dropFirst() {
            shared = shared.filter { run.run.hparams[$0.key] == $0.value }
        }
        sharedHparams = shared
        var tags: [String: [[(step: Int64, wallTime: Double, value: Double)]]] = [:]
        for run in members {
            for series in run.series where series.series.kind == .scalars {
                tags[series.series.tag, default: []].append(series.scalars)
            }
        }
        self.tags = tags.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, GroupedScalars(tags[$0]!)) }
    }

    /// The directory of the group's reduced runs below the output directory: the group's name
    /// with each path component made safe (``SafeFileName``), so no group name, however made,
    /// reaches outside it; `.` for the group named `.`.
    var relativePath: String {
        guard group.name != "." else { return "." }
        return group.name.split(separator: "/", omittingEmptySubsequences: true)
            .map { SafeFileName.component(String($0)) }.joined(separator: "/")
    }
}
