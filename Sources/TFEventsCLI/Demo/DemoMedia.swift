import Foundation
import TFEvents

/// The demo's data for the dashboards beyond curves and images: what a model's sound, its
/// classifier scores, its feature space and its loss surface might look like as it trains.
enum DemoMedia {
    /// Audio: half a second at 8 kHz of a two-note chime that rises out of hiss as training
    /// progresses.
    static let sampleRate = 8_000

    static func chime(progress: Double, random: inout SplitMix64) -> [Float] {
        let count = sampleRate / 2
        return (0..<count).map { index in
            let t = Double(index) / Double(sampleRate)
            let envelope = exp(-4 * t)
            let tone = 0.5 * sin(2 * .pi * 523.25 * t) + 0.3 * sin(2 * .pi * 783.99 * t)
            let hiss = (random.uniform() * 2 - 1) * 0.6
            return Float(envelope * (tone * progress + hiss * (1 - progress) * 0.8))
        }
    }

    /// A binary classifier's scores on 500 validation examples: positives and negatives whose
    /// scores separate as training progresses (so the PR curve bows out towards (1, 1)).
    static func validationScores(progress: Double, random: inout SplitMix64) -> (labels: [Bool], scores: [Float]) {
        var labels: [Bool] = []
        var scores: [Float] = []
        for _ in 0..<500 {
            let positive = random.uniform() < 0.4
            let margin = (positive ? 1.0 : -1.0) * (0.1 + 1.2 * progress)
            labels.append(positive)
            scores.append(Float(1 / (1 + exp(-(margin + random.normal())))))
        }
        return (labels, scores)
    }

    /// An embedding of 60 examples in 16 dimensions, clustered by digit more tightly as training
    /// progresses, with each example's digit as its label and its glyph as its thumbnail.
    static func embedding(progress: Double, random: inout SplitMix64) throws -> (
        points: [[Float]], labels: [String], thumbnails: [ImageData]
    ) {
        let digits = (0..<60).map { $0 % 10 }
        // Each digit's cluster center: a fixed random direction.
        var centerRandom = SplitMix64(seed: 7)
        let centers = (0..<10).map { _ in (0..<16).map { _ in centerRandom.normal() * 2 } }
        let spread = 1.5 - 1.2 * progress
        let points = digits.map { digit in centers[digit].map { Float($0 + random.normal() * spread) } }
        let thumbnails = try digits.map { try DemoImages.image($0, clarity: 0.9, random: &random) }
        return (points, digits.map(String.init), thumbnails)
    }

    /// The loss surface around the final weights as a 24 x 24 grid mesh: a bowl whose floor is
    /// the run's final loss, rougher for higher learning rates, colored from blue (low) to red.
    static func lossSurface(finalLoss: Double, learningRate: Double) -> (
        vertices: [SIMD3<Float>], faces: [SIMD3<Int32>], colors: [SIMD3<UInt8>]
    ) {
        let size = 24
        var vertices: [SIMD3<Float>] = []
        var heights: [Double] = []
        for row in 0..<size {
            for column in 0..<size {
                let x = Double(column) / Double(size - 1) * 2 - 1
                let y = Double(row) / Double(size - 1) * 2 - 1
                let ripple = learningRate * 3 * sin(5 * x) * cos(4 * y)
                let height = finalLoss + 0.8 * (x * x + 0.6 * y * y) + ripple
                heights.append(height)
                vertices.append(SIMD3(Float(x), Float(height), Float(y)))
            }
        }
        var faces: [SIMD3<Int32>] = []
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let a = Int32(row * size + column)
                let b = a + 1
                let c = a + Int32(size)
                let d = c + 1
                faces.append(SIMD3(a, c, b))
                faces.append(SIMD3(b, c, d))
            }
        }
        let low = heights.min() ?? 0
        let high = heights.max() ?? 1
        let colors = heights.map { height -> SIMD3<UInt8> in
            let t = (height - low) / max(high - low, 1e-9)
            return SIMD3(UInt8(40 + 215 * t), UInt8(80 + 60 * (1 - abs(2 * t - 1))), UInt8(255 - 215 * t))
        }
        return (vertices, faces, colors)
    }

    /// Sixteen frames of a glyph sharpening out of noise, as the reconstructions do over a run.
    static func sharpeningFrames(random: inout SplitMix64) throws -> [ImageData] {
        try (0..<16).map { frame in try DemoImages.image(8, clarity: Double(frame) / 15, random: &random) }
    }
}
