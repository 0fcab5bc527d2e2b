import ArgumentParser

/// `--minimize REGEX` and `--maximize REGEX`, shared by the commands that show a tag's best
/// value (`summary --stat best`, the report's best columns); see ``ObjectiveRule``.
struct ObjectiveOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Treat tags matching this regular expression as lower-is-better for their best value.",
            valueName: "regex"))
    var minimize: String?

    @Option(
        help: ArgumentHelp(
            "Treat tags matching this regular expression as higher-is-better for their best value (checked "
                + "before --minimize).", valueName: "regex"))
    var maximize: String?

    func validate() throws {
        _ = try rule()
    }

    /// `--minimize` and `--maximize`, compiled; a bad expression is a usage error.
    func rule() throws -> ObjectiveRule {
        func compile(_ pattern: String?, _ option: String) throws -> Regex<AnyRegexOutput>? {
            guard let pattern else { return nil }
            do {
                return try Regex(pattern)
            } catch {
                throw ValidationError("\(option): '\(pattern)' is not a valid regular expression: \(error)")
            }
        }
        return ObjectiveRule(maximize: try compile(maximize, "--maximize"), minimize: try compile(minimize, "--minimize"))
    }
}
