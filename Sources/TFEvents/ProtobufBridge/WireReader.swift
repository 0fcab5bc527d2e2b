/// A cursor over protobuf wire-format bytes: keys, varints, fixed-width numbers and
/// length-delimited fields. Every read checks bounds and returns `nil` on malformed input.
struct WireReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    /// Wire types (EventFileFormat.md §3).
    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case startGroup = 3
        case endGroup = 4
        case fixed32 = 5
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        position = 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The next varint, or `nil` when it runs past the end or past 10 bytes.
    @inline(__always)
    mutating func readVarint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count && shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// The next field key as (field number, wire type), or `nil` when malformed.
    @inline(__always)
    mutating func readKey() -> (field: UInt64, type: WireType)? {
        guard let key = readVarint(), let type = WireType(rawValue: UInt8(key & 7)), key >> 3 != 0 else {
            return nil
        }
        return (key >> 3, type)
    }

    /// The next field key, when its field number is below 16 and was not seen before: the fast
    /// paths accept only messages whose every field occurs at most once (protobuf's "last one
    /// wins" and sub-message merging are left to protobuf-c). `seen` has a bit per field number.
    @inline(__always)
    mutating func readUniqueKey(seen: inout UInt16) -> (field: UInt64, type: WireType)? {
        guard let key = readKey(), key.field < 16 else { return nil }
        let bit: UInt16 = 1 << key.field
        guard seen & bit == 0 else { return nil }
        seen |= bit
        return key
    }

    /// The range of the next length-delimited field's content.
    @inline(__always)
    mutating func readLengthDelimited() -> Range<Int>? {
        guard let length = readVarint(), length <= UInt64(bytes.count - position) else { return nil }
        let start = position
        position += Int(length)
        return start..<position
    }

    @inline(__always)
    mutating func readFixed64() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    @inline(__always)
    mutating func readFixed32() -> UInt32? {
        guard bytes.count - position >= 4 else { return nil }
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// Skips the value of a field of `type`; `false` when malformed. Groups are not used by any
    /// TensorBoard message and count as malformed, as protobuf-c treats them.
    @inline(__always)
    mutating func skip(_ type: WireType) -> Bool {
        switch type {
        case .varint: return readVarint() != nil
        case .fixed64: return readFixed64() != nil
        case .fixed32: return readFixed32() != nil
        case .lengthDelimited: return readLengthDelimited() != nil
        case .startGroup, .endGroup: return false
        }
    }
}
