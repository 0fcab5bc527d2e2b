import Testing
import TestSupport

@testable import TFEvents

/// The record reader tells complete records, an incomplete tail and both kinds of damage apart;
/// ``EventFileReader`` names the file, the offset and what was expected.
@Suite struct TFRecordReaderTests {
    let directory = TemporaryDirectory()

    func file(_ records: [[UInt8]], name: String = "events.out.tfevents.test") -> String {
        let path = directory.path + "/" + name
        writeFile(path, records.flatMap { TFRecordFraming.frame($0) })
        return path
    }

    /// The problems ``EventFileReader`` reports on the complete file at `path`.
    func problems(_ path: String) -> [ReadProblem] {
        let reader = EventFileReader(path: path)
        var problems: [ReadProblem] = []
        while let entry = reader.next() {
            if case .problem(let problem) = entry { problems.append(problem) }
        }
        return problems
    }

    @Test func readsCompleteRecordsWithTheirOffsets() throws {
        let payloads: [[UInt8]] = [Array("hello".utf8), [], [UInt8](repeating: 7, count: 3000)]
        let reader = RecordReader(path: file(payloads))
        var offsets: [Int64] = []
        var read: [[UInt8]] = []
        while let record = try reader.next() {
            offsets.append(record.offset)
            read.append(record.payload)
        }
        #expect(read == payloads)
        #expect(offsets == [0, 21, 37])
        #expect(reader.offset == 37 + 3016)
        #expect(reader.pendingByteCount == 0)
    }

