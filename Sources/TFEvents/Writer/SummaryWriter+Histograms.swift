extension SummaryWriter {
    /// Buckets `values` and records the histogram.
    ///
    /// ```swift
    /// try writer.addHistogram("layer1/weights", values: weights, step: step)
    /// try writer.addHistogram("layer1/weights", values: weights, bucketing: .tensorboardX, step: step)
    /// ```
    ///
    /// The values may be any sequence of any floating-point type: `[Float]`, `[Double]`,
    /// `ArraySlice`, `ContiguousArray`, `[Float16]`, ... They are bucketed as
    /// ``Histogram/init(_:bucketing:)`` buckets them. NaN and infinite values are left out of the
    /// buckets (see ``Histogram``); the returned histogram counts them in
    /// ``Histogram/nonFiniteCount``.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - values: The values; any number, including none.
    ///   - bucketing: How to bucket them; TensorFlow 2's 30 equal-width buckets by default.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Returns: The histogram that was recorded.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range, an unusable bucketing or a tag holding NUL (nothing is recorded then), when the
    ///   writer is closed, or when an earlier flush failed.
    @discardableResult
    @inlinable
    public func addHistogram<Value: BinaryFloatingPoint>(
        _ tag: String, values: some Sequence<Value>, bucketing: Histogram.Bucketing = .tensorFlow,
        step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) -> Histogram {
        let step = try Self.eventStep(step)
        let histogram = try Histogram(values, bucketing: bucketing)
        try recordHistogram(tag, histogram, step: step, wallTime: wallTime)
        return histogram
    }

    /// Records a histogram made earlier, for example from buckets computed elsewhere.
    ///
    /// It is written as TensorFlow 2 writes histograms: a `[k, 3]` tensor of `[left, right, count]`
    /// rows, which both TensorBoard loaders show as they are.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range, an edge or a count that is not finite or a count that is negative (nothing is
    ///   recorded then), when the writer is closed, or when an earlier flush failed.
    @inlinable
    public func addHistogram(
        _ tag: String, _ histogram: Histogram, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordHistogram(tag, histogram, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The one histogram path under the generic entry points.
    @usableFromInline
    func recordHistogram(_ tag: String, _ histogram: Histogram, step: Int64, wallTime: Double?)
        throws(SummaryWriterError)
    {
        let value = try HistogramSummary.value(tag: tag, histogram: histogram)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
