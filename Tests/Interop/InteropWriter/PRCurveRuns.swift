import Foundation
import TFEvents

/// PR curve runs: curves computed from labels and predictions (Float, Double and Float16
/// predictions, Bool and 0/1 labels, weights, 2 to 201 thresholds), a curve whose top thresholds
/// hold nothing (the server drops them), fractional counts (the server truncates them to
/// integers), and a raw curve. The manifest holds the six rows as written, float32 values:
/// `[wall, step, [tp], [fp], [tn], [fn], [precision], [recall]]`.
func writePRCurveRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0
    let run = "pr_curves/eval"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)

    func record(_ tag: String, _ curve: PRCurve, step: Int, wallTime: Double) {
        let rows = [
            curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives, curve.precision,
            curve.recall,
        ]
        manifest.append(
            run: run, section: "pr_curves", tag: tag,
            .array([.number(wallTime), .int(Int64(step))] + rows.map { .array($0.map { .number($0) }) }))
    }

    var random = InteropRandom(seed: 11)
    for step in 0..<4 {
        let t = base + Double(step) * 10
        // A classifier that gets better with the step: positives drift towards 1.
        let labels = (0..<500).map { _ in random.nextDouble() < 0.4 }
        let predictions = labels.map { positive -> Float in
            let noise = Float(random.nextDouble())
            let value = positive ? noise * 0.6 + Float(step) * 0.1 : noise * 0.7
            return min(1, value)
        }
        let curve = try writer.addPRCurve(
            "eval/default", labels: labels, predictions: predictions, step: step, wallTime: t)
        record("eval/default", curve, step: step, wallTime: t)

        let doubles = predictions.map { Double($0) * 0.999 }
        let weights = (0..<500).map { _ in random.nextDouble() * 3 }
        let weighted = try writer.addPRCurve(
            "eval/weighted_201", labels: labels.map { $0 ? 1 : 0 }, predictions: doubles, weights: weights,
            thresholdCount: 201, step: step, wallTime: t + 1)
        record("eval/weighted_201", weighted, step: step, wallTime: t + 1)
    }

    let t = base + 100
    // Every prediction below 0.5: TP + FP is 0 at the thresholds above, which the server drops.
    let low = try writer.addPRCurve(
        "eval/low_predictions", labels: [true, false, true, false, true], predictions: [0.1, 0.2, 0.3, 0.45, 0.05],
        thresholdCount: 11, step: 1, wallTime: t)
    record("eval/low_predictions", low, step: 1, wallTime: t)
    // Fractional weights: the server serves counts truncated to integers, and drops trailing
    // thresholds whose truncated TP + FP is 0 though the counts are not.
    let fractional = try writer.addPRCurve(
        "eval/fractional", labels: [true, false, true, false], predictions: [0.9, 0.95, 0.3, 0.6],
        weights: [0.5, 0.25, 2.5, 1.75], thresholdCount: 5, step: 1, wallTime: t)
    record("eval/fractional", fractional, step: 1, wallTime: t)
    let halves = try writer.addPRCurve(
        "eval/float16", labels: [true, true, false, false, true], predictions: [Float16(0.999), 0.5, 0.499, 0, 1],
        thresholdCount: 2, step: 1, wallTime: t)
    record("eval/float16", halves, step: 1, wallTime: t)
    // tensorboardX's own add_pr_curve_raw test data.
    let raw = PRCurve(
        truePositives: [75, 64, 21, 5, 0], falsePositives: [150, 105, 18, 0, 0],
        trueNegatives: [0, 45, 132, 150, 150], falseNegatives: [0, 11, 54, 70, 75],
        precision: [0.3333333, 0.3786982, 0.5384616, 1.0, 0.0], recall: [1.0, 0.8533334, 0.28, 0.0666667, 0.0])
    try writer.addPRCurve("eval/raw", raw, step: 1, wallTime: t)
    var stored = raw
    stored.precision = raw.precision.map { Double(Float($0)) }
    stored.recall = raw.recall.map { Double(Float($0)) }
    record("eval/raw", stored, step: 1, wallTime: t)

    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
