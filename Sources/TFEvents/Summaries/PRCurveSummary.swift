/// Builds precision-recall curve summaries in the form TensorBoard's `pr_curves` plugin reads
/// (EventFileFormat.md §7.6).
///
/// The value is a `DT_FLOAT` tensor of shape `[6, n]` in `tensor_content`, its rows true
/// positives, false positives, true negatives, false negatives, precision and recall, exactly as
/// TensorBoard's `pr_curve.summary.pb` stores it; the metadata names the `pr_curves` plugin with
/// `PrCurvePluginData{num_thresholds: n}`. Unlike that summary, the tag is used as given (no
/// `/pr_curves` suffix) and no display name is set, as tensorboardX writes it.
enum PRCurveSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "pr_curves"

    /// The summary value for `curve`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when the rows differ in length,
    ///   the threshold count is out of range, or a value is not finite as a `Float`: TensorBoard
    ///   divides by `n - 1` for the thresholds and turns every count into an integer, which fails
    ///   for NaN and infinities.
    static func value(tag: String, curve: PRCurve) throws(SummaryWriterError) -> Summary.Value {
        let rows = [
            ("true positives", curve.truePositives), ("false positives", curve.falsePositives),
            ("true negatives", curve.trueNegatives), ("false negatives", curve.falseNegatives),
            ("precision", curve.precision), ("recall", curve.recall),
        ]
        let count = curve.truePositives.count
        if let (name, row) = rows.first(where: { $0.1.count != count }) {
            throw .invalidInput(
                "PR curve '\(tag)' has rows of different lengths: \(count) true positives but \(row.count) "
                    + "\(name) values")
        }
        do {
            try PRCurveCounter.checkThresholdCount(count)
        } catch {
            throw .invalidInput("PR curve '\(tag)': \(error.description)")
        }
        var floats: [Float] = []
        floats.reserveCapacity(6 * count)
        for (name, row) in rows {
            for (index, value) in row.enumerated() {
                let float = Float(value)
                guard float.isFinite else {
                    throw .invalidInput(
                        "PR curve '\(tag)' has a value that is not finite as a 32-bit float: \(name) \(index) "
                            + "is \(value)")
                }
                floats.append(float)
            }
        }
        let tensor = TensorProto(floats: floats, shape: [6, Int64(count)])
        let content = PluginContentCodec.encode(PluginContent.PrCurve(thresholdCount: UInt32(count)))
        return Summary.Value(
            tag: tag, metadata: SummaryMetadata(pluginName: pluginName, content: content), content: .tensor(tensor))
    }
}
