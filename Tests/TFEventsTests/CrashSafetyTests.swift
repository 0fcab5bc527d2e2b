import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// A writer killed with SIGKILL at a random moment leaves a file whose only possible damage is an
/// incomplete last record, and which holds everything flushed before the kill.
@Suite struct CrashSafetyTests {
    @Test func killedWritersLoseNothingFlushedAndLeaveOnlyAnIncompleteTail() throws {
        let directory = TemporaryDirectory()
        var random = SystemRandomNumberGenerator()
        var incompleteTails = 0
        var longest = 0
        for attempt in 0..<50 {
            let logdir = directory.path + "/kill\(attempt)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: productsDirectory() + "/TestWriter")
            process.arguments = ["flush-loop", logdir, "37"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            usleep(UInt32.random(in: 20_000...200_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n")
            guard let path = lines.first.map(String.init) else { continue }  // killed before it started
            let flushed = lines.last.flatMap { $0.hasPrefix("flushed ") ? Int64($0.dropFirst(8)) : nil } ?? -1

            let reader = RecordReader(path: path)
            var steps: [Int64] = []
            while let record = try reader.next() {  // any damage but an incomplete tail throws here
                let event = try #require(ProtobufDecoder.decodeEvent(record.payload))
                for value in event.summary?.values ?? [] where value.tag == "value" {
                    steps.append(event.step)
                }
            }
            if reader.pendingByteCount > 0 { incompleteTails += 1 }
            #expect(steps == (0..<Int64(steps.count)).map { $0 }, "attempt \(attempt): steps are a prefix")
            #expect(Int64(steps.count) > flushed, "attempt \(attempt): flushed through \(flushed), found \(steps.count)")
            longest = max(longest, steps.count)
        }
        #expect(longest > 37, "the children ran long enough to flush")
        print("crash safety: 50 kills, \(incompleteTails) left an incomplete last record, longest run \(longest) steps")
    }
}
