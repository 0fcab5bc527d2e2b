import Foundation
import TFEvents

/// A run written with `doublePrecisionScalars`: values that float32 cannot hold (0.1, 1e-40,
/// 1e300, 1/3), NaN and infinity, through every scalar method. The manifest holds each point
/// with its exact value, `[wall, step, value]`; what each loader shows of them is the checker's
/// business (the Python loader every point exactly, the Rust loader nothing).
func writeDoubleScalarRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0
    let run = "double_scalars/exact"
    let writer = try SummaryWriter(logdir: logdir + "/" + run, options: .init(doublePrecisionScalars: true))

    func record(_ tag: String, step: Int64, wallTime: Double, _ value: Double) {
        manifest.append(
            run: run, section: "double_scalars", tag: tag, .array([.number(wallTime), .int(step), .number(value)]))
    }

    let values: [Double] = [0.1, 1e-40, 1e300, 1.0 / 3, -2.5, 123_456_789.123_456_79, .nan, .infinity, -.infinity]
    for (step, value) in values.enumerated() {
        let t = base + Double(step)
        try writer.addScalar("exact/values", value, step: step, wallTime: t)
        record("exact/values", step: Int64(step), wallTime: t, value)
    }
    for step in 0..<3 {
        let t = base + 100 + Double(step)
        let pairs: KeyValuePairs<String, Double> = ["exact/pair_a": 0.1 * Double(step + 1), "exact/pair_b": 1e-300]
        try writer.addScalars(pairs, step: step, wallTime: t)
        for (tag, value) in pairs { record(tag, step: Int64(step), wallTime: t, value) }
    }
    // A Float value is widened exactly: the point holds Float(0.1), not 0.1.
    try writer.addScalar("exact/from_float", Float(0.1), step: 0, wallTime: base + 200)
    record("exact/from_float", step: 0, wallTime: base + 200, Double(Float(0.1)))

    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
