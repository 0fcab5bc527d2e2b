internal import CCRC32C

/// CRC32C (Castagnoli), the checksum of TFRecord framing, and TensorFlow's mask over it.
///
/// The work is done in C (`Sources/CCRC32C`): the SSE4.2 `crc32` instruction when the CPU has it,
/// chosen at run time, and a slicing-by-8 table otherwise.
enum CRC32C {
    /// The constant TensorFlow adds after rotating a CRC, so that a CRC of data that itself holds
    /// CRCs does not degenerate.
    static let maskDelta: UInt32 = 0xA282_EAD8

    /// Whether the hardware instruction is used on this CPU.
    static var isHardwareAccelerated: Bool { ccrc32c_hardware_available() != 0 }

    /// The CRC32C of `bytes`, continuing from `crc` (the CRC of the bytes before them).
    @inline(__always)
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        ccrc32c_extend(crc, bytes.baseAddress, bytes.count)
    }

    /// The CRC32C of the 8 little-endian bytes of `value`: a TFRecord length field.
    @inline(__always)
    static func checksum(ofLittleEndian value: UInt64) -> UInt32 {
        ccrc32c_of_u64le(value)
    }

    /// The CRC32C of the 8 little-endian bytes of `value` and the CRC32C of `bytes`, in one call:
    /// a TFRecord's length field and payload, for the reader's hot loop.
    @inline(__always)
    static func checksums(ofLittleEndian value: UInt64, and bytes: UnsafeRawBufferPointer) -> (UInt32, UInt32) {
        let both = ccrc32c_of_u64le_and_data(value, bytes.baseAddress, bytes.count)
        return (UInt32(truncatingIfNeeded: both >> 32), UInt32(truncatingIfNeeded: both))
    }

    /// The CRC32C of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0)) }) {
            return crc
        }
        return Array(bytes).withUnsafeBytes { checksum($0) }
    }

    /// The portable table-driven implementation, exposed so tests can check it on machines whose
    /// CPU would otherwise always take the hardware path.
    static func portableChecksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { ccrc32c_extend_portable(0, $0.baseAddress, $0.count) }
    }

    /// The hardware implementation (the portable one when the CPU lacks the instruction).
    static func hardwareChecksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { ccrc32c_extend_hardware(0, $0.baseAddress, $0.count) }
    }

    /// Rotates right by 15 bits and adds ``maskDelta``, as TFRecord stores every CRC.
    @inline(__always)
    static func mask(_ crc: UInt32) -> UInt32 {
        ((crc &>> 15) | (crc &<< 17)) &+ maskDelta
    }

    /// Inverts ``mask(_:)``.
    @inline(__always)
    static func unmask(_ masked: UInt32) -> UInt32 {
        let rotated = masked &- maskDelta
        return (rotated &>> 17) | (rotated &<< 15)
    }
}
