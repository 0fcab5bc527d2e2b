/// A grouping pattern that cannot be used.
public struct RunGroupingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern, as given.
    public var pattern: String
    /// Why it cannot be used.
    public var reason: String

    public var description: String { "invalid group pattern '\(pattern)': \(reason)" }
}
