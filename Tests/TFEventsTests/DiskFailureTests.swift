import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// A full file system and a read-only one: typed errors, and nothing already written is damaged.
/// Uses a real tmpfs where the machine allows mounting (CI does); the same failure is otherwise
/// simulated with /dev/full in `SummaryWriterTests`.
@Suite(.serialized) struct DiskFailureTests {
    @Test func aFullFileSystemRaisesNoSpaceAndKeepsEverythingWrittenIntact() throws {
        guard let mount = TemporaryMount(sizeKiB: 64) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        let writer = try SummaryWriter(
            logdir: mount.path + "/run", options: .init(flushInterval: .seconds(3600), maxBufferedBytes: 1 << 30))
        var flushedThrough = -1
        var failure: SummaryWriterError?
        var step = 0
        // Flush every 100 points until the disk is full.
        while failure == nil && step < 100_000 {
            try writer.addScalar("value", Double(step), step: step, wallTime: 1_700_000_000)
            if step % 100 == 99 {
                do {
                    try writer.flush()
                    flushedThrough = step
                } catch {
                    failure = error
                }
            }
            step += 1
        }
        let error = try #require(failure)
        #expect(error.kind == .io(operation: "write", errno: ENOSPC))
        #expect(error.path == writer.path)
        #expect(error.description.contains("No space left on device"))

        // Everything flushed before is readable; the file may end with one incomplete record.
        let reader = RecordReader(path: writer.path)
        var steps: [Int64] = []
        while let record = try reader.next() {
            let event = try #require(ProtobufDecoder.decodeEvent(record.payload))
            if event.summary != nil { steps.append(event.step) }
        }
        #expect(steps.count > flushedThrough)
        #expect(steps == (0..<Int64(steps.count)).map { $0 })
        // Closing reports the failure again (the rest still cannot be written) rather than hiding it.
        #expect(throws: SummaryWriterError.self) { try writer.close() }
    }

    @Test func aReadOnlyFileSystemRefusesANewWriterWithATypedError() throws {
        guard let mount = TemporaryMount(sizeKiB: 64, readOnly: true) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        let error = #expect(throws: SummaryWriterError.self) { try SummaryWriter(logdir: mount.path) }
        #expect(error?.kind == .io(operation: "open", errno: EROFS))
        #expect(error?.description.contains("Read-only file system") == true)
        let nested = #expect(throws: SummaryWriterError.self) { try SummaryWriter(logdir: mount.path + "/run") }
        #expect(nested?.kind == .io(operation: "mkdir", errno: EROFS))
    }
}
