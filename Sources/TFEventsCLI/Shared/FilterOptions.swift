import ArgumentParser
import TFEvents

/// `--runs REGEX` and `--tags REGEX`, shared by the commands that read runs.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only runs whose name matches this regular expression (searched, not anchored).")
    var runs: String?

    @Option(name: .long, help: "Only tags that match this regular expression (searched, not anchored).")
    var tags: String?

    /// The compiled filters; a bad expression is a usage error (exit 64) naming the option.
    func compiled() throws -> CompiledFilters {
        CompiledFilters(
            runs: try Self.compile(runs, option: "--runs"), tags: try Self.compile(tags, option: "--tags"),
            filtersRuns: runs != nil, filtersTags: tags != nil)
    }

    func validate() throws {
        _ = try compiled()
    }

    private static func compile(_ pattern: String?, option: String) throws -> NameFilter {
        guard let pattern else { return .all }
        do {
            return try NameFilter(pattern: pattern)
        } catch {
            throw ValidationError("\(option): '\(pattern)' is not a valid regular expression: \(error)")
        }
    }
}

/// Run and tag filters, ready to match.
struct CompiledFilters: Sendable {
    var runs: NameFilter
    var tags: NameFilter
    /// Whether `--runs` was given.
    var filtersRuns = false
    /// Whether `--tags` was given.
    var filtersTags = false

    func includes(run name: String) -> Bool { runs.includes(name) }

    func includes(tag: String) -> Bool { tags.includes(tag) }
}
