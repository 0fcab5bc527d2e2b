import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Many threads, tasks and processes writing at once lose and mangle nothing.
@Suite struct ConcurrencyTests {
    /// 1 normally; larger to shrink the workloads under a sanitizer.
    let testDivisor = Int(ProcessInfo.processInfo.environment["TFEVENTS_TEST_DIVISOR"] ?? "") ?? 1

    @Test func eightThreadsAndEightTasksWriteExactly1600000IntactEvents() async throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        // Scripts/tsan.sh runs this under ThreadSanitizer with a smaller count (TFEVENTS_TEST_DIVISOR).
        let perWriter = 100_000 / testDivisor
        let threads = (0..<8).map { index in
            Thread {
                for step in 0..<perWriter {
                    try? writer.addScalar("thread/\(index)", Double(step), step: step)
                }
            }
        }
        threads.forEach { $0.start() }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    for step in 0..<perWriter {
                        try? writer.addScalar("task/\(index)", Double(step), step: step)
                    }
                }
            }
        }
        while threads.contains(where: { !$0.isFinished }) { usleep(1000) }
        try writer.close()

        // Every record's CRCs are checked by the reader; the tag and step come from a light wire
        // scan, because decoding 1.6 million events through protobuf-c in a debug build is slow.
        let reader = RecordReader(path: writer.path)
        var counts: [String: Int] = [:]
        var lastStep: [String: Int64] = [:]
        var inOrder = true
        _ = try reader.next()  // file_version
        while let record = try reader.next() {
            let (tag, step) = try #require(tagAndStep(record.payload))
            counts[tag, default: 0] += 1
            if let last = lastStep[tag], last + 1 != step { inOrder = false }
            lastStep[tag] = step
        }
        #expect(reader.pendingByteCount == 0)
        #expect(counts.values.reduce(0, +) == 16 * perWriter)
        #expect(counts.count == 16 && counts.values.allSatisfy { $0 == perWriter })
        #expect(inOrder, "each thread's and task's steps arrive in order")
    }

    /// The step and the first value's tag of a scalar event, read straight from the wire.
    func tagAndStep(_ payload: [UInt8]) -> (String, Int64)? {
        payload.withUnsafeBytes { bytes -> (String, Int64)? in
            var reader = WireReader(bytes)
            var step: Int64 = 0
            var tag: String?
            while !reader.isAtEnd {
                guard let (field, type) = reader.readKey() else { return nil }
                if field == 2 && type == .varint {
                    step = Int64(bitPattern: reader.readVarint() ?? 0)
                } else if field == 5 && type == .lengthDelimited, let summary = reader.readLengthDelimited() {
                    // summary { value { tag ... } }: the tag is the first field two levels down.
                    let value = bytes[summary].dropFirst(2)
                    let length = Int(value[value.startIndex + 1])
                    let start = value.startIndex + 2
                    tag = String(decoding: bytes[start..<start + length], as: UTF8.self)
                } else if !reader.skip(type) {
                    return nil
                }
            }
            return tag.map { ($0, step) }
        }
    }

    @Test func eightProcessesWriteEightFilesIntoOneRun() throws {
        let directory = TemporaryDirectory()
        let logdir = directory.path + "/run"
        let processes = try (0..<8).map { _ -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: productsDirectory() + "/TestWriter")
            process.arguments = ["scalars", logdir, String(20_000 / testDivisor)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return (process, pipe)
        }
        var tags: [String] = []
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            tags.append(String(output.split(separator: " ").first ?? ""))
        }
        let files = directory.eventFiles(in: "run")
        #expect(files.count == 8)
        var seen: [String: [Int64]] = [:]
        for file in files {
            for point in scalars(try readEvents(file)) {
                seen[point.tag, default: []].append(point.step)
            }
        }
        #expect(Set(seen.keys) == Set(tags))
        #expect(seen.values.allSatisfy { $0 == (0..<Int64(20_000 / testDivisor)).map { $0 } })
    }
}
