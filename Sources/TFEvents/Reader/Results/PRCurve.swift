/// A precision-recall curve at one step, as TensorBoard's PR CURVES plugin stores it: six rows of
/// `n` values, threshold `i` being `i / (n - 1)`.
///
/// The reader gives one for each point of a `pr_curves` series. To write one, compute it from
/// labels and predictions with ``init(labels:predictions:weights:thresholdCount:)`` (or let
/// ``SummaryWriter/addPRCurve(_:labels:predictions:weights:thresholdCount:step:wallTime:)`` do it),
/// or give the six rows yourself, as tensorboardX's `add_pr_curve_raw` takes them, and record
/// them with ``SummaryWriter/addPRCurve(_:_:step:wallTime:)``.
public struct PRCurve: Sendable, Hashable {
    /// True positives at each threshold.
    public var truePositives: [Double]
    /// False positives at each threshold.
    public var falsePositives: [Double]
    /// True negatives at each threshold.
    public var trueNegatives: [Double]
    /// False negatives at each threshold.
    public var falseNegatives: [Double]
    /// Precision at each threshold.
    public var precision: [Double]
    /// Recall at each threshold.
    public var recall: [Double]

    /// Creates a curve from its six rows, which must have the same length (at least 2) to be
    /// written: `truePositives[i]` and the others are the values at threshold `i / (n - 1)`.
    public init(
        truePositives: [Double], falsePositives: [Double], trueNegatives: [Double], falseNegatives: [Double],
        precision: [Double], recall: [Double]
    ) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
        self.precision = precision
        self.recall = recall
    }

    /// The number of thresholds.
    public var thresholdCount: Int { precision.count }
}
