/// Which runs or tags to read, by name.
///
/// ```swift
/// let reader = try SummaryReader(logdir: "runs", options: .init(runs: "^lr_", tags: "loss"))
/// ```
///
/// A string literal is a regular expression that must match somewhere in the name (as `grep`
/// matches), like the `--runs` and `--tags` options of `tfevents`; an invalid literal stops the
/// program, so build filters from text you did not write with ``init(pattern:)``, which throws.
public struct NameFilter: Sendable {
    private let predicate: @Sendable (String) -> Bool

    /// A filter that keeps the names `predicate` accepts.
    public init(_ predicate: @escaping @Sendable (String) -> Bool) {
        self.predicate = predicate
    }

    /// A filter that keeps the names in which the regular expression `pattern` finds a match.
    ///
    /// - Throws: The regular expression's error when `pattern` is not a valid one.
    public init(pattern: String) throws {
        let regex = CompiledRegex(try Regex(pattern))
        self.init { name in (try? regex.value.firstMatch(in: name)) != nil }
    }

    /// Keeps every name.
    public static let all = NameFilter { _ in true }

    /// Keeps exactly the names given.
    public static func named(_ names: some Sequence<String>) -> NameFilter {
        let set = Set(names)
        return NameFilter { set.contains($0) }
    }

    /// Whether `name` passes.
    public func includes(_ name: String) -> Bool { predicate(name) }
}

extension NameFilter: ExpressibleByStringLiteral {
    /// A filter from a regular expression literal; see ``NameFilter``.
    public init(stringLiteral pattern: String) {
        do {
            try self.init(pattern: pattern)
        } catch {
            preconditionFailure("'\(pattern)' is not a valid regular expression: \(error)")
        }
    }
}

/// A compiled regular expression shared between threads. `Regex<AnyRegexOutput>` is not marked
/// `Sendable` only because its output type is not; a compiled regex is never mutated, and its
/// lazily lowered program is published atomically.
private struct CompiledRegex: @unchecked Sendable {
    let value: Regex<AnyRegexOutput>

    init(_ value: Regex<AnyRegexOutput>) {
        self.value = value
    }
}
