/// A legacy histogram as TensorFlow 1 and tensorboardX store it: `tensorboard.HistogramProto`.
///
/// Bucket `i` counts the values in `[bucketLimits[i-1], bucketLimits[i])`; bucket 0 starts at
/// `-Double.greatestFiniteMagnitude`.
public struct HistogramProto: Sendable, Hashable {
    /// The smallest value.
    public var min: Double
    /// The largest value.
    public var max: Double
    /// The number of values.
    public var num: Double
    /// The sum of the values.
    public var sum: Double
    /// The sum of the squares of the values.
    public var sumSquares: Double
    /// The right edge of each bucket.
    public var bucketLimits: [Double]
    /// The count in each bucket, parallel to ``bucketLimits``.
    public var bucketCounts: [Double]

    /// Creates a legacy histogram.
    public init(
        min: Double, max: Double, num: Double, sum: Double, sumSquares: Double,
        bucketLimits: [Double], bucketCounts: [Double]
    ) {
        self.min = min
        self.max = max
        self.num = num
        self.sum = sum
        self.sumSquares = sumSquares
        self.bucketLimits = bucketLimits
        self.bucketCounts = bucketCounts
    }
}
