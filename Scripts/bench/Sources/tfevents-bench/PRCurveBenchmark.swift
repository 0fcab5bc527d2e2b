// tfevents-bench prcurves [--iterations N] [--predictions N] [--thresholds N]
//
// Computes precision-recall curves of N predictions (1,000,000 by default) with 127 thresholds,
// and records them with a SummaryWriter into a temporary directory. Prints one JSON line per
// variant: {"benchmark", "variant", "predictions", "thresholds", "iterations", "median_ms",
// "min_ms", "max_ms", "predictions_per_second"}. The variants: `PRCurve(labels:predictions:)`
// on Float predictions, the same with weights, on Double predictions, and `addPRCurve` (the
// curve, its tensor and the buffered record).
import Foundation
import TFEvents

func prCurveBenchmark(_ arguments: [String]) throws {
    let iterations = option("iterations", in: arguments, default: 20)
    let count = option("predictions", in: arguments, default: 1_000_000)
    let thresholds = option("thresholds", in: arguments, default: PRCurve.defaultThresholdCount)

    // A classifier's output: positives lean towards 1, negatives towards 0.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Double((state &* 2_685_821_657_736_338_717) >> 11) * 0x1p-53
    }
    let labels = (0..<count).map { _ in uniform() < 0.3 }
    let predictions: [Float] = labels.map { positive in
        let u = Float(uniform())
        return positive ? 1 - u * u : u * u
    }
    let doubles = predictions.map { Double($0) * 0.999 }
    let weights = (0..<count).map { _ in uniform() * 2 }

    let logdir = scratchDirectory("prcurves")
    defer { try? FileManager.default.removeItem(atPath: logdir) }
    let writer = try SummaryWriter(logdir: logdir)
    var step = 0
    let variants: [(String, () throws -> Void)] = [
        ("float", { _ = try PRCurve(labels: labels, predictions: predictions, thresholdCount: thresholds) }),
        (
            "float_weighted",
            { _ = try PRCurve(labels: labels, predictions: predictions, weights: weights, thresholdCount: thresholds) }
        ),
        ("double", { _ = try PRCurve(labels: labels, predictions: doubles, thresholdCount: thresholds) }),
        (
            "add_pr_curve",
            {
                try writer.addPRCurve("pr", labels: labels, predictions: predictions, thresholdCount: thresholds, step: step)
                step += 1
            }
        ),
    ]
    for (name, body) in variants {
        for _ in 0..<3 { try body() }  // warm-up
        let measured = try Measurements.measure(repetitions: iterations, body)
        report([
            "benchmark": "prcurves", "variant": name, "predictions": count, "thresholds": thresholds,
            "iterations": iterations, "median_ms": measured.median * 1e3, "min_ms": measured.min * 1e3,
            "max_ms": measured.max * 1e3, "predictions_per_second": Double(count) / measured.median,
        ])
    }
    try writer.close()
}
