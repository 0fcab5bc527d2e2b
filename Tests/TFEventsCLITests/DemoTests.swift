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
        for run in runs {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/" + run)
            #expect(files.count == 1 && files[0].contains("tfevents"))
            let reader = EventFileReader(path: directory + "/" + run + "/" + files[0])
            var steps: [String: [Int64]] = [:]
            var plugins: [String: Set<String>] = [:]
            while let entry = reader.next() {
                guard case .event(let event, _) = entry else {
                    Issue.record("\(entry)")
                    continue
                }
                for value in event.summary?.values ?? [] {
                    if let plugin = value.metadata?.pluginData?.pluginName {
                        plugins[plugin, default: []].insert(value.tag)
                    }
                    guard case .simpleValue(let number) = value.content else { continue }
                    #expect(number.isFinite)
                    steps[value.tag, default: []].append(event.step)
                }
            }
            #expect(steps["train/loss"] == (0..<40).map { Int64($0) })
            #expect(steps["learning_rate"]?.count == 40)
            #expect(steps["validation/accuracy"] == [9, 19, 29, 39])
            #expect(plugins["images"] == ["samples/reconstruction"])
            #expect(plugins["histograms"] == ["weights/dense"])
            #expect(plugins["text"] == ["notes", "results"])
            #expect(plugins["hparams"] == ["_hparams_/session_start_info", "_hparams_/session_end_info"])
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
