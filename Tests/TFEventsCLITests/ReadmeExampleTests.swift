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

    @Test func readingExamplesReadWhatWasWritten() async throws {
        let root = temporaryPath("readme-read")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (run, scale) in [("a", 1.0), ("b", 2.0)] {
            let writer = try SummaryWriter(logdir: root + "/runs/" + run)
            for step in 0..<3 { try writer.addScalars(["loss": scale * Double(step), "accuracy": 0.5], step: step) }
            try writer.close()
        }
        let printed = PrintedLines()
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- README example, with the log directory under `root` ---
        let reader = try SummaryReader(logdir: root + "/runs", options: .init(tags: "loss"))
        for row in reader.scalars() { print(row.run, row.tag, row.step, row.value) }
        // ---
        #expect(printed.take() == ["a loss 0 0.0", "a loss 1 1.0", "a loss 2 2.0", "b loss 0 0.0", "b loss 1 2.0", "b loss 2 4.0"])

        let follow = Task {
            func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
            // --- README example, with the log directory under `root` ---
            for await update in try SummaryReader(logdir: root + "/runs").follow(every: .seconds(1), from: .end) {
                if case .points(let run, let points) = update {
                    for point in points { print(run, point.step, point.value.scalar ?? .nan) }
                }
            }
            // ---
        }
        try await Task.sleep(for: .milliseconds(300))
        let writer = try SummaryWriter(logdir: root + "/runs/b")
        try writer.addScalar("loss", 7, step: 3)
        try writer.close()
        for _ in 0..<100 where printed.count == 0 { try await Task.sleep(for: .milliseconds(50)) }
        follow.cancel()
        _ = await follow.result
        #expect(printed.take() == ["b 3 7.0"])
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
        let reader = EventFileReader(path: try #require(paths.first))
        while let entry = reader.next() {
            if case .problem(let problem) = entry { Issue.record("\(problem)") }
        }
        #expect(reader.recordCount == 1 + 3)
    }
}

/// Lines "printed" by the README examples, from any task.
private final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var count: Int { lock.withLock { lines.count } }
    func take() -> [String] { lock.withLock { defer { lines = [] }; return lines } }
}
