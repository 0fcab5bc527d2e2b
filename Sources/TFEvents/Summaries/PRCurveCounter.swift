/// Computes precision-recall curves from labels and predictions with the arithmetic of
/// TensorBoard's `pr_curve.summary.pb` and of tensorboardX's and PyTorch's `compute_curve` (the
/// same numpy code in all three; EventFileFormat.md §7.6), so the float32 values written are
/// theirs bit for bit:
///
/// 1. Prediction `p` goes to bucket `floor(p * (n - 1))`, the product rounded in the
///    prediction's own type (numpy multiplies a `float32` array in `float32`).
/// 2. `numpy.histogram` sums the weights per bucket in `float64`, positives and negatives apart,
///    one block of 65,536 values at a time: each block is summed on its own, in order, then
///    added to the totals.
/// 3. `TP` and `FP` are the sums from the top bucket down; `TN = FP[0] - FP`,
///    `FN = TP[0] - TP`, precision `TP / max(1e-7, TP + FP)` and recall
///    `TP / max(1e-7, TP + FN)`, all in `float64`, and each value is then rounded to `float32`.
///
/// Inputs that those implementations would turn into garbage or silently drop (NaN,
/// predictions outside `[0, 1]`, negative or non-finite weights, mismatched lengths) are
/// refused instead.
enum PRCurveCounter {
    /// The most thresholds a curve may have: far beyond any display (TensorBoard draws a point
    /// per threshold), and small enough that every bucket index fits the `int32` numpy uses.
    static let maximumThresholdCount = 1 << 20

    /// `numpy.histogram` sums its weights in blocks of this many values.
    static let numpyBlockSize = 65_536

    /// The smallest denominator of precision and recall, as in every reference: with very small
    /// weights, `TP + FP` can fall below it.
    static let minimumCount = 1e-7

    // MARK: Checks

    /// Refuses a threshold count or lengths that cannot make a curve.
    static func checkShape(
        labelCount: Int, predictionCount: Int, weightCount: Int?, thresholdCount: Int
    ) throws(SummaryWriterError) {
        try checkThresholdCount(thresholdCount)
        guard labelCount == predictionCount else {
            throw .invalidInput(
                "a PR curve needs one label per prediction, but there are \(labelCount) labels and "
                    + "\(predictionCount) predictions")
        }
        if let weightCount, weightCount != predictionCount {
            throw .invalidInput(
                "a PR curve needs one weight per prediction, but there are \(weightCount) weights and "
                    + "\(predictionCount) predictions")
        }
    }

    /// Refuses a threshold count outside `2...maximumThresholdCount`: threshold `i` is
    /// `i / (n - 1)`, and TensorBoard divides by `n - 1` too.
    static func checkThresholdCount(_ count: Int) throws(SummaryWriterError) {
        guard count >= 2 else {
            throw .invalidInput("a PR curve needs at least 2 thresholds, but the threshold count is \(count)")
        }
        guard count <= maximumThresholdCount else {
            throw .invalidInput(
                "a PR curve may have at most \(maximumThresholdCount) thresholds, but the threshold count is \(count)")
        }
    }

    /// The error for a label that is neither 0 nor 1.
    static func labelNotBinary(index: Int, _ label: String) -> SummaryWriterError {
        .invalidInput("a PR curve needs labels that are 0 or 1, but label \(index) is \(label)")
    }

    /// The error for a prediction that is NaN or outside `[0, 1]`.
    static func predictionOutOfRange(index: Int, _ prediction: Double) -> SummaryWriterError {
        .invalidInput("a PR curve needs predictions in [0, 1], but prediction \(index) is \(prediction)")
    }

    // MARK: Buckets

    /// The bucket of a prediction from `floor(p * (n - 1))` as numpy computes it, or -1 for a
    /// product outside the buckets, which `numpy.histogram` leaves out (only a product rounded up
    /// past `n - 1`, or overflowing, in a narrow type such as `Float16`).
    @inline(__always)
    static func bucket(floor: Double, lastIndex: Double) -> Int32 {
        floor >= 0 && floor <= lastIndex ? Int32(floor) : -1
    }

    /// The buckets of `Float` predictions, the product rounded in `Float`.
    static func buckets(
        _ predictions: UnsafeBufferPointer<Float>, thresholdCount: Int
    ) throws(SummaryWriterError) -> [Int32] {
        // n - 1 is at most 2^20, exact in Float, so p * (n - 1) lies in [0, n - 1] for p in [0, 1].
        let scale = Float(thresholdCount - 1)
        var bad: Int?
        let buckets = [Int32](unsafeUninitializedCapacity: predictions.count) { buckets, initialized in
            for index in predictions.indices {
                let p = predictions[index]
                // Written so NaN fails it too.
                guard p >= 0 && p <= 1 else {
                    bad = index
                    break
                }
                // The product is finite and not negative, so truncating is flooring (and a
                // conversion instruction, where `rounded(.down)` is a call to floorf).
                buckets[index] = Int32(p * scale)
                initialized = index + 1
            }
        }
        if let bad { throw predictionOutOfRange(index: bad, Double(predictions[bad])) }
        return buckets
    }

    /// The buckets of `Double` predictions; as for `Float`.
    static func buckets(
        _ predictions: UnsafeBufferPointer<Double>, thresholdCount: Int
    ) throws(SummaryWriterError) -> [Int32] {
        let scale = Double(thresholdCount - 1)
        var bad: Int?
        let buckets = [Int32](unsafeUninitializedCapacity: predictions.count) { buckets, initialized in
            for index in predictions.indices {
                let p = predictions[index]
                guard p >= 0 && p <= 1 else {
                    bad = index
                    break
                }
                buckets[index] = Int32(p * scale)
                initialized = index + 1
            }
        }
        if let bad { throw predictionOutOfRange(index: bad, predictions[bad]) }
        return buckets
    }