    @Test func recordsLargerThanTheReadChunkAreRead() throws {
        let big = (0..<(RecordReader.chunkSize * 2 + 5)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let reader = RecordReader(path: file([Array("a".utf8), big, Array("z".utf8)]))
        #expect(try reader.next()?.payload == Array("a".utf8))
        #expect(try reader.next()?.payload == big)
        #expect(try reader.next()?.payload == Array("z".utf8))
        #expect(try reader.next() == nil)
    }

    @Test func incompleteTailIsNotAnErrorAndIsPickedUpOnceComplete() throws {
        let path = file([Array("first".utf8)])
        let second = TFRecordFraming.frame(Array("second record".utf8))
        let reader = RecordReader(path: path)
        #expect(try reader.next()?.payload == Array("first".utf8))
        for cut in [1, 11, 12, 20, second.count - 1] {
            appendFile(path, Array(second[0..<cut]))
            #expect(try reader.next() == nil, "cut at \(cut)")
            #expect(reader.pendingByteCount == Int64(cut))
            // Undo: rewrite the file without the partial record for the next cut.
            writeFile(path, TFRecordFraming.frame(Array("first".utf8)))
        }
        appendFile(path, Array(second[0..<7]))
        #expect(try reader.next() == nil)
        appendFile(path, Array(second[7...]))
        let record = try #require(try reader.next())
        #expect(record.payload == Array("second record".utf8))
        #expect(record.offset == 21)
    }

    @Test func lengthCRCMismatchNamesFileOffsetAndExpectation() throws {
        var bytes = TFRecordFraming.frame(Array("ok".utf8)) + TFRecordFraming.frame(Array("bad".utf8))
        bytes[18 + 3] ^= 0x01  // a length byte of the second record
        let path = directory.path + "/events.out.tfevents.lencrc"
        writeFile(path, bytes)
        let reader = RecordReader(path: path)
        #expect(try reader.next()?.payload == Array("ok".utf8))
        let error = try #require(throws: RecordDamage.self) { try reader.next() }
        #expect(error.offset == 18)
        #expect(error.path == path)
        guard case .lengthCRCMismatch(let stored, let computed) = error.kind else {
            Issue.record("kind \(error.kind)")
            return
        }
        #expect(stored != computed)
        #expect(reader.offset == 18, "the reader stays on the damaged record")
        // As a problem of the event file: path, offset, and both CRCs.
        // ("ok" is no event: a decode problem comes first.)
        let problem = try #require(problems(path).first { $0.kind != .decode })
        #expect(problem.kind == .lengthCRC)
        #expect(problem.offset == 18)
        #expect(problem.description.hasPrefix("\(path): byte 18: the length field's CRC does not match (stored 0x"))
        #expect(problem.description.contains(String(computed, radix: 16)))
    }

    @Test func dataCRCMismatchIsReportedAndSkipDamageFindsTheNextGoodRecord() throws {
        let records: [[UInt8]] = [Array("one".utf8), Array("two".utf8), Array("three".utf8)]
        var bytes = records.flatMap { TFRecordFraming.frame($0) }
        bytes[19 + 12] ^= 0xFF  // first payload byte of record two
        let path = directory.path + "/events.out.tfevents.datacrc"
        writeFile(path, bytes)
        let reader = RecordReader(path: path)
        #expect(try reader.next()?.payload == Array("one".utf8))
        let error = try #require(throws: RecordDamage.self) { try reader.next() }
        #expect(error.offset == 19)
        guard case .dataCRCMismatch(let stored, let computed) = error.kind else {
            Issue.record("kind \(error.kind)")
            return
        }
        #expect(stored != computed)
        #expect(try reader.skipDamage() == 38)
        #expect(try reader.next()?.payload == Array("three".utf8))
        #expect(try reader.next() == nil)
        let problem = try #require(problems(path).first { $0.kind == .dataCRC })
        #expect(problem.offset == 19 && problem.resumedAt == 38)
        #expect(problem.description.contains("the payload's CRC does not match"))
        #expect(problem.description.hasSuffix("(reading resumed at byte 38)"))
    }

    @Test func aHugeLengthWithAValidCRCIsNeverAllocated() throws {
        // A length of 2^62 whose CRC is valid: the file cannot hold it, so it is "not yet there".
        var header: [UInt8] = []
        withUnsafeBytes(of: (UInt64(1) << 62).littleEndian) { header.append(contentsOf: $0) }
        let crc = header.withUnsafeBytes { CRC32C.mask(CRC32C.checksum($0)) }
        TFRecordFraming.appendLittleEndian(crc, to: &header)
        let path = directory.path + "/events.out.tfevents.huge"
        writeFile(path, TFRecordFraming.frame(Array("x".utf8)) + header + [1, 2, 3])
        let reader = RecordReader(path: path)
        #expect(try reader.next()?.payload == Array("x".utf8))
        #expect(try reader.next() == nil)
        #expect(reader.pendingByteCount == 15)
        // And the largest possible length (2^64 - 1) too.
        var maxHeader: [UInt8] = [UInt8](repeating: 0xFF, count: 8)
        let maxCRC = maxHeader.withUnsafeBytes { CRC32C.mask(CRC32C.checksum($0)) }
        TFRecordFraming.appendLittleEndian(maxCRC, to: &maxHeader)
        writeFile(path, maxHeader)
        let second = RecordReader(path: path)
        #expect(try second.next() == nil)
    }

    @Test func skipDamageWaitsWhenNoGoodRecordFollowsYet() throws {
        var bytes = TFRecordFraming.frame(Array("one".utf8))
        bytes[5] ^= 0x10  // damage the length
        let path = directory.path + "/events.out.tfevents.wait"
        writeFile(path, bytes)
        let reader = RecordReader(path: path)
        #expect(throws: RecordDamage.self) { try reader.next() }
        #expect(try reader.skipDamage() == nil)
        appendFile(path, TFRecordFraming.frame(Array("two".utf8)))
        #expect(try reader.skipDamage() == Int64(bytes.count))
        #expect(try reader.next()?.payload == Array("two".utf8))
    }

    @Test func missingFileIsAnIOErrorNamingIt() throws {
        let path = directory.path + "/missing"
        let error = try #require(throws: RecordDamage.self) { try RecordReader(path: path).next() }
        guard case .io(let failure) = error.kind else {
            Issue.record("kind \(error.kind)")
            return
        }
        #expect(failure.kind == .notFound && failure.path == path)
        #expect(failure.message == "No such file or directory (errno 2)")
        let problem = try #require(problems(path).first)
        #expect(problem.kind == .io)
        #expect(problem.description == "\(path): byte 0: cannot read the file: No such file or directory (errno 2)")
    }
}
