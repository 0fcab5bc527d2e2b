import Foundation
import TFEvents

/// A simulated training job that looks like the real thing in every TensorBoard tab: loss and
/// accuracy curves (exponential decay towards a floor that depends on the learning rate, noise,
/// a cosine learning-rate schedule with warm-up, a validation pass every 10 steps) with a layout
/// that draws train and validation together, a PR curve per validation pass, weight histograms
/// that drift and spread, reconstructions and a chime that emerge from noise, a video of a
/// reconstruction sharpening, Markdown notes and a results table, the loss surface as a mesh, an
/// embedding of the validation set with labels and thumbnails, and the run's hyperparameters.
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
        // CUSTOM SCALARS: train and validation curves of one metric in one chart.
        try writer.setCustomScalarLayout(
            CustomScalarLayout([
                .init(
                    "Train vs validation",
                    charts: [
                        .multiline("loss", tags: ["train/loss", "validation/loss"]),
                        .multiline("accuracy", tags: ["train/accuracy", "validation/accuracy"]),
                    ])
            ]), wallTime: start)
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
                // PR CURVES: the classifier's scores on the validation set separate as it learns.
                let scores = DemoMedia.validationScores(progress: progress, random: &random)
                try writer.addPRCurve(
                    "validation/pr_curve", labels: scores.labels, predictions: scores.scores, step: step,
                    wallTime: wall + 0.2)
                // Weights spread out from their initialization and their mean drifts as training goes on.
                let weights = (0..<1_000).map { _ in Float(0.05 * progress + random.normal() * (0.02 + 0.1 * progress)) }
                try writer.addHistogram("weights/dense", values: weights, step: step, wallTime: wall + 0.3)
            }
            if step % (max(steps / 5, 1)) == 0 || step == steps - 1 {
                try writer.addImages(
                    "samples/reconstruction", DemoImages.reconstructions(progress: progress, random: &random),
                    step: step, wallTime: wall + 0.4)
                // AUDIO: the model's "voice", a chime that rises out of hiss.
                let chime = try AudioData(
                    samples: DemoMedia.chime(progress: progress, random: &random), sampleRate: DemoMedia.sampleRate)
                try writer.addAudio("samples/chime", chime, step: step, wallTime: wall + 0.4)
            }
        }
        let end = start + Double(steps) * 0.5
        let surface = DemoMedia.lossSurface(finalLoss: finalLoss, learningRate: learningRate)
        try writer.addMesh(
            "loss_surface", vertices: surface.vertices, faces: surface.faces, colors: surface.colors,
            step: steps - 1, wallTime: end)
        // IMAGES plays a video: a reconstruction sharpening over the run.
        try writer.addVideo(
            "video/reconstruction", frames: DemoMedia.sharpeningFrames(random: &random), framesPerSecond: 8,
            step: steps - 1, wallTime: end)
        let embedding = try DemoMedia.embedding(progress: 1, random: &random)
        try writer.addEmbedding(
            "features", embedding.points, labels: embedding.labels, labelImages: embedding.thumbnails, step: steps - 1)
        try writer.addTable(
            "results", header: ["metric", "value"],
            rows: [
                ["learning rate", "\(learningRate)"], ["steps", "\(steps)"],
                ["validation loss", String(format: "%.4f", finalLoss)],
                ["validation accuracy", String(format: "%.4f", finalAccuracy)],
            ], step: steps - 1, wallTime: end)
        try writer.close()
    }
}
