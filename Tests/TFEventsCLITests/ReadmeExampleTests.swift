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

        let reader = try TFRecordReader(path: writer.path)
        var records = 0
        while try reader.next() != nil { records += 1 }
        #expect(records == 1 + 2_000 + 1)
    }

    @Test func continuingExampleAddsToOneFile() throws {
        let root = temporaryPath("readme-continuing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var paths: Set<String> = []
        for day in 0..<3 {
            // --- README example, with the log directory under `root` ---
            let writer = try SummaryWriter(continuing: root + "/runs/nightly")   // marker: ".cli" by default
            try writer.addScalar("queue_length", 17, step: day)
            try writer.close()                                           // releases the file
            // ---
            paths.insert(writer.path)
        }
        #expect(paths.count == 1)
        let reader = try TFRecordReader(path: try #require(paths.first))
        var records = 0
        while try reader.next() != nil { records += 1 }
        #expect(records == 1 + 3)
    }
}
