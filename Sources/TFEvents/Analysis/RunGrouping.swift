/// How runs are folded into groups, such as the seeds of one configuration: by a pattern removed
/// from their names, or by equal hyperparameters.
///
/// ```swift
/// let grouping = try RunGrouping(removing: #"seed_?\d+"#)
/// grouping.groups(of: ["lr_0.1/seed_1", "lr_0.1/seed_2", "lr_0.01/seed_1"])
/// // [lr_0.01: [lr_0.01/seed_1], lr_0.1: [lr_0.1/seed_1, lr_0.1/seed_2]]
/// ```
public struct RunGrouping: Sendable {
    enum Rule: Sendable {
        case pattern(String)
        case hyperparameters(ignoring: Set<String>)
    }

    let rule: Rule
    /// The compiled pattern; `Regex` is not `Sendable`, and is only ever read.
    nonisolated(unsafe) let regex: Regex<AnyRegexOutput>?

    /// Groups runs whose names are equal once every match of `pattern` (Swift `Regex` syntax,
    /// which takes Python's and PCRE's common forms) is removed from them. Where a match is removed,
    /// the separators (`/`, `_`, `-`, `.`, `,`, `=`, space) it leaves side by side collapse to the first, and
    /// separators left at either end are trimmed; a name left empty becomes `.`, TensorBoard's name
    /// for the log directory itself.
    ///
    /// - Throws: ``RunGroupingError`` when `pattern` is not a valid regular expression or matches
    ///   the empty string (it would remove nothing and group nothing).
    public init(removing pattern: String) throws(RunGroupingError) {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw RunGroupingError(pattern: pattern, reason: "\(error)")
        }
        if (try? regex.wholeMatch(in: "")) != nil {
            throw RunGroupingError(pattern: pattern, reason: "it matches the empty string")
        }
        self.rule = .pattern(pattern)
        self.regex = regex
    }

    /// Groups runs whose hyperparameters are equal, leaving out those named in `ignored` (such as
    /// `seed`). A group is named after its hyperparameters in name order (`batch=32, lr=0.1`); a
    /// run without hyperparameters stays a group of its own, under its name.
    public init(equalHyperparametersIgnoring ignored: Set<String> = []) {
        self.rule = .hyperparameters(ignoring: ignored)
        self.regex = nil
    }

    /// The name of the group `run` belongs to, given its hyperparameters.
    public func groupName(of run: String, hyperparameters: [String: HParamValue] = [:]) -> String {
        switch rule {
        case .pattern:
            return Self.remove(regex!, from: run)
        case .hyperparameters(let ignored):
            let kept = hyperparameters.filter { !ignored.contains($0.key) }
            guard !kept.isEmpty else { return run }
            return kept.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
    }

    /// The groups of `runs`, by group name, each with its runs in the order given.
    public func groups(of runs: [String], hyperparameters: [String: [String: HParamValue]] = [:]) -> [RunGroup] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for run in runs {
            let name = groupName(of: run, hyperparameters: hyperparameters[run] ?? [:])
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(run)
        }
        return order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { RunGroup(name: $0, runs: members[$0]!) }
    }

    /// The groups of `runs`, their hyperparameters taken from each ``Run``.
    public func groups(of runs: [Run]) -> [RunGroup] {
        groups(
            of: runs.map(\.name),
            hyperparameters: Dictionary(runs.map { ($0.name, $0.hparams) }, uniquingKeysWith: { first, _ in first }))
    }

    static let separators: Set<Character> = ["/", "_", "-", ".", ",", "=", " "]

    /// `name` without the matches of `regex`, separators tidied as ``init(removing:)`` says.
    static func remove(_ regex: Regex<AnyRegexOutput>, from name: String) -> String {
        var result = ""
        var rest = name[...]
        for match in name.matches(of: regex) where !match.range.isEmpty {
            result += name[rest.startIndex..<match.range.lowerBound]
            rest = name[match.range.upperBound...]
            // The separator before the match and the one after would now touch: keep one.
            if let next = rest.first, separators.contains(next), let previous = result.last,
                separators.contains(previous)
            {
                rest = rest.dropFirst()
            }
        }
        result += rest
        let trimmed = result.drop { separators.contains($0) }.reversed().drop { separators.contains($0) }
        let name = String(trimmed.reversed())
        return name.isEmpty ? "." : name
    }
}
