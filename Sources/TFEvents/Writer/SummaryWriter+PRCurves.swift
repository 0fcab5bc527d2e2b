extension SummaryWriter {
    /// Computes a precision-recall curve from labels and predictions and records it, as
    /// tensorboardX's and PyTorch's `add_pr_curve` do.
    ///
    /// ```swift
    /// try writer.addPRCurve("eval/cat", labels: isCat, predictions: catProbability, step: epoch)
    /// try writer.addPRCurve("eval/dog", labels: [1, 0, 1], predictions: [0.9, 0.4, 0.35], step: epoch)
    /// ```
    ///
    /// The curve is computed as ``PRCurve/init(labels:predictions:weights:thresholdCount:)``
    /// computes it, equal bit for bit to TensorBoard's and tensorboardX's own computation, and
    /// written as a `[6, n]` float tensor that TensorBoard's PR CURVES tab shows in both loaders.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections. Used as given (TensorBoard's
    ///     own summary would append `/pr_curves`).
    ///   - labels: Whether each example is positive: `Bool`s, or integers 0 and 1.
    ///   - predictions: The probability of each example being positive, in `[0, 1]`, of any
    ///     floating-point type.
    ///   - weights: A weight per example, finite and not negative; each example counts once when
    ///     `nil`.
    ///   - thresholdCount: The number of thresholds, evenly spaced from 0 to 1: 127 by default,
    ///     as in tensorboardX and PyTorch (which lower any larger count to 127; this writer
    ///     does not). TensorBoard's own summary uses 201.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Returns: The curve that was recorded, its values rounded to `Float` as stored.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` (and nothing is recorded) for a
    ///   step outside the 64-bit range, a prediction that is NaN or outside `[0, 1]`, labels,
    ///   predictions and weights of different lengths, a negative or non-finite weight, a
    ///   threshold count below 2 (or above 1,048,576), counts that overflow `Float`, or a tag
    ///   holding NUL; when the writer is closed, or when an earlier flush failed.
    @discardableResult
    @inlinable
    public func addPRCurve<Prediction: BinaryFloatingPoint>(
        _ tag: String, labels: some Collection<Bool>, predictions: some Collection<Prediction>,
        weights: [Double]? = nil, thresholdCount: Int = PRCurve.defaultThresholdCount, step: some BinaryInteger,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> PRCurve {
        let step = try Self.eventStep(step)
        let curve = try PRCurve(
            labels: labels, predictions: predictions, weights: weights, thresholdCount: thresholdCount)
        try recordPRCurve(tag, curve, step: step, wallTime: wallTime)
        return curve
    }

    /// Computes a precision-recall curve from labels given as 0 and 1 and records it; otherwise
    /// the same as the overload that takes `Bool` labels.
    ///
    /// - Throws: As the `Bool` overload, and for a label other than 0 or 1.
    @discardableResult
    @inlinable
    public func addPRCurve<Prediction: BinaryFloatingPoint>(
        _ tag: String, labels: some Collection<some BinaryInteger>, predictions: some Collection<Prediction>,
        weights: [Double]? = nil, thresholdCount: Int = PRCurve.defaultThresholdCount, step: some BinaryInteger,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) -> PRCurve {
        let step = try Self.eventStep(step)
        let curve = try PRCurve(
            labels: labels, predictions: predictions, weights: weights, thresholdCount: thresholdCount)
        try recordPRCurve(tag, curve, step: step, wallTime: wallTime)
        return curve
    }

    /// Records a precision-recall curve computed elsewhere, as tensorboardX's
    /// `add_pr_curve_raw` does.
    ///
    /// ```swift
    /// let curve = PRCurve(
    ///     truePositives: [75, 64, 21, 5, 0], falsePositives: [150, 105, 18, 0, 0],
    ///     trueNegatives: [0, 45, 132, 150, 150], falseNegatives: [0, 11, 54, 70, 75],
    ///     precision: [0.3333333, 0.3786982, 0.5384616, 1.0, 0.0], recall: [1.0, 0.8533334, 0.28, 0.0666667, 0.0])
    /// try writer.addPRCurve("eval/raw", curve, step: 1)
    /// ```
    ///
    /// The six rows are stored as they are, rounded to `Float`; their length is the threshold
    /// count (tensorboardX writes its `num_thresholds` argument into the metadata even when the
    /// rows are longer or shorter, which TensorBoard ignores). TensorBoard serves the counts as
    /// integers, truncated toward zero, and drops the trailing thresholds where true plus false
    /// positives are zero.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` (and nothing is recorded) for a
    ///   step outside the 64-bit range, rows of different lengths, fewer than 2 thresholds (or
    ///   more than 1,048,576), a value that is not finite as a `Float` (TensorBoard's server
    ///   fails on them), or a tag holding NUL; when the writer is closed, or when an earlier
    ///   flush failed.
    @inlinable
    public func addPRCurve(
        _ tag: String, _ curve: PRCurve, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordPRCurve(tag, curve, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The one PR curve path under the generic entry points.
    @usableFromInline
    func recordPRCurve(_ tag: String, _ curve: PRCurve, step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        let value = try PRCurveSummary.value(tag: tag, curve: curve)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
