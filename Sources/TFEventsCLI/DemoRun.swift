import Foundation
import TFEvents

/// A simulated training job whose curves look like the real thing: exponential loss decay
/// towards a floor that depends on the learning rate, noise, a cosine learning-rate schedule
/// with warm-up, and a validation pass every 10 steps.
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
                step: Int64(step), wallTime: wall)
            if step % 10 == 9 || step == steps - 1 {
                let validationLoss = loss * 1.08 + 0.02 + random.normal() * 0.02
                let validationAccuracy = max(0, accuracy - 0.02 + random.normal() * 0.01)
                try writer.addScalars(
                    ["validation/loss": validationLoss, "validation/accuracy": validationAccuracy],
                    step: Int64(step), wallTime: wall + 0.2)
                finalLoss = validationLoss
                finalAccuracy = validationAccuracy
            }
        }
        try writer.close()
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
