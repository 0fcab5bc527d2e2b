extension PRCurve {
    /// The threshold count used when none is given: 127, as in tensorboardX's and PyTorch's
    /// `add_pr_curve`. (TensorBoard's own summary uses 201.)
    public static let defaultThresholdCount = 127

    /// Computes the curve of a binary classifier's predictions, exactly as TensorBoard's
    /// `pr_curve.summary.pb` and tensorboardX's and PyTorch's `add_pr_curve` compute it.
    ///
    /// ```swift
    /// let curve = try PRCurve(labels: isCat, predictions: catProbability)  // [Bool], [Float]
    /// print(curve.precision[63], curve.recall[63])                         // at threshold 0.5
    /// ```
    ///
    /// With `n` thresholds, prediction `p` counts at every threshold up to `floor(p · (n - 1))`,
    /// the product rounded in the predictions' own type as numpy rounds it; true positives,
    /// false positives, true negatives and false negatives are the (weighted) counts at each
    /// threshold `i / (n - 1)`, then precision is `TP / max(1e-7, TP + FP)` and recall
    /// `TP / max(1e-7, TP + FN)`. Counting and division are done in `Double`, with numpy's order
    /// of additions, and every value is then rounded to `Float`, as it is stored. For the same
    /// inputs and threshold count the result equals both references bit for bit; the two
    /// references agree with each other (checked on a few hundred random inputs,
    /// `Fixtures/pr_curves/reference.json`).
    ///
    /// Two differences of the references are the caller's to choose: the threshold count
    /// (tensorboardX and PyTorch default to 127 and silently lower anything above 127 to 127;
    /// TensorBoard's summary defaults to 201 and takes any count, and so does this initializer),
    /// and the tag (TensorBoard's summary appends `/pr_curves` to its name; tensorboardX, and
    /// ``SummaryWriter``, use the tag as given).
    ///
    /// - Parameters:
    ///   - labels: Whether each example is positive.
    ///   - predictions: The classifier's probability that each example is positive, in
    ///     `[0, 1]`, of any floating-point type (`Float`, `Double`, `Float16`, ...). Contiguous
    ///     `Float` and `Double` storage is read in place.
    ///   - weights: A weight per example (numpy's `float64`), finite and not negative; every
    ///     example counts once when `nil`.
    ///   - thresholdCount: The number of thresholds, from 2 to 1,048,576.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a prediction is NaN or
    ///   outside `[0, 1]`, the lengths differ, a weight is negative or not finite, a count would
    ///   overflow `Float`, or the threshold count is out of range.
    @inlinable
    public init<Prediction: BinaryFloatingPoint>(
        labels: some Collection<Bool>, predictions: some Collection<Prediction>, weights: [Double]? = nil,
        thresholdCount: Int = PRCurve.defaultThresholdCount
    ) throws(SummaryWriterError) {
        try Self.checkShape(
            labelCount: labels.count, predictionCount: predictions.count, weightCount: weights?.count,
            thresholdCount: thresholdCount)
        // Inlined into the caller, where the prediction type is known: Float and Double go to
        // bucketers compiled in this module, any other type is multiplied in its own type here.
        let bucketed =
            predictions.withContiguousStorageIfAvailable { Self.buckets($0, thresholdCount: thresholdCount) }
            ?? Array(predictions).withUnsafeBufferPointer { Self.buckets($0, thresholdCount: thresholdCount) }
        let buckets = try bucketed.get()
        let counted =
            labels.withContiguousStorageIfAvailable {
                Self.counted(labels: $0, buckets: buckets, weights: weights, thresholdCount: thresholdCount)
            }
            ?? Array(labels).withUnsafeBufferPointer {
                Self.counted(labels: $0, buckets: buckets, weights: weights, thresholdCount: thresholdCount)
            }
        self = try counted.get()
    }

    /// Computes the curve of predictions with labels given as numbers: 1 for a positive
    /// example, 0 for a negative one (as tensorboardX's examples pass them); any other label is
    /// refused. Otherwise the same as the initializer that takes `Bool` labels.
    ///
    /// - Throws: As the `Bool` initializer, and for a label other than 0 or 1.
    @inlinable
    public init<Prediction: BinaryFloatingPoint>(
        labels: some Collection<some BinaryInteger>, predictions: some Collection<Prediction>,
        weights: [Double]? = nil, thresholdCount: Int = PRCurve.defaultThresholdCount
    ) throws(SummaryWriterError) {
        var flags: [Bool] = []
        flags.reserveCapacity(labels.count)
        for (index, label) in labels.enumerated() {
            guard label == 0 || label == 1 else { throw Self.labelNotBinary(index: index, String(label)) }
            flags.append(label == 1)
        }
        try self.init(labels: flags, predictions: predictions, weights: weights, thresholdCount: thresholdCount)
    }

    // MARK: Entry points of the inlined initializers

    @usableFromInline
    static func checkShape(
        labelCount: Int, predictionCount: Int, weightCount: Int?, thresholdCount: Int
    ) throws(SummaryWriterError) {
        try PRCurveCounter.checkShape(
            labelCount: labelCount, predictionCount: predictionCount, weightCount: weightCount,
            thresholdCount: thresholdCount)
    }

    @usableFromInline
    static func labelNotBinary(index: Int, _ label: String) -> SummaryWriterError {
        PRCurveCounter.labelNotBinary(index: index, label)
    }

    /// The bucket of each prediction, by the bucketer for its type.
    @inlinable
    static func buckets<Prediction: BinaryFloatingPoint>(
        _ predictions: UnsafeBufferPointer<Prediction>, thresholdCount: Int
    ) -> Result<[Int32], SummaryWriterError> {
        if Prediction.self == Float.self {
            return buckets(
                floats: UnsafeRawBufferPointer(predictions).assumingMemoryBound(to: Float.self), thresholdCount)
        }
        if Prediction.self == Double.self {
            return buckets(
                doubles: UnsafeRawBufferPointer(predictions).assumingMemoryBound(to: Double.self), thresholdCount)
        }
        // numpy multiplies in the array's own type (a float16 product is rounded to float16), so
        // the product is computed here, where the type is known; it widens to Double exactly for
        // every type narrower than Double.
        let scale = Prediction(thresholdCount - 1)
        var widened: [Double] = []
        var floors: [Double] = []
        widened.reserveCapacity(predictions.count)
        floors.reserveCapacity(predictions.count)
        for p in predictions {
            widened.append(Double(p))
            floors.append(Double((p * scale).rounded(.down)))
        }
        return buckets(widened: widened, floors: floors, thresholdCount)
    }

    /// The bucketer for `Float` predictions, compiled once in this module.
    @usableFromInline
    static func buckets(
        floats: UnsafeBufferPointer<Float>, _ thresholdCount: Int
    ) -> Result<[Int32], SummaryWriterError> {
        Result { () throws(SummaryWriterError) in try PRCurveCounter.buckets(floats, thresholdCount: thresholdCount) }
    }

    /// The bucketer for `Double` predictions, compiled once in this module.
    @usableFromInline
    static func buckets(
        doubles: UnsafeBufferPointer<Double>, _ thresholdCount: Int
    ) -> Result<[Int32], SummaryWriterError> {
        Result { () throws(SummaryWriterError) in try PRCurveCounter.buckets(doubles, thresholdCount: thresholdCount) }
    }

    /// The bucketer for predictions of other types, whose products were computed by the caller.
    @usableFromInline
    static func buckets(
        widened: [Double], floors: [Double], _ thresholdCount: Int
    ) -> Result<[Int32], SummaryWriterError> {
        Result { () throws(SummaryWriterError) in
            try PRCurveCounter.buckets(widened: widened, floors: floors, thresholdCount: thresholdCount)
        }
    }

    /// The curve from the buckets and the labels.
    @usableFromInline
    static func counted(
        labels: UnsafeBufferPointer<Bool>, buckets: [Int32], weights: [Double]?, thresholdCount: Int
    ) -> Result<PRCurve, SummaryWriterError> {
        Result { () throws(SummaryWriterError) in
            try PRCurveCounter.curve(labels: labels, buckets: buckets, weights: weights, thresholdCount: thresholdCount)
        }
    }
}
