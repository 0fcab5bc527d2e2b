import Foundation
import Testing
import TestSupport

@testable import TFEvents

@Suite struct DemoTests {
    @Test func demoWritesThreeRunsOfEveryKindAndSaysHowToViewThem() throws {
        let directory = temporaryPath("demo")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try runTFEvents(["demo", directory, "--steps", "40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote 3 runs to \(directory)"))
        #expect(result.stdout.contains("tensorboard --logdir \(directory)"))

        let runs = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(runs == ["lr_0.01", "lr_0.03", "lr_0.1"])
        let contents = try SummaryReader(logdir: directory).contents()
        #expect(contents.runs.map(\.run.name) == runs)
        for run in contents.runs {
            let name = run.run.name
            var tagsByKind: [Series.Kind: Set<String>] = [:]
            for series in run.series { tagsByKind[series.series.kind, default: []].insert(series.series.tag) }
            #expect(
                tagsByKind == [
                    .scalars: ["learning_rate", "train/accuracy", "train/loss", "validation/accuracy", "validation/loss"],
                    .images: ["samples/reconstruction", "video/reconstruction"],
                    .histograms: ["weights/dense"],
                    .text: ["notes", "results"],
                    .hparams: ["_hparams_/session_start_info", "_hparams_/session_end_info"],
                    .audio: ["samples/chime"],
                    .prCurves: ["validation/pr_curve"],
                    .mesh: ["loss_surface_VERTEX", "loss_surface_FACE", "loss_surface_COLOR"],
                    .customScalars: ["custom_scalars__config__"],
                ], "\(name)")
            #expect(run.series(tag: "train/loss")?.points.map(\.step) == (0..<40).map { Int64($0) })
            #expect(run.series(tag: "train/loss")?.points.allSatisfy { $0.value.scalar?.isFinite == true } == true)
            #expect(run.series(tag: "validation/accuracy")?.points.map(\.step) == [9, 19, 29, 39])
            // A PR curve per validation pass, over 500 examples at each of the 127 thresholds.
            let curves = run.series(tag: "validation/pr_curve")?.points ?? []
            #expect(curves.map(\.step) == [9, 19, 29, 39])
            for case .prCurve(let curve) in curves.map(\.value) {
                #expect(curve.thresholdCount == 127)
                #expect(
                    (0..<127).allSatisfy {
                        curve.truePositives[$0] + curve.falsePositives[$0] + curve.trueNegatives[$0]
                            + curve.falseNegatives[$0] == 500
                    })
            }
            // Half a second of 8 kHz mono audio at each image step.
            let clips = run.series(tag: "samples/chime")?.points ?? []
            #expect(clips.map(\.step) == run.series(tag: "samples/reconstruction")?.points.map(\.step))
            for case .audio(let batch) in clips.map(\.value) {
                #expect(batch.map(\.sampleRate) == [8000] && batch.map(\.channelCount) == [1] && batch.map(\.frameCount) == [4000])
            }
            // The video: 16 frames of 32x32 in one animated PNG (acTL chunk: frame count 16).
            guard case .images(let width, let height, let videos)? = run.series(tag: "video/reconstruction")?.points.last?.value,
                let video = videos.first, let actl = video.firstRange(of: Array("acTL".utf8))
            else {
                Issue.record("\(name): no video")
                continue
            }
            #expect(width == 32 && height == 32)
            #expect(Array(video[actl.upperBound..<actl.upperBound + 4]) == [0, 0, 0, 16])
            // The loss surface: a 24 x 24 grid of vertices, two triangles per cell, a color per vertex.
            let parts = ["VERTEX": 576, "FACE": 2 * 23 * 23, "COLOR": 576]
            for (part, rows) in parts {
                guard case .mesh(let tensor)? = run.series(tag: "loss_surface_" + part)?.points.last?.value else {
                    Issue.record("\(name): no mesh part \(part)")
                    continue
                }
                #expect(tensor.shape == [1, rows, 3], "\(part)")
            }
            // The layout puts train and validation of each metric in one chart.
            guard case .layout(let layout)? = run.series(tag: "custom_scalars__config__")?.points.last?.value else {
                Issue.record("\(name): no layout")
                continue
            }
            #expect(layout.categories.map(\.title) == ["Train vs validation"])
            #expect(layout.categories.first?.charts.map(\.title) == ["loss", "accuracy"])
            // The embedding's files, where TensorBoard's projector reads them.
            let embedding = directory + "/" + name + "/00039/features/"
            let tensors = try String(contentsOfFile: embedding + "tensors.tsv", encoding: .utf8)
            #expect(tensors.split(separator: "\n").count == 60)
            #expect(tensors.split(separator: "\n").first?.split(separator: "\t").count == 16)
            #expect(FileManager.default.fileExists(atPath: embedding + "sprite.png"))
            let config = try String(contentsOfFile: directory + "/" + name + "/projector_config.pbtxt", encoding: .utf8)
            #expect(config.contains(#"tensor_name: "features:00039""#))
        }
    }

    @Test func demoRejectsAStepCountOutOfRangeAsAUsageError() throws {
        let result = try runTFEvents(["demo", temporaryPath("bad"), "--steps", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--steps must be between 1 and 1000000"))
    }

    @Test func demoIsReproducibleForASeed() throws {
        var lines: [String] = []
        for _ in 0..<2 {
            let directory = temporaryPath("seed")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let result = try runTFEvents(["demo", directory, "--steps", "30", "--seed", "7"])
            lines.append(result.stdout.replacingOccurrences(of: directory, with: "DIR"))
        }
        #expect(lines[0] == lines[1])
    }
}
