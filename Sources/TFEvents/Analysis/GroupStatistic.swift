/// A statistic that folds the values of a group's runs at one step into one value.
///
/// Each is computed as numpy computes it over the runs' values (`np.mean`, `np.std` with
/// `ddof=0`, ...), adding in run order, so results equal numpy's bit for bit; a NaN among the
/// values makes every statistic NaN, as in numpy.
public enum GroupStatistic: String, Sendable, Hashable, CaseIterable {
    /// The arithmetic mean.
    case mean
    /// The population standard deviation (numpy's default `ddof=0`).
    case std
    /// The population variance, the square of ``std``.
    case variance = "var"
    /// The median: the middle value, or the mean of the two middle values.
    case median
    /// The smallest value.
    case min
    /// The largest value.
    case max

    /// The statistic of `values` (not empty).
    public func callAsFunction(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "a statistic of no values")
        if values.contains(where: \.isNaN) { return .nan }
        switch self {
        case .mean: return Self.average(values)
        case .std: return Self.variance(values).squareRoot()
        case .variance: return Self.variance(values)
        case .median:
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case .min: return values.min()!
        case .max: return values.max()!
        }
    }

    static func average(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// numpy's two-pass variance: the mean first, then the mean of the squared deviations.
    private static func variance(_ values: [Double]) -> Double {
        let mean = average(values)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    }
}
