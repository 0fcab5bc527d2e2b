extension Histogram {
    /// How values are put into buckets.
    public struct Bucketing: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case equalWidth(Int)
            case edges([Double])
            case tensorboardX
        }

        let kind: Kind

        /// TensorFlow 2's default: 30 equal-width buckets from the smallest to the largest value,
        /// exactly as `tf.summary.histogram` and TensorBoard's `histogram_pb` compute them.
        public static let tensorFlow = Bucketing(kind: .equalWidth(30))

        /// TensorFlow 2's bucketing with `bucketCount` buckets (its `buckets` argument).
        ///
        /// Bucket `i` of `n` holds the values `x` with `floor((x - min) / ((max - min) / n)) == i`,
        /// the largest value going into the last bucket; the edges are spaced evenly from the
        /// smallest value to the largest, as `numpy.linspace` spaces them. When every value is the
        /// same, every bucket is `[x, x, 0]` but the last, which holds them all.
        public static func equalWidth(bucketCount: Int) -> Bucketing {
            Bucketing(kind: .equalWidth(bucketCount))
        }

        /// Buckets between the given edges, as `numpy.histogram(values, bins: edges)` makes them:
        /// bucket `i` holds `edges[i] <= x < edges[i + 1]`, the last bucket also holds
        /// `x == edges.last`, and values outside the edges are left out.
        ///
        /// The edges must be finite and in increasing order (equal neighbours make an empty
        /// bucket), at least two of them.
        public static func edges(_ edges: [Double]) -> Bucketing {
            Bucketing(kind: .edges(edges))
        }

        /// tensorboardX's default (`bins="tensorflow"`): the fixed edges `0` and
        /// `±1e-12 · 1.1^j` below `1e20` (1,549 edges), then only the buckets from one before the
        /// first occupied bucket to the last occupied bucket (empty buckets between them are
        /// kept). The result matches tensorboardX's `bucket_limit` and `bucket` exactly.
        ///
        /// Its buckets are narrow near zero and wide far from it, so very different scales share
        /// one picture.
        public static let tensorboardX = Bucketing(kind: .tensorboardX)
    }

    /// Buckets `values` with `bucketing`; see the type's documentation for NaN, infinities and
    /// empty input.
    ///
    /// ```swift
    /// let histogram = try Histogram(weights)                        // [Float], [Double], a slice...
    /// let wide = try Histogram(activations, bucketing: .tensorboardX)
    /// ```
    ///
    /// Every value is bucketed by its `Double` value, which is exact for `Float16`, `Float` and
    /// `Double` (a wider type such as `Float80` is rounded to the nearest `Double` first), so a
    /// `Float` array gives exactly the histogram of its `Double` widening. Contiguous storage
    /// (arrays, slices, `ContiguousArray`) of `Float` or `Double` is bucketed in place; other
    /// sequences are copied once.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a bucketing that cannot be
    ///   used: a bucket count below 1, or fewer than two edges, non-finite edges or edges out of order.
    @inlinable
    public init<Value: BinaryFloatingPoint>(
        _ values: some Sequence<Value>, bucketing: Bucketing = .tensorFlow
    ) throws(SummaryWriterError) {
        // Inlined into the caller, where the element type is known: the dispatch below folds to
        // one call of a specialized, non-generic bucketer.
        let bucketed =
            values.withContiguousStorageIfAvailable { Self.bucketed($0, bucketing) }
            ?? Array(values).withUnsafeBufferPointer { Self.bucketed($0, bucketing) }
        self = try bucketed.get()
    }

    /// Buckets contiguous values with the bucketer specialized for their type: `Float` and
    /// `Double` as they are, any other type widened to `Double`.
    @inlinable
    static func bucketed<Value: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<Value>, _ bucketing: Bucketing
    ) -> Result<Histogram, SummaryWriterError> {
        if Value.self == Float.self {
            return bucketed(floats: UnsafeRawBufferPointer(values).assumingMemoryBound(to: Float.self), bucketing)
        }
        if Value.self == Double.self {
            return bucketed(doubles: UnsafeRawBufferPointer(values).assumingMemoryBound(to: Double.self), bucketing)
        }
        return values.map { Double($0) }.withUnsafeBufferPointer { bucketed(doubles: $0, bucketing) }
    }

    /// The bucketer for `Float` values, compiled once in this module.
    @usableFromInline
    static func bucketed(
        floats values: UnsafeBufferPointer<Float>, _ bucketing: Bucketing
    ) -> Result<Histogram, SummaryWriterError> {
        Result { () throws(SummaryWriterError) in try HistogramBucketer.bucket(values, bucketing) }
    }

    /// The bucketer for `Double` values, compiled once in this module.
    @usableFromInline
    static func bucketed(
        doubles values: UnsafeBufferPointer<Double>, _ bucketing: Bucketing
    ) -> Result<Histogram, SummaryWriterError> {
        Result { () throws(SummaryWriterError) in try HistogramBucketer.bucket(values, bucketing) }
    }
}
