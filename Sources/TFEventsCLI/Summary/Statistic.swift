import ArgumentParser

/// Which number of a scalar series a table shows (`--stat`).
enum Statistic: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// The value of the last point, in TensorBoard's order (what its charts end on).
    case last
    /// The smallest finite value.
    case min
    /// The largest finite value.
    case max
    /// The mean of the finite values.
    case mean
    /// The number of points.
    case count
    /// The value of the first point.
    case first
    /// The minimum for tags to minimize, the maximum otherwise (see ``ObjectiveRule``).
    case best
}
