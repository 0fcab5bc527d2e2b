/// Runs folded into one group by a ``RunGrouping``.
public struct RunGroup: Sendable, Hashable {
    /// The group's name: the runs' common name, or their common hyperparameters.
    public var name: String
    /// The names of its runs.
    public var runs: [String]

    /// Creates a group.
    public init(name: String, runs: [String]) {
        self.name = name
        self.runs = runs
    }
}
