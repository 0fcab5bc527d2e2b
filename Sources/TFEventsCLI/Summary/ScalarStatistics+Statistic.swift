import TFEvents

extension ScalarStatistics {
    /// The value of `statistic`, or `nil` when it has none (no points, or no finite value for
    /// `min`, `max`, `mean` and `best`).
    ///
    /// - Parameter minimizing: For ``Statistic/best``, whether smaller is better (it is then the
    ///   minimum, otherwise the maximum).
    func value(of statistic: Statistic, minimizing: Bool) -> Double? {
        switch statistic {
        case .count: return Double(count)
        case .first: return count > 0 ? first : nil
        case .last: return count > 0 ? last : nil
        case .min: return min
        case .max: return max
        case .mean: return mean
        case .best: return minimizing ? min : max
        }
    }
}