    /// The buckets of predictions of another type, given widened to `Double` (to be checked)
    /// with `floor(p * (n - 1))` already computed in their own type.
    static func buckets(
        widened predictions: [Double], floors: [Double], thresholdCount: Int
    ) throws(SummaryWriterError) -> [Int32] {
        let lastIndex = Double(thresholdCount - 1)
        var buckets = [Int32](repeating: 0, count: predictions.count)
        for index in predictions.indices {
            let p = predictions[index]
            guard p >= 0 && p <= 1 else { throw predictionOutOfRange(index: index, p) }
            buckets[index] = bucket(floor: floors[index], lastIndex: lastIndex)
        }
        return buckets
    }

    // MARK: Counting

    /// The curve of the bucketed predictions.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a weight that is negative
    ///   or not finite, or weights so large that a count overflows `float32`.
    static func curve(
        labels: UnsafeBufferPointer<Bool>, buckets: [Int32], weights: [Double]?, thresholdCount n: Int
    ) throws(SummaryWriterError) -> PRCurve {
        var positives = [Double](repeating: 0, count: n)
        var negatives = [Double](repeating: 0, count: n)
        if let weights {
            if let index = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw .invalidInput(
                    "a PR curve needs weights that are finite and not negative, but weight \(index) is "
                        + "\(weights[index])")
            }
            sumWeights(labels: labels, buckets: buckets, weights: weights, into: &positives, &negatives)
        } else {
            countLabels(labels: labels, buckets: buckets, into: &positives, &negatives)
        }
        let curve = rows(positives: positives, negatives: negatives)
        let counts = [curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives]
        if counts.contains(where: { $0.contains { !$0.isFinite } }) {
            throw .invalidInput(
                "a PR curve's counts must fit a 32-bit float, but the weights add up to more than "
                    + "\(Float.greatestFiniteMagnitude)")
        }
        return curve
    }

    /// Unit weights: sums of 1.0 are exact below 2^53, so counting in integers gives numpy's sums.
    private static func countLabels(
        labels: UnsafeBufferPointer<Bool>, buckets: [Int32], into positives: inout [Double],
        _ negatives: inout [Double]
    ) {
        let n = positives.count
        var counts = [Int](repeating: 0, count: 2 * n + 1)  // positives, negatives, then the dropped
        counts.withUnsafeMutableBufferPointer { counts in
            buckets.withUnsafeBufferPointer { buckets in
                // Without branches: labels are random, so a branch on them would mispredict often.
                let dropped = 2 * n
                for index in buckets.indices {
                    let bucket = Int(buckets[index])
                    let slot = bucket + (labels[index] ? 0 : n)
                    counts[bucket >= 0 ? slot : dropped] += 1
                }
            }
        }
        for bucket in 0..<n {
            positives[bucket] = Double(counts[bucket])
            negatives[bucket] = Double(counts[n + bucket])
        }
    }

    /// Weighted sums in numpy's order: each block summed in order from zero, then added to the
    /// totals. numpy also adds a zero weight for every value of the other label, which changes
    /// no sum (the sums start at +0 and never become -0), so those additions are left out.
    private static func sumWeights(
        labels: UnsafeBufferPointer<Bool>, buckets: [Int32], weights: [Double], into positives: inout [Double],
        _ negatives: inout [Double]
    ) {
        let n = positives.count
        var block = [Double](repeating: 0, count: 2 * n)  // positives, then negatives
        var start = 0
        while start < buckets.count {
            let end = min(start + numpyBlockSize, buckets.count)
            block.withUnsafeMutableBufferPointer { block in
                block.update(repeating: 0)
                for index in start..<end {
                    let bucket = Int(buckets[index])
                    if bucket >= 0 {
                        block[labels[index] ? bucket : n + bucket] += weights[index]
                    }
                }
            }
            for bucket in 0..<n {
                positives[bucket] += block[bucket]
                negatives[bucket] += block[n + bucket]
            }
            start = end
        }
    }

    /// The six rows from the per-bucket sums, each value rounded to `float32`.
    static func rows(positives: [Double], negatives: [Double]) -> PRCurve {
        let n = positives.count
        // numpy's cumsum over the reversed buckets: a running sum from the top bucket down.
        var tp = [Double](repeating: 0, count: n)
        var fp = [Double](repeating: 0, count: n)
        var sumTP = positives[n - 1]
        var sumFP = negatives[n - 1]
        tp[n - 1] = sumTP
        fp[n - 1] = sumFP
        for bucket in stride(from: n - 2, through: 0, by: -1) {
            sumTP += positives[bucket]
            sumFP += negatives[bucket]
            tp[bucket] = sumTP
            fp[bucket] = sumFP
        }
        var curve = PRCurve(
            truePositives: [], falsePositives: [], trueNegatives: [], falseNegatives: [], precision: [], recall: [])
        curve.truePositives = tp.map(float32)
        curve.falsePositives = fp.map(float32)
        curve.trueNegatives = fp.map { float32(fp[0] - $0) }
        let fn = tp.map { tp[0] - $0 }
        curve.falseNegatives = fn.map(float32)
        curve.precision = (0..<n).map { float32(tp[$0] / max(minimumCount, tp[$0] + fp[$0])) }
        curve.recall = (0..<n).map { float32(tp[$0] / max(minimumCount, tp[$0] + fn[$0])) }
        return curve
    }

    /// `value` rounded to the nearest `Float`, as it is stored.
    @inline(__always)
    private static func float32(_ value: Double) -> Double {
        Double(Float(value))
    }
}
