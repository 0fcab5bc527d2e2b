import Foundation
import TFEvents

/// Histogram runs: every bucketing (TensorFlow 2, tensorboardX, explicit edges, raw buckets) and
/// the edge cases (no values, one value, NaN and infinities, huge ranges), several steps each.
/// The manifest holds the exact rows TensorBoard must return: `[wall, step, [[left, right, count]]]`.
func writeHistogramRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0
    let run = "histograms/all"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)

    func point(_ histogram: Histogram, step: Int64, wallTime: Double) -> JSON {
        let rows = histogram.buckets.map { JSON.array([.number($0.left), .number($0.right), .number($0.count)]) }
        return .array([.number(wallTime), .int(step), .array(rows)])
    }

    func record(_ tag: String, _ histogram: Histogram, step: Int64, wallTime: Double) throws {
        try writer.addHistogram(tag, histogram, step: step, wallTime: wallTime)
        manifest.append(run: run, section: "histograms", tag: tag, point(histogram, step: step, wallTime: wallTime))
    }

    var random = InteropRandom(seed: 42)
    for step in 0..<4 {
        let t = base + Double(step) * 10
        // Roughly normal values (a sum of uniforms) drifting with the step, as Float.
        let values: [Float] = (0..<2000).map { _ in
            Float((0..<4).map { _ in random.nextDouble() }.reduce(0, +) - 2 + Double(step) * 0.5)
        }
        try record("weights/tensorflow", Histogram(values), step: Int64(step), wallTime: t)
        try record("weights/tensorboardx", Histogram(values, bucketing: .tensorboardX), step: Int64(step), wallTime: t)
        try record(
            "weights/edges", Histogram(values, bucketing: .edges([-2, -1, -0.5, 0, 0.5, 1, 2, 4])), step: Int64(step),
            wallTime: t)
        let doubles = values.map { Double($0) * 1e6 }
        try record(
            "activations/wide", Histogram(doubles, bucketing: .equalWidth(bucketCount: 12)), step: Int64(step),
            wallTime: t + 1)
    }
    let t = base + 100
    try record("special/empty", Histogram([Double]()), step: 1, wallTime: t)
    try record("special/one_value", Histogram([0.25] as [Double]), step: 1, wallTime: t)
    try record("special/nan_inf", Histogram([1, .nan, 2, .infinity, -.infinity, 3] as [Double]), step: 1, wallTime: t)
    try record(
        "special/tensorboardx_magnitudes", Histogram([-3e19, -1e-9, 0, 1e-12, 7, 5e15], bucketing: .tensorboardX),
        step: 1, wallTime: t)
    try record("special/tensorboardx_empty", Histogram([Double](), bucketing: .tensorboardX), step: 1, wallTime: t)
    try record("special/huge_range", Histogram([-1.5e308, 0, 1.5e308] as [Double]), step: 1, wallTime: t)
    try record(
        "special/raw",
        Histogram(buckets: [
            .init(left: -1, right: 0, count: 2.5), .init(left: 0, right: 0, count: 1),
            .init(left: 0, right: 10, count: 7),
        ]),
        step: 1, wallTime: t)
    // A writer-side bucketing through addHistogram(values:), at a later step.
    let returned = try writer.addHistogram(
        "special/raw", values: [Float(1), 2, 2], bucketing: .edges([0, 1, 2]), step: 2, wallTime: t + 1)
    manifest.append(run: run, section: "histograms", tag: "special/raw", point(returned, step: 2, wallTime: t + 1))
    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}

/// A xorshift64* generator: the same values on every run and platform.
struct InteropRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    /// Uniform in [0, 1).
    mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }
}
