import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// The record reader's contract: complete records, an incomplete tail that is waited for, damage
/// that throws and can be skipped, and lengths that are never trusted with an allocation.
@Suite struct TFRecordReaderContractTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory + "/records"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: String(path.dropLast("/records".count)))
    }

    @Test func readsTheFrameFromTheFormatSpecification() throws {
        let path = try Self.file([
            0x05, 0, 0, 0, 0, 0, 0, 0, 0xEA, 0xB2, 0x04, 0x3E, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xBB, 0x1F, 0x1C, 0x19,
            0, 0, 0, 0, 0, 0, 0, 0, 0x29, 0x03, 0x98, 0x07, 0xD8, 0xEA, 0x82, 0xA2,
        ])
        defer { Self.remove(path) }
        let reader = try TFRecordReader(path: path)
        #expect(try reader.next() == TFRecord(offset: 0, payload: Array("hello".utf8)))
        #expect(try reader.next() == TFRecord(offset: 21, payload: []))
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 0)
    }

    @Test func anIncompleteRecordIsWaitedFor() throws {
        let record = TFRecordFraming.frame(Array("payload".utf8))
        let path = try Self.file(Array(record.prefix(14)))
        defer { Self.remove(path) }
        let reader = try TFRecordReader(path: path)
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 14)
        try append(record.dropFirst(14), to: path)
        #expect(try reader.next()?.payload == Array("payload".utf8))
        #expect(reader.offset == Int64(record.count))
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
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        let reader = try TFRecordReader(path: path)
        #expect(try reader.next()?.payload == [1, 2, 3])
        let lengthError = #expect(throws: TFRecordError.self) { try reader.next() }
        #expect(lengthError?.offset == Int64(second))
        if case .lengthCRCMismatch = lengthError?.kind {} else { Issue.record("\(String(describing: lengthError))") }
        // The reader stays on the damage until told to skip it.
        #expect(reader.offset == Int64(second))
        #expect(throws: TFRecordError.self) { try reader.next() }
        #expect(try reader.skipDamage() == Int64(third))
        #expect(try reader.next()?.payload == [7, 8, 9])
        let dataError = #expect(throws: TFRecordError.self) { try reader.next() }
        #expect(dataError?.offset == Int64(fourth))
        if case .dataCRCMismatch = dataError?.kind {} else { Issue.record("\(String(describing: dataError))") }
        #expect(try reader.skipDamage() == Int64(fifth))
        #expect(try reader.next()?.payload == [12])
        #expect(try reader.next() == nil)
    }

    @Test func aScanThatFindsNothingResumesWhenTheFileGrows() throws {
        let path = try Self.file([0xFF] + Array(repeating: 0xAB, count: 30))
        defer { Self.remove(path) }
        let reader = try TFRecordReader(path: path)
        #expect(throws: TFRecordError.self) { try reader.next() }
        #expect(try reader.skipDamage() == nil)
        #expect(reader.offset == 0)
        try append(TFRecordFraming.frame([42]), to: path)
        #expect(try reader.skipDamage() == 31)
        #expect(try reader.next()?.payload == [42])
    }

    @Test func aFinalScanPassesOverAnIncompleteCandidate() throws {
        var bytes: [UInt8] = [0xFF, 0xFF]
        bytes += ReaderHostileTests.header(length: 100) + [1, 2]
        let good = bytes.count
        bytes += TFRecordFraming.frame([9])
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        let reader = try TFRecordReader(path: path)
        #expect(throws: TFRecordError.self) { try reader.next() }
        // The header at 2 verifies and its payload would reach past the end: it may be a record
        // still being written, unless the file is final.
        #expect(try reader.skipDamage() == nil)
        #expect(try reader.skipDamage(final: true) == Int64(good))
        #expect(try reader.next()?.payload == [9])
    }

    @Test func hugeLengthsAreNeverAllocatedFor() throws {
        let bytes = ReaderHostileTests.header(length: 1 << 63) + [1, 2, 3]
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        // Without a limit such a record is only ever incomplete ...
        let unlimited = try TFRecordReader(path: path)
        #expect(try unlimited.next() == nil)
        #expect(unlimited.pendingByteCount == Int64(bytes.count))
        // ... with one, it is damage.
        let limited = try TFRecordReader(path: path, maximumRecordLength: UInt64(Int32.max))
        let error = #expect(throws: TFRecordError.self) { try limited.next() }
        #expect(error?.kind == .lengthTooLarge(length: 1 << 63, limit: UInt64(Int32.max)))
        #expect(error?.description.contains("claims 9223372036854775808 bytes") == true)
    }

    @Test func aMissingFileIsAnIOError() {
        let error = #expect(throws: TFRecordError.self) { try TFRecordReader(path: "/nonexistent/records") }
        #expect(error?.kind == .io(operation: "open", errno: 2))
    }
}
