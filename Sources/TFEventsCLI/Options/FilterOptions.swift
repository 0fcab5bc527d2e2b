import ArgumentParser

/// `--runs REGEX` and `--tags REGEX`, shared by the commands that read runs.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only runs whose name matches this regular expression (searched, not anchored).")
    var runs: String?

    @Option(name: .long, help: "Only tags that match this regular expression (searched, not anchored).")
    var tags: String?

    /// The compiled filters; a bad expression is a usage error (exit 64) naming the option.
    func compiled() throws -> CompiledFilters {
        CompiledFilters(runs: try Self.compile(runs, option: "--runs"), tags: try Self.compile(tags, option: "--tags"))
    }

    func validate() throws {
        _ = try compiled()
    }

    private static func compile(_ pattern: String?, option: String) throws -> Regex<AnyRegexOutput>? {
        guard let pattern else { return nil }
        do {
            return try Regex(pattern)
        } catch {
            throw ValidationError("\(option): '\(pattern)' is not a valid regular expression: \(error)")
        }
    }
}

/// Run and tag filters, ready to match.
struct CompiledFilters: @unchecked Sendable {  // Regex is immutable once compiled
    var runs: Regex<AnyRegexOutput>?
    var tags: Regex<AnyRegexOutput>?

    func includes(run name: String) -> Bool {
        guard let runs else { return true }
        return (try? runs.firstMatch(in: name)) != nil
    }

    func includes(tag: String) -> Bool {
        guard let tags else { return true }
        return (try? tags.firstMatch(in: tag)) != nil
    }
}
