/// A bucketed histogram, as TensorBoard's HISTOGRAMS and DISTRIBUTIONS tabs show it: a list of
/// buckets, each a row `[left, right, count]`.
///
/// Make one from values with a ``Bucketing`` (TensorFlow 2's 30 equal-width buckets by default),
/// or from buckets you computed yourself:
///
/// ```swift
/// let histogram = try Histogram(weights, bucketing: .tensorboardX)
/// try writer.addHistogram("layer1/weights", histogram, step: 100)
/// ```
///
/// **Values that fall in no bucket.** NaN and ±infinity are never put in a bucket: they have no
/// place on the axis, and TensorFlow's own bucketing turns every edge into NaN when it meets one.
/// They are counted in ``nonFiniteCount`` instead, so you can see (or log) how many there were.
/// Finite values outside explicit edges (or beyond about ±9.9e19 for ``Bucketing/tensorboardX``)
/// are dropped, as `numpy.histogram` drops them, and counted in ``outOfRangeCount``.
///
/// **No values.** With no finite value, TensorFlow's bucketing gives its usual buckets, every one
/// `[0, 0, 0]`, exactly as TensorFlow 2 writes an empty histogram; explicit edges give their
/// buckets with zero counts; the tensorboardX bucketing, which keeps only the occupied range,
/// gives no bucket at all (tensorboardX itself raises an error).
public struct Histogram: Sendable, Hashable {
    /// The buckets, left to right.
    public var buckets: [Bucket]
    /// How many values were NaN or infinite and so are in no bucket.
    public var nonFiniteCount: Int
    /// How many finite values were outside the bucketing's range and so are in no bucket.
    public var outOfRangeCount: Int

    /// Creates a histogram from buckets computed elsewhere, such as tensorboardX's
    /// `add_histogram_raw` input. The buckets are written as they are.
    public init(buckets: [Bucket]) {
        self.buckets = buckets
        self.nonFiniteCount = 0
        self.outOfRangeCount = 0
    }

    init(buckets: [Bucket], nonFiniteCount: Int, outOfRangeCount: Int) {
        self.buckets = buckets
        self.nonFiniteCount = nonFiniteCount
        self.outOfRangeCount = outOfRangeCount
    }

    /// One bucket: the values from ``left`` to ``right`` and how many there were.
    ///
    /// Every bucket but the last holds `left <= x < right`; the last one also holds `x == right`.
    public struct Bucket: Sendable, Hashable {
        /// The left edge.
        public var left: Double
        /// The right edge.
        public var right: Double
        /// The number of values (a weight, for buckets computed elsewhere).
        public var count: Double

        /// Creates a bucket.
        public init(left: Double, right: Double, count: Double) {
            self.left = left
            self.right = right
            self.count = count
        }
    }

    /// The sum of the bucket counts: the number of values that are in a bucket.
    public var totalCount: Double {
        buckets.reduce(0) { $0 + $1.count }
    }
}
