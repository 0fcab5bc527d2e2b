internal import Glibc

/// The smoothing of TensorBoard's scalar dashboard, for drawing curves as TensorBoard draws them.
///
/// TensorBoard smooths each line with a debiased exponential moving average: over the finite
/// values in order, `last = last * weight + (1 - weight) * value`, and the smoothed value is
/// `last / (1 - weight^n)`, `n` being the number of finite values seen so far (the division
/// removes the pull toward the starting 0). A non-finite value is shown as it is and leaves the
/// average untouched, so one NaN does not break the rest of the line; a series whose values are
/// all equal is shown as it is (the average would only add rounding).
///
/// ```swift
/// let smoothed = Smoothing.exponentialMovingAverage([1, 3, .nan, 2], weight: 0.6)
/// // [1.0, 2.25, nan, 2.0816…]
/// ```
public enum Smoothing {
    /// The weight TensorBoard's slider starts at.
    public static let defaultWeight = 0.6

    /// `values` smoothed with `weight` (clamped to 0...1; 0 leaves the values as they are, 1 holds
    /// the first finite value), one output per input.
    public static func exponentialMovingAverage(_ values: some Collection<Double>, weight: Double) -> [Double] {
        let weight = weight.isFinite ? min(max(weight, 0), 1) : 0
        guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return Array(values) }
        var smoothed: [Double] = []
        smoothed.reserveCapacity(values.count)
        var last = 0.0
        var count = 0.0
        for value in values {
            guard value.isFinite else {
                smoothed.append(value)
                continue
            }
            last = last * weight + (1 - weight) * value
            count += 1
            // TensorBoard computes the power in JavaScript's Math.pow, which is the C library's pow.
            let debias = weight == 1 ? 1 : 1 - pow(weight, count)
            smoothed.append(last / debias)
        }
        return smoothed
    }
}
