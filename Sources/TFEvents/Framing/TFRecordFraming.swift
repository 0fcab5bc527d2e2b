/// The layout of one TFRecord (EventFileFormat.md §1):
///
/// | offset  | size | content                                  |
/// |---------|------|------------------------------------------|
/// | 0       | 8    | payload length, UInt64 little-endian     |
/// | 8       | 4    | masked CRC32C of those 8 bytes           |
/// | 12      | len  | payload                                  |
/// | 12+len  | 4    | masked CRC32C of the payload             |
enum TFRecordFraming {
    /// Bytes before the payload: the length and its CRC.
    static let headerSize = 12
    /// Bytes after the payload: its CRC.
    static let footerSize = 4
    /// Bytes a record adds around its payload.
    static let overhead = headerSize + footerSize

    /// Appends `payload` to `buffer` as one complete record.
    static func append(_ payload: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
        let length = UInt64(payload.count)
        withUnsafeBytes(of: length.littleEndian) { buffer.append(contentsOf: $0) }
        appendLittleEndian(CRC32C.mask(CRC32C.checksum(ofLittleEndian: length)), to: &buffer)
        buffer.append(contentsOf: payload)
        appendLittleEndian(CRC32C.mask(CRC32C.checksum(payload)), to: &buffer)
    }

    /// Appends `payload` to `buffer` as one complete record.
    static func append(_ payload: [UInt8], to buffer: inout [UInt8]) {
        payload.withUnsafeBytes { append($0, to: &buffer) }
    }

    /// `payload` framed as one record.
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        var record: [UInt8] = []
        record.reserveCapacity(payload.count + overhead)
        append(payload, to: &record)
        return record
    }

    /// The payload length of the record at the start of `bytes` when all of it is in `bytes`, its
    /// length is at most `limit`, and both CRCs verify; `nil` otherwise (not all there, or damaged:
    /// the caller's general path tells which).
    @inline(__always)
    static func verifiedPayloadLength(_ bytes: UnsafeRawBufferPointer, limit: UInt64) -> Int? {
        guard bytes.count >= overhead else { return nil }
        let length = loadUInt64(bytes, at: 0)
        // Both CRCs in one call: the payload's is computed before the length is known to be right,
        // which costs nothing on good records and is harmless on damaged ones (the length is
        // within `bytes` either way).
        guard length <= limit, length <= UInt64(bytes.count - overhead) else { return nil }
        let payloadLength = Int(length)
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize..<headerSize + payloadLength])
        let (lengthCRC, payloadCRC) = CRC32C.checksums(ofLittleEndian: length, and: payload)
        guard loadUInt32(bytes, at: 8) == CRC32C.mask(lengthCRC),
            loadUInt32(bytes, at: headerSize + payloadLength) == CRC32C.mask(payloadCRC)
        else { return nil }
        return payloadLength
    }

    @inline(__always)
    static func appendLittleEndian(_ value: UInt32, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    static func loadUInt64(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    static func loadUInt32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}
