internal import CZlib

/// The CRC-32 of ISO 3309 and ITU-T V.42 (polynomial 0x04C11DB7, reflected), as PNG chunks and
/// gzip use it, computed by zlib's `crc32_z`.
///
/// Not to be confused with ``CRC32C``, the Castagnoli CRC of TFRecord framing.
enum ZlibCRC32 {
    /// The CRC-32 of `bytes`, continuing from `crc` (the CRC of the bytes before them).
    @inline(__always)
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return crc }
        let value = crc32_z(uLong(crc), start.assumingMemoryBound(to: Bytef.self), bytes.count)
        return UInt32(truncatingIfNeeded: value)
    }

    /// The CRC-32 of `bytes`, continuing from `crc`.
    static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: crc) }
    }
}
