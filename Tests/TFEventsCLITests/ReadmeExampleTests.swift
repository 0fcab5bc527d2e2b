import Foundation
import Testing
import TestSupport
import TFEvents  // not @testable: the README's example must work with the public API alone

/// The README's library example, compiled and run so that it stays correct.
@Suite struct ReadmeExampleTests {
    @Test func libraryExampleWritesItsRecords() throws {
        let root = temporaryPath("readme")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let rgb = [UInt8](repeating: 9, count: 28 * 28 * 3)
        func trainOneStep() -> (Double, Double) { (0.5, 0.9) }

        // --- README example, with the log directory under `root` ---
        let writer = try SummaryWriter(logdir: root + "/runs/mnist/lr_0.01")
        for step in 0..<1_000 {
            let (loss, accuracy) = trainOneStep()
            try writer.addScalars(["train/loss": loss, "train/accuracy": accuracy], step: step)
        }
        try writer.addImage("samples", try ImageData(pixels: rgb, width: 28, height: 28, channels: 3), step: 1_000)
        try writer.close()
        // ---

        let reader = EventFileReader(path: writer.path)
        while let entry = reader.next() {
            if case .problem(let problem) = entry { Issue.record("\(problem)") }
        }
        #expect(reader.recordCount == 1 + 2_000 + 1)
    }
}
