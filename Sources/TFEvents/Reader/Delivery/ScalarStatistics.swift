/// Running statistics of one scalar series, in constant memory however many points it has.
///
/// Fed the points in TensorBoard's order (``SummaryReader/summarize(progress:)`` does), the
/// statistics mean what TensorBoard shows:
/// - ``count``, ``firstStep``/``first`` and ``lastStep``/``last`` count and take every point,
///   whatever its value, so ``last`` can be NaN.
/// - ``min``, ``max`` and ``mean`` are over the finite values only, and `nil` when there are none;
///   ``nanCount`` and ``infinityCount`` (both signs) count the rest.
///
/// The mean is the compensated (Neumaier) sum of the finite values divided by their count, so it
/// stays exact to the last few bits over millions of points. Adding a point does no allocation.
///
/// Two statistics are equal when they hold the same numbers bit for bit (NaN equal to NaN), that
/// is, when the same points were added in the same order.
public struct ScalarStatistics: Sendable, Hashable {
    /// The number of points.
    public private(set) var count = 0
    /// The step of the first point; 0 while ``count`` is 0.
    public private(set) var firstStep: Int64 = 0
    /// The step of the last point; 0 while ``count`` is 0.
    public private(set) var lastStep: Int64 = 0
    /// The value of the first point; NaN while ``count`` is 0.
    public private(set) var first = Double.nan
    /// The value of the last point; NaN while ``count`` is 0.
    public private(set) var last = Double.nan
    /// The number of NaN values.
    public private(set) var nanCount = 0
    /// The number of infinite values, positive or negative.
    public private(set) var infinityCount = 0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var sum = 0.0
    private var compensation = 0.0

    /// Empty statistics.
    public init() {}

    /// Statistics of `values`, the point at index `i` having step `i`.
    public init(_ values: some Sequence<Double>) {
        for (index, value) in values.enumerated() { add(value, step: Int64(index)) }
    }

    /// Adds the next point.
    public mutating func add(_ value: Double, step: Int64) {
        if count == 0 {
            firstStep = step
            first = value
        }
        count += 1
        lastStep = step
        last = value
        guard value.isFinite else {
            if value.isNaN { nanCount += 1 } else { infinityCount += 1 }
            return
        }
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
        // Neumaier's variant of Kahan summation: exact for values of any relative size.
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// The number of finite values.
    public var finiteCount: Int { count - nanCount - infinityCount }

    /// The smallest finite value, or `nil` when there is none.
    public var min: Double? { finiteCount > 0 ? minimum : nil }

    /// The largest finite value, or `nil` when there is none.
    public var max: Double? { finiteCount > 0 ? maximum : nil }

    /// The mean of the finite values, or `nil` when there is none.
    public var mean: Double? { finiteCount > 0 ? (sum + compensation) / Double(finiteCount) : nil }

    public static func == (a: ScalarStatistics, b: ScalarStatistics) -> Bool {
        a.count == b.count && a.firstStep == b.firstStep && a.lastStep == b.lastStep && a.nanCount == b.nanCount
            && a.infinityCount == b.infinityCount && a.bitPatterns == b.bitPatterns
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(lastStep)
        hasher.combine(bitPatterns)
    }

    private var bitPatterns: [UInt64] {
        [first, last, minimum, maximum, sum, compensation].map(\.bitPattern)
    }
}

/// How many points a series has, and its last one: enough to summarize images, histograms and
/// text, whose points are too big to keep.
public struct LatestPoint<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The number of points.
    public private(set) var count = 0
    /// The step of the last point, in TensorBoard's order; `nil` while there is none.
    public private(set) var lastStep: Int64?
    /// The value of the last point; `nil` while there is none.
    public private(set) var last: Value?

    /// No point yet.
    public init() {}

    /// Statistics made from others' (a mesh's, from its parts).
    init(count: Int, lastStep: Int64, last: Value) {
        self.count = count
        self.lastStep = lastStep
        self.last = last
    }

    /// Adds the next point.
    public mutating func add(_ value: Value, step: Int64) {
        count += 1
        lastStep = step
        last = value
    }
}
