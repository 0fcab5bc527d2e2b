import Testing
import TestSupport

@testable import TFEvents

/// The vectors of EventFileFormat.md §1, on the hardware and the portable path alike.
@Suite struct CRC32CTests {
    static let vectors: [(name: String, input: [UInt8], crc: UInt32, masked: UInt32)] = [
        ("empty", [], 0x0000_0000, 0xA282_EAD8),
        ("a", Array("a".utf8), 0xC1D0_4330, 0x28E4_6E78),
        ("123456789", Array("123456789".utf8), 0xE306_9283, 0xC78A_B0E5),
        ("32 zeros", [UInt8](repeating: 0, count: 32), 0x8A91_36AA, 0x0FD7_FFFA),
        ("32 x ff", [UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43, 0xF909_B029),
        ("0x00..0x1f", (0..<32).map { UInt8($0) }, 0x46DD_794E, 0x951F_7892),
        ("u64le(0)", [UInt8](repeating: 0, count: 8), 0x8C28_B28A, 0x0798_0329),
        ("u64le(24)", [24, 0, 0, 0, 0, 0, 0, 0], 0x4A65_BFE4, 0x224B_7FA3),
        ("brain.Event:2", Array("brain.Event:2".utf8), 0x8B8B_6CC1, 0x7C06_01EE),
    ]

    @Test(arguments: 0..<vectors.count)
    func knownAnswers(_ index: Int) {
        let vector = Self.vectors[index]
        #expect(CRC32C.checksum(vector.input) == vector.crc, "\(vector.name)")
        #expect(CRC32C.portableChecksum(vector.input) == vector.crc, "\(vector.name) portable")
        #expect(CRC32C.hardwareChecksum(vector.input) == vector.crc, "\(vector.name) hardware")
        #expect(CRC32C.mask(vector.crc) == vector.masked, "\(vector.name) masked")
        #expect(CRC32C.unmask(vector.masked) == vector.crc, "\(vector.name) unmasked")
    }

    @Test func storedMaskedBytesAreLittleEndian() {
        var buffer: [UInt8] = []
        TFRecordFraming.appendLittleEndian(CRC32C.mask(0xE306_9283), to: &buffer)
        #expect(buffer == [0xE5, 0xB0, 0x8A, 0xC7])
    }

    /// Every length and alignment the unrolled and tail loops can meet, against a bitwise reference.
    @Test func pathsAgreeWithBitwiseReferenceOnEveryLengthAndAlignment() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let data: [UInt8] = (0..<300).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        for start in 0..<9 {
            for length in 0..<(data.count - start) {
                let slice = Array(data[start..<start + length])
                let expected = Self.bitwise(slice)
                #expect(CRC32C.portableChecksum(slice) == expected)
                #expect(CRC32C.hardwareChecksum(slice) == expected)
                if CRC32C.portableChecksum(slice) != expected || CRC32C.hardwareChecksum(slice) != expected {
                    return  // one report is enough
                }
            }
        }
    }

    @Test func extendingEqualsCheckingTheConcatenation() {
        let first = Array("hello, ".utf8)
        let second = Array("world".utf8)
        let partial = first.withUnsafeBytes { CRC32C.checksum($0) }
        let whole = second.withUnsafeBytes { CRC32C.checksum($0, continuing: partial) }
        #expect(whole == CRC32C.checksum(first + second))
    }

    @Test func hardwarePathIsTakenOnThisMachineWhenTheCPUHasIt() throws {
        // On x86_64 Linux, /proc/cpuinfo lists sse4_2 when the instruction exists.
        let cpuinfo = String(decoding: readFile("/proc/cpuinfo"), as: UTF8.self)
        #expect(CRC32C.isHardwareAccelerated == cpuinfo.contains("sse4_2"))
    }

    /// The definition: `crc ^= byte`, then 8 shifts with the reflected polynomial.
    static func bitwise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc >> 1) ^ ((crc & 1) != 0 ? 0x82F6_3B78 : 0)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension CRC32CTests {
    /// The reader's one call for a record's two CRCs gives what the two separate calls give.
    @Test func lengthAndPayloadChecksumsInOneCallMatchTheSeparateOnes() {
        let data: [UInt8] = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...data.count {
            for value: UInt64 in [0, UInt64(length), .max] {
                let slice = Array(data[..<length])
                let (lengthCRC, payloadCRC) = slice.withUnsafeBytes { CRC32C.checksums(ofLittleEndian: value, and: $0) }
                #expect(lengthCRC == CRC32C.checksum(ofLittleEndian: value))
                #expect(payloadCRC == Self.bitwise(slice))
            }
        }
    }

    @Test func lengthFieldChecksumMatchesTheBytewiseOne() {
        for value: UInt64 in [0, 24, 1, 0xFF, 1 << 32, .max, 0x0123_4567_89AB_CDEF] {
            var bytes: [UInt8] = []
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            #expect(CRC32C.checksum(ofLittleEndian: value) == Self.bitwise(bytes))
        }
    }
}
