import Foundation
import TFEvents

/// A simulated training job that looks like the real thing in every TensorBoard tab: loss and
/// accuracy curves (exponential decay towards a floor that depends on the learning rate, noise,
/// a cosine learning-rate schedule with warm-up, a validation pass every 10 steps), weight
/// histograms that drift and spread, reconstructions that sharpen out of noise, Markdown notes
/// and a results table, and the run's hyperparameters.
struct DemoRun {
    let name: String
    let learningRate: Double
    let steps: Int
    private(set) var finalLoss = 0.0
    private(set) var finalAccuracy = 0.0

    /// Writes every demo run below `directory` and returns what they ended with.
    static func writeAll(into directory: String, steps: Int, seed: UInt64) throws -> [DemoRun] {
        let rates = [0.1, 0.03, 0.01]
        var runs: [DemoRun] = []
        for (index, rate) in rates.enumerated() {
            var run = DemoRun(name: "lr_\(rate)", learningRate: rate, steps: steps)
            var random = SplitMix64(seed: seed &+ UInt64(index))
            try run.write(into: directory, random: &random)
            runs.append(run)
        }
        return runs
    }

    private mutating func write(into directory: String, random: inout SplitMix64) throws {
        let writer = try SummaryWriter(logdir: directory + "/" + name)
        // Back-date the run so its wall times look like a job that just finished, 0.5 s a step.
        let start = Date().timeIntervalSince1970 - Double(steps) * 0.5
        try writer.addHParams(
            [
                "learning_rate": .number(learningRate), "optimizer": "sgd", "batch_size": 64,
                "augmentation": .bool(learningRate < 0.05),
            ], step: 0, wallTime: start)
        try writer.addText(
            "notes",
            "Simulated training run with learning rate **\(learningRate)**: loss decays exponentially "
                + "towards a floor that grows with the rate; the schedule is cosine with a 10% warm-up.",
            step: 0, wallTime: start)
        // A higher rate learns faster but settles on a higher floor.
        let speed = 40 * learningRate / 0.1
        let floor = 0.05 + learningRate * 1.5
        for step in 0..<steps {
            let t = Double(step)
            let progress = 1 - exp(-t * speed / Double(max(steps, 1)) * 3)
            let loss = floor + (2.3 - floor) * (1 - progress) + random.normal() * 0.04 * (1 - 0.5 * progress)
            let accuracy = min(0.999, 0.1 + 0.88 * progress * (1 - learningRate) + random.normal() * 0.01)
            let warmup = min(1, t / Double(max(steps / 10, 1)))
            let rate = learningRate * warmup * 0.5 * (1 + cos(Double.pi * t / Double(steps)))
            let wall = start + t * 0.5
            try writer.addScalars(
                ["train/loss": loss, "train/accuracy": accuracy, "learning_rate": rate],
                step: step, wallTime: wall)
            if step % 10 == 9 || step == steps - 1 {
                let validationLoss = loss * 1.08 + 0.02 + random.normal() * 0.02
                let validationAccuracy = max(0, accuracy - 0.02 + random.normal() * 0.01)
                try writer.addScalars(
                    ["validation/loss": validationLoss, "validation/accuracy": validationAccuracy],
                    step: step, wallTime: wall + 0.2)
                finalLoss = validationLoss
                finalAccuracy = validationAccuracy
                // Weights spread out from their initialization and their mean drifts as training goes on.
                let weights = (0..<1_000).map { _ in Float(0.05 * progress + random.normal() * (0.02 + 0.1 * progress)) }
                try writer.addHistogram("weights/dense", values: weights, step: step, wallTime: wall + 0.3)
            }
            if step % (max(steps / 5, 1)) == 0 || step == steps - 1 {
                try writer.addImages(
                    "samples/reconstruction", DemoImages.reconstructions(progress: progress, random: &random),
                    step: step, wallTime: wall + 0.4)
            }
        }
        try writer.addTable(
            "results", header: ["metric", "value"],
            rows: [
                ["learning rate", "\(learningRate)"], ["steps", "\(steps)"],
                ["validation loss", String(format: "%.4f", finalLoss)],
                ["validation accuracy", String(format: "%.4f", finalAccuracy)],
            ], step: steps - 1, wallTime: start + Double(steps) * 0.5)
        try writer.close()
    }
}

/// Images that look like something: three 32x32 digit-like glyphs that emerge from noise as
/// training progresses, the way a model's reconstructions sharpen.
enum DemoImages {
    /// Seven-segment masks of the digits 0 to 9 (segments a to g).
    private static let segments: [[Bool]] = [
        [true, true, true, true, true, true, false], [false, true, true, false, false, false, false],
        [true, true, false, true, true, false, true], [true, true, true, true, false, false, true],
        [false, true, true, false, false, true, true], [true, false, true, true, false, true, true],
        [true, false, true, true, true, true, true], [true, true, true, false, false, false, false],
        [true, true, true, true, true, true, true], [true, true, true, true, false, true, true],
    ]

    static func reconstructions(progress: Double, random: inout SplitMix64) throws -> [ImageData] {
        try [3, 5, 8].map { digit in
            try ImageData(pixels: glyph(digit, clarity: progress, random: &random), width: 32, height: 32, channels: 3)
        }
    }

    /// An RGB glyph: a warm digit on a cool gradient, blended with noise by `1 - clarity`.
    private static func glyph(_ digit: Int, clarity: Double, random: inout SplitMix64) -> [Float] {
        var pixels = [Float](repeating: 0, count: 32 * 32 * 3)
        for y in 0..<32 {
            for x in 0..<32 {
                let on = isLit(digit, x: x, y: y)
                let base: [Double] = on ? [1.0, 0.75, 0.2] : [0.1, 0.15 + Double(y) / 80, 0.35 + Double(x) / 90]
                for c in 0..<3 {
                    let noisy = base[c] * clarity + random.uniform() * (1 - clarity)
                    pixels[(y * 32 + x) * 3 + c] = Float(noisy)
                }
            }
        }
        return pixels
    }

    private static func isLit(_ digit: Int, x: Int, y: Int) -> Bool {
        let lit = segments[digit]
        let horizontal = x >= 9 && x <= 22
        let left = x >= 7 && x <= 9
        let right = x >= 22 && x <= 24
        let top = y >= 4 && y <= 6
        let middle = y >= 15 && y <= 17
        let bottom = y >= 26 && y <= 28
        let upper = y >= 5 && y <= 16
        let lower = y >= 16 && y <= 27
        return (lit[0] && top && horizontal) || (lit[1] && right && upper) || (lit[2] && right && lower)
            || (lit[3] && bottom && horizontal) || (lit[4] && left && lower) || (lit[5] && left && upper)
            || (lit[6] && middle && horizontal)
    }
}

/// A small, fast, seedable generator (SplitMix64), so demo runs are reproducible.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func uniform() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A standard normal value (Box-Muller).
    mutating func normal() -> Double {
        let u1 = max(uniform(), .leastNonzeroMagnitude)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * uniform())
    }
}
