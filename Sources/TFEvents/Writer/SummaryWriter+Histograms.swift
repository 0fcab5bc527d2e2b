extension SummaryWriter {
    /// Buckets `values` and records the histogram.
    ///
    /// ```swift
    /// try writer.addHistogram("layer1/weights", values: weights, step: step)
    /// try writer.addHistogram("layer1/weights", values: weights, bucketing: .tensorboardX, step: step)
    /// ```
    ///
    /// NaN and infinite values are left out of the buckets (see ``Histogram``); the returned
    /// histogram counts them in ``Histogram/nonFiniteCount``.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - values: The values; any number, including none.
    ///   - bucketing: How to bucket them; TensorFlow 2's 30 equal-width buckets by default.
    ///   - step: The step. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Returns: The histogram that was recorded.
    /// - Throws: ``SummaryWriterError`` for an unusable bucketing (nothing is recorded), when the
    ///   writer is closed, or when an earlier flush failed.
    @discardableResult
    public func addHistogram(
        _ tag: String, values: [Float], bucketing: Histogram.Bucketing = .tensorFlow, step: Int64,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> Histogram {
        let histogram = try Histogram(values, bucketing: bucketing)
        try addHistogram(tag, histogram, step: step, wallTime: wallTime)
        return histogram
    }

    /// Buckets `values` and records the histogram; see
    /// ``addHistogram(_:values:bucketing:step:wallTime:)-(String,[Float],_,Int64,_)``.
    @discardableResult
    public func addHistogram(
        _ tag: String, values: [Double], bucketing: Histogram.Bucketing = .tensorFlow, step: Int64,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> Histogram {
        let histogram = try Histogram(values, bucketing: bucketing)
        try addHistogram(tag, histogram, step: step, wallTime: wallTime)
        return histogram
    }

    /// Buckets `values` and records the histogram, with an `Int` step.
    @discardableResult
    public func addHistogram(
        _ tag: String, values: [Float], bucketing: Histogram.Bucketing = .tensorFlow, step: Int,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> Histogram {
        try addHistogram(tag, values: values, bucketing: bucketing, step: Int64(step), wallTime: wallTime)
    }

    /// Buckets `values` and records the histogram, with an `Int` step.
    @discardableResult
    public func addHistogram(
        _ tag: String, values: [Double], bucketing: Histogram.Bucketing = .tensorFlow, step: Int,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> Histogram {
        try addHistogram(tag, values: values, bucketing: bucketing, step: Int64(step), wallTime: wallTime)
    }

    /// Records a histogram made earlier, for example from buckets computed elsewhere.
    ///
    /// It is written as TensorFlow 2 writes histograms: a `[k, 3]` tensor of `[left, right, count]`
    /// rows, which both TensorBoard loaders show as they are.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when an edge or a count is not
    ///   finite or a count is negative (nothing is recorded), when the writer is closed, or when an
    ///   earlier flush failed.
    public func addHistogram(_ tag: String, _ histogram: Histogram, step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        let value = try HistogramSummary.value(tag: tag, histogram: histogram)
        try addValue(value, step: step, wallTime: wallTime)
    }

    /// Records a histogram made earlier, with an `Int` step.
    public func addHistogram(_ tag: String, _ histogram: Histogram, step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addHistogram(tag, histogram, step: Int64(step), wallTime: wallTime)
    }
}
