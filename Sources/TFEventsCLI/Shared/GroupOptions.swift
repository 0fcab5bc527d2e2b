import ArgumentParser
import TFEvents

/// `--group REGEX` and `--group-by-hparams [--ignore-hparam NAME]...`, shared by the commands
/// that fold runs into groups (`summary`, `report`, `plot`, `reduce`).
struct GroupOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            Fold runs whose names are equal once every match of this regular expression is removed \
            (separators left at the ends trimmed): --group 'seed_?\\d+' makes lr_0.1/seed_1 and \
            lr_0.1/seed_2 one group lr_0.1.
            """, valueName: "regex"))
    var group: String?

    @Flag(help: "Fold runs whose hyperparameters are equal (but for those named by --ignore-hparam).")
    var groupByHparams = false

    @Option(
        name: .customLong("ignore-hparam"),
        help: ArgumentHelp("A hyperparameter that --group-by-hparams ignores, such as 'seed' (repeatable).", valueName: "name"))
    var ignoredHparams: [String] = []

    func validate() throws {
        _ = try grouping()
        if group != nil && groupByHparams {
            throw ValidationError("--group and --group-by-hparams cannot be used together.")
        }
        if !ignoredHparams.isEmpty && !groupByHparams {
            throw ValidationError("--ignore-hparam needs --group-by-hparams.")
        }
    }

    /// The grouping asked for, or `nil` when runs stay on their own; a bad pattern is a usage error.
    func grouping() throws -> RunGrouping? {
        if let group {
            do {
                return try RunGrouping(removing: group)
            } catch {
                throw ValidationError("--group: \(error)")
            }
        }
        return groupByHparams ? RunGrouping(equalHyperparametersIgnoring: Set(ignoredHparams)) : nil
    }
}
