import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// The record reader's contract over any ``ByteSource`` (here bytes in memory that can grow):
/// complete records, an incomplete tail that is waited for, damage that throws and can be skipped,
/// lengths that are never trusted with an allocation, and an optional end past which nothing is
/// read. ``EventFileReader`` keeps the same contract, as events and problems.
@Suite struct TFRecordReaderContractTests {
    static let path = "/logs/run/records"

    @Test func readsTheFrameFromTheFormatSpecification() throws {
        let source = GrowingSource([
            0x05, 0, 0, 0, 0, 0, 0, 0, 0xEA, 0xB2, 0x04, 0x3E, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xBB, 0x1F, 0x1C, 0x19,
            0, 0, 0, 0, 0, 0, 0, 0, 0x29, 0x03, 0x98, 0x07, 0xD8, 0xEA, 0x82, 0xA2,
        ])
        let reader = RecordReader(path: Self.path, source: source)
        #expect(try reader.next() == Record(offset: 0, payload: Array("hello".utf8)))
        #expect(try reader.next() == Record(offset: 21, payload: []))
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 0)
    }

    @Test func anIncompleteRecordIsWaitedFor() throws {
        let record = TFRecordFraming.frame(Array("payload".utf8))
        let source = GrowingSource(Array(record.prefix(14)))
        let reader = RecordReader(path: Self.path, source: source)
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 14)
        source.append(record.dropFirst(14))
        #expect(try reader.next()?.payload == Array("payload".utf8))
        #expect(reader.offset == Int64(record.count))
    }

    @Test func anEventFileReaderFollowsAGrowingFile() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let source = GrowingSource(file.bytes)
        let reader = EventFileReader(path: Self.path, source: source, isComplete: false)
        guard case .event(let first, 0)? = reader.next() else {
            Issue.record("no file_version at 0")
            return
        }
        #expect(first.fileVersion == "brain.Event:2")
        let record = EventFileBuilder.record(EventFileBuilder.scalar("x", 1, step: 3))
        source.append(record.prefix(9))
        #expect(reader.next() == nil)
        source.append(record.dropFirst(9))
        guard case .event(let second, let offset)? = reader.next() else {
            Issue.record("the appended record was not read")
            return
        }
        #expect(second.step == 3 && offset == Int64(file.bytes.count))
        #expect(reader.next() == nil)
        #expect(reader.recordCount == 2)
    }

    @Test func damageThrowsAndCanBeSkipped() throws {
        var bytes = TFRecordFraming.frame([1, 2, 3])
        let second = bytes.count
        bytes += TFRecordFraming.frame([4, 5, 6])
        let third = bytes.count
        bytes += TFRecordFraming.frame([7, 8, 9])
        let fourth = bytes.count
        bytes += TFRecordFraming.frame([10, 11])
        let fifth = bytes.count
        bytes += TFRecordFraming.frame([12])
        bytes[second] ^= 1  // the second record's length
        bytes[fourth + 13] ^= 1  // the fourth record's payload
        let reader = RecordReader(path: Self.path, source: GrowingSource(bytes))
        #expect(try reader.next()?.payload == [1, 2, 3])
        let lengthError = #expect(throws: RecordDamage.self) { try reader.next() }
        #expect(lengthError?.offset == Int64(second))
        if case .lengthCRCMismatch = lengthError?.kind {} else { Issue.record("\(String(describing: lengthError))") }
        // The reader stays on the damage until told to skip it.
        #expect(reader.offset == Int64(second))
        #expect(throws: RecordDamage.self) { try reader.next() }
        #expect(try reader.skipDamage() == Int64(third))
        #expect(try reader.next()?.payload == [7, 8, 9])
        let dataError = #expect(throws: RecordDamage.self) { try reader.next() }
        #expect(dataError?.offset == Int64(fourth))
        if case .dataCRCMismatch = dataError?.kind {} else { Issue.record("\(String(describing: dataError))") }
        #expect(try reader.skipDamage() == Int64(fifth))
        #expect(try reader.next()?.payload == [12])
        #expect(try reader.next() == nil)
    }

    @Test func anEventFileReaderReportsEachDamageOnceAndKeepsTheGoodRecords() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let second = file.bytes.count
        file.append(EventFileBuilder.scalar("x", 1, step: 1))
        let third = file.bytes.count
        file.append(EventFileBuilder.scalar("x", 2, step: 2))
        let fourth = file.bytes.count
        file.append(EventFileBuilder.scalar("x", 3, step: 3))
        let fifth = file.bytes.count
        file.append(EventFileBuilder.scalar("x", 4, step: 4))
        var bytes = file.bytes
        bytes[second] ^= 1
        bytes[fourth + 13] ^= 1
        let reader = EventFileReader(path: Self.path, source: GrowingSource(bytes))
        var steps: [Int64] = []
        var problems: [ReadProblem] = []
        while let entry = reader.next() {
            switch entry {
            case .event(let event, _): if event.summary != nil { steps.append(event.step) }
            case .problem(let problem): problems.append(problem)
            }
        }
        #expect(steps == [2, 4])
        #expect(problems.map(\.kind) == [.lengthCRC, .dataCRC])
        #expect(problems.map(\.offset) == [Int64(second), Int64(fourth)])
        #expect(problems.map(\.resumedAt) == [Int64(third), Int64(fifth)])
        #expect(problems.allSatisfy { $0.path == Self.path && $0.run == nil })
    }

    @Test func aScanThatFindsNothingResumesWhenTheFileGrows() throws {
        let source = GrowingSource([0xFF] + Array(repeating: 0xAB, count: 30))
        let reader = RecordReader(path: Self.path, source: source)
        #expect(throws: RecordDamage.self) { try reader.next() }
        #expect(try reader.skipDamage() == nil)
        #expect(reader.offset == 0)
        source.append(TFRecordFraming.frame([42]))
        #expect(try reader.skipDamage() == 31)
        #expect(try reader.next()?.payload == [42])
    }

    @Test func aFinalScanPassesOverAnIncompleteCandidate() throws {
        var bytes: [UInt8] = [0xFF, 0xFF]
        bytes += ReaderHostileTests.header(length: 100) + [1, 2]
        let good = bytes.count
        bytes += TFRecordFraming.frame([9])
        let reader = RecordReader(path: Self.path, source: GrowingSource(bytes))
        #expect(throws: RecordDamage.self) { try reader.next() }
        // The header at 2 verifies and its payload would reach past the end: it may be a record
        // still being written, unless the file is final.
        #expect(try reader.skipDamage() == nil)
        #expect(try reader.skipDamage(final: true) == Int64(good))
        #expect(try reader.next()?.payload == [9])
    }

    @Test func hugeLengthsAreNeverAllocatedFor() throws {
        let bytes = ReaderHostileTests.header(length: 1 << 63) + [1, 2, 3]
        let source = GrowingSource(bytes)
        // Without a limit such a record is only ever incomplete ...
        let unlimited = RecordReader(path: Self.path, source: source)
        #expect(try unlimited.next() == nil)
        #expect(unlimited.pendingByteCount == Int64(bytes.count))
        // ... with one, it is damage.
        let limited = RecordReader(path: Self.path, source: source, maximumRecordLength: UInt64(Int32.max))
        let error = #expect(throws: RecordDamage.self) { try limited.next() }
        #expect(error?.kind == .lengthTooLarge(length: 1 << 63, limit: UInt64(Int32.max)))
        // The event file reader uses that limit and says what the length claims.
        let events = EventFileReader(path: Self.path, source: source)
        guard case .problem(let problem)? = events.next() else {
            Issue.record("no problem")
            return
        }
        #expect(problem.kind == .badLength)
        #expect(problem.message.contains("claims 9223372036854775808 bytes"))
        #expect(source.largestRead <= RecordReader.chunkSize)
    }

    @Test func anEndHidesWhatComesAfterIt() throws {
        var bytes = TFRecordFraming.frame([1])
        let end = bytes.count
        bytes += TFRecordFraming.frame([2])
        let source = GrowingSource(bytes)
        let reader = RecordReader(path: Self.path, source: source, end: Int64(end))
        #expect(try reader.next()?.payload == [1])
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 0)
        #expect(reader.knownEnd == Int64(end))
        // Cut inside a record: the part before the end is an incomplete tail.
        let cut = RecordReader(path: Self.path, source: source, end: Int64(end + 5))
        #expect(try cut.next()?.payload == [1])
        #expect(try cut.next() == nil)
        #expect(cut.pendingByteCount == 5)
    }

    @Test func aMissingFileIsAnIOError() {
        let error = #expect(throws: RecordDamage.self) {
            try RecordReader(path: "/nonexistent/records", source: MemorySource(files: [:])).next()
        }
        #expect(error?.kind == .io(ByteSourceError(.notFound, path: "/nonexistent/records", message: "no such file")))
        let reader = EventFileReader(path: "/nonexistent/records", source: MemorySource(files: [:]))
        guard case .problem(let problem)? = reader.next() else {
            Issue.record("no problem")
            return
        }
        #expect(problem.kind == .io && problem.offset == 0)
        #expect(reader.next() == nil)
    }

    @Test func anEmptyCompleteFileIsReportedAsEmpty() {
        let reader = EventFileReader(path: Self.path, source: GrowingSource([]))
        guard case .problem(let problem)? = reader.next() else {
            Issue.record("no problem")
            return
        }
        #expect(problem.kind == .empty)
        #expect(problem.offset == nil && problem.resumedAt == nil)
        #expect(reader.next() == nil)
        // While the file may still be written, it is only not started yet.
        #expect(EventFileReader(path: Self.path, source: GrowingSource([]), isComplete: false).next() == nil)
    }
}

/// One file, `TFRecordReaderContractTests.path`, in memory, that can grow while it is read; it
/// remembers the largest read asked of it.
final class GrowingSource: ByteSource {
    private let state: LockedValue<(bytes: [UInt8], largestRead: Int)>

    init(_ bytes: [UInt8]) {
        state = LockedValue((bytes, 0))
    }

    func append(_ more: some Sequence<UInt8>) {
        state.withLock { $0.bytes.append(contentsOf: more) }
    }

    var largestRead: Int { state.withLock { $0.largestRead } }

    private var memory: MemorySource {
        MemorySource(files: [TFRecordReaderContractTests.path: state.withLock { $0.bytes }])
    }

    func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        try memory.listFiles(under: root)
    }

    func size(of path: String) throws(ByteSourceError) -> Int64 {
        try memory.size(of: path)
    }

    func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int) throws(ByteSourceError)
        -> Int
    {
        state.withLock { $0.largestRead = max($0.largestRead, buffer.count - start) }
        return try memory.read(path, at: offset, into: &buffer, from: start)
    }
}
