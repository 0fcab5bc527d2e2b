/// A summary event holding one scalar value, parsed in place from a record's payload.
///
/// The tag points into the payload and is valid only while the payload is.
struct ScalarRecordView {
    var wallTime: Double
    var step: Int64
    var tag: UnsafeRawBufferPointer
    var value: Float
}

/// The reader's hand-written fast path for scalar records: parses, without allocating, the
/// events that make up almost all of a scalar-heavy log directory (one value with a tag and
/// either a legacy `simple_value` or a rank-0 `DT_FLOAT` tensor, as tensorboardX, PyTorch and
/// TensorFlow 2 write them) and rejects everything else, which then takes the reference path.
///
/// A value's metadata and node name are skipped: the reader takes this path only for tags whose
/// series already has its metadata, and TensorBoard ignores the metadata of a tag's later values,
/// and the node name of a value that has a tag. `FastPathTests` checks the values it gives against
/// protobuf-c's on the fixtures and on mutated payloads.
enum ScalarRecordParser {
    @inline(__always)
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ScalarRecordView? {
        if let view = parseCommonLegacyLayout(bytes) { return view }
        return parseLegacyLayout(bytes) ?? parseGeneral(bytes)
    }

    /// The legacy layout as tensorboardX, PyTorch and our writer give it to almost every record:
    /// a wall time, a step below 2^21 (one to three bytes), and a tag short enough for every
    /// length to take one byte. `nil` for anything else, which ``parseLegacyLayout(_:)`` then
    /// looks at: it gives the same view for every payload this accepts, with more steps.
    @inline(__always)
    private static func parseCommonLegacyLayout(_ bytes: UnsafeRawBufferPointer) -> ScalarRecordView? {
        let count = bytes.count
        // 9 bytes of wall time, 2 of step at least, 6 of framing, 1 of tag, 5 of value.
        guard count >= 23, let base = bytes.baseAddress, base.load(as: UInt8.self) == 0x09,
            base.load(fromByteOffset: 9, as: UInt8.self) == 0x10
        else { return nil }
        let first = UInt64(base.load(fromByteOffset: 10, as: UInt8.self))
        var step = first
        var position = 11
        if first >= 0x80 {
            let second = UInt64(base.load(fromByteOffset: 11, as: UInt8.self))
            step = first & 0x7F | (second & 0x7F) << 7
            position = 12
            if second >= 0x80 {
                let third = UInt64(base.load(fromByteOffset: 12, as: UInt8.self))
                guard third < 0x80 else { return nil }
                step |= third << 14
                position = 13
            }
        }
        let rest = count &- position
        guard rest >= 12 && rest <= 129 else { return nil }
        let framing = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        let expected: UInt64 =
            0x2A | UInt64(rest &- 2) << 8 | 0x0A << 16 | UInt64(rest &- 4) << 24 | 0x0A << 32 | UInt64(rest &- 11) << 40
        guard framing & 0xFFFF_FFFF_FFFF == expected, base.load(fromByteOffset: count &- 5, as: UInt8.self) == 0x15
        else { return nil }
        let tag = UnsafeRawBufferPointer(start: base + (position &+ 6), count: rest &- 11)
        // protobuf-c's C string would stop at a NUL: leave such tags to the reference path.
        guard !containsZeroByte(tag) else { return nil }
        let wallBits = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
        let valueBits = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
        return ScalarRecordView(
            wallTime: Double(bitPattern: wallBits), step: Int64(step), tag: tag, value: Float(bitPattern: valueBits))
    }

    /// The exact byte layout every writer we know gives a legacy scalar event, checked in one
    /// pass: `09 wall` `10 step` `2a len (0a len (0a len tag) (15 value))`, where wall and step may
    /// be absent (zero). About a fifth of the work of the general parser; anything else falls
    /// through to it.
    @inline(__always)
    private static func parseLegacyLayout(_ bytes: UnsafeRawBufferPointer) -> ScalarRecordView? {
        let count = bytes.count
        var position = 0
        var wallTime = 0.0
        var step: Int64 = 0
        if count > 9 && bytes[0] == 0x09 {
            wallTime = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 1, as: UInt64.self)))
            position = 9
        }
        if position < count && bytes[position] == 0x10 {
            // Steps below 2^14 take one or two bytes.
            if position + 2 < count && bytes[position + 1] < 0x80 {
                step = Int64(bytes[position + 1])
                position += 2
            } else if position + 3 < count && bytes[position + 2] < 0x80 {
                step = Int64(bytes[position + 1] & 0x7F) | Int64(bytes[position + 2]) << 7
                position += 3
            } else {
                guard let (value, next) = varint(bytes, at: position + 1) else { return nil }
                step = Int64(bitPattern: value)
                position = next
            }
        }
        // summary, then its one value: each must run exactly to the end of the payload. When the
        // rest is shorter than 130 bytes, every length takes one byte, and the six bytes of
        // `2a len 0a len 0a len` are what the rest's length makes them: one comparison checks them.
        let rest = count - position
        let tag: UnsafeRawBufferPointer
        if rest >= 12 && rest <= 129 {
            let framing = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let expected: UInt64 =
                0x2A | UInt64(rest - 2) << 8 | 0x0A << 16 | UInt64(rest - 4) << 24 | 0x0A << 32 | UInt64(rest - 11) << 40
            guard framing & 0xFFFF_FFFF_FFFF == expected, bytes[count - 5] == 0x15 else {
                return parseLegacyLayoutByVarints(bytes, from: position, wallTime: wallTime, step: step)
            }
            tag = UnsafeRawBufferPointer(rebasing: bytes[position + 6..<count - 5])
        } else {
            return parseLegacyLayoutByVarints(bytes, from: position, wallTime: wallTime, step: step)
        }
        // protobuf-c's C string would stop at a NUL: leave such tags to the reference path.
        guard !containsZeroByte(tag) else { return nil }
        let bits = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        return ScalarRecordView(wallTime: wallTime, step: step, tag: tag, value: Float(bitPattern: bits))
    }

    /// The summary and value of ``parseLegacyLayout(_:)`` from `position` on, their lengths read
    /// as varints of any length.
    private static func parseLegacyLayoutByVarints(
        _ bytes: UnsafeRawBufferPointer, from position: Int, wallTime: Double, step: Int64
    ) -> ScalarRecordView? {
        let count = bytes.count
        guard position < count, bytes[position] == 0x2A, let (summaryLength, summaryStart) = varint(bytes, at: position + 1),
            UInt64(count - summaryStart) == summaryLength, summaryStart < count, bytes[summaryStart] == 0x0A,
            let (valueLength, valueStart) = varint(bytes, at: summaryStart + 1), UInt64(count - valueStart) == valueLength,
            valueStart < count, bytes[valueStart] == 0x0A,
            let (tagLength, tagStart) = varint(bytes, at: valueStart + 1), tagLength > 0,
            UInt64(count - tagStart) == tagLength + 5, bytes[tagStart + Int(tagLength)] == 0x15
        else { return nil }
        let tag = UnsafeRawBufferPointer(rebasing: bytes[tagStart..<tagStart + Int(tagLength)])
        // protobuf-c's C string would stop at a NUL: leave such tags to the reference path.
        guard !containsZeroByte(tag) else { return nil }
        let bits = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        return ScalarRecordView(wallTime: wallTime, step: step, tag: tag, value: Float(bitPattern: bits))
    }

    /// Whether `bytes` hold a 0, looked for eight bytes at a time.
    @inline(__always)
    static func containsZeroByte(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 8 else { return bytes.contains(0) }
        @inline(__always)
        func hasZero(_ offset: Int) -> Bool {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        var offset = 0
        while offset + 8 < count {
            if hasZero(offset) { return true }
            offset += 8
        }
        // The last eight bytes, overlapping those already looked at.
        return hasZero(count - 8)
    }

    /// A varint at `position` and the position after it, or `nil` when it is malformed.
    @inline(__always)
    private static func varint(_ bytes: UnsafeRawBufferPointer, at position: Int) -> (UInt64, Int)? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var index = position
        while index < bytes.count && shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (result, index) }
            shift += 7
        }
        return nil
    }

    /// Any field order and the TensorFlow 2 tensor form: the general parser.
    private static func parseGeneral(_ bytes: UnsafeRawBufferPointer) -> ScalarRecordView? {
        guard let envelope = SummaryEventEnvelope(bytes) else { return nil }
        let (wallTime, step, summary) = (envelope.wallTime, envelope.step, envelope.summary)
        // summary { value { ... } }: exactly one value.
        var summaryReader = WireReader(UnsafeRawBufferPointer(rebasing: bytes[summary]))
        guard let (field, type) = summaryReader.readKey(), field == 1, type == .lengthDelimited,
            let valueRange = summaryReader.readLengthDelimited(), summaryReader.isAtEnd
        else { return nil }
        let valueStart = summary.lowerBound + valueRange.lowerBound
        let valueBytes = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<valueStart + valueRange.count])
        guard let (tag, value) = parseValue(valueBytes) else { return nil }
        return ScalarRecordView(wallTime: wallTime, step: step, tag: tag, value: value)
    }

    @inline(__always)
    private static func parseValue(_ bytes: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Float)? {
        var reader = WireReader(bytes)
        var tag: Range<Int>?
        var value: Float?
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return nil }
            switch (field, type) {
            case (1, .lengthDelimited):
                guard let range = reader.readLengthDelimited() else { return nil }
                tag = range
            case (2, .fixed32):
                guard value == nil, let bits = reader.readFixed32() else { return nil }
                value = Float(bitPattern: bits)
            case (8, .lengthDelimited):
                guard value == nil, let range = reader.readLengthDelimited(),
                    let number = parseScalarTensor(UnsafeRawBufferPointer(rebasing: bytes[range]))
                else { return nil }
                value = number
            case (7, .lengthDelimited):
                // node_name: not needed for a value with a tag (see above).
                guard reader.readLengthDelimited() != nil else { return nil }
            case (9, .lengthDelimited):
                // metadata: not needed for a tag whose series is known, but it must be well formed,
                // as protobuf-c rejects the whole event otherwise.
                guard let range = reader.readLengthDelimited(),
                    isWellFormedMetadata(UnsafeRawBufferPointer(rebasing: bytes[range]))
                else { return nil }
            default:
                return nil
            }
        }
        guard let tag, !tag.isEmpty, let value else { return nil }
        let tagBytes = UnsafeRawBufferPointer(rebasing: bytes[tag])
        // protobuf-c's C string would stop at a NUL: leave such tags to the reference path.
        guard !containsZeroByte(tagBytes) else { return nil }
        return (tagBytes, value)
    }

    /// Whether `bytes` are a `SummaryMetadata` of the usual shape (plugin data with a name and
    /// content, display name, description, data class; each once) that protobuf-c accepts.
    /// Anything else, even if valid, sends the record to the reference path.
    private static func isWellFormedMetadata(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var reader = WireReader(bytes)
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return false }
            switch (field, type) {
            case (1, .lengthDelimited):
                guard let range = reader.readLengthDelimited() else { return false }
                var plugin = WireReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
                var pluginSeen: UInt8 = 0
                while !plugin.isAtEnd {
                    guard let (member, memberType) = plugin.readKey(), member == 1 || member == 2,
                        memberType == .lengthDelimited, pluginSeen & (1 << member) == 0,
                        plugin.readLengthDelimited() != nil
                    else { return false }
                    pluginSeen |= 1 << member
                }
            case (2, .lengthDelimited), (3, .lengthDelimited):
                guard reader.readLengthDelimited() != nil else { return false }
            case (4, .varint):
                guard reader.readVarint() != nil else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// The element of a rank-0 `DT_FLOAT` tensor held as 4 bytes of `tensor_content` or as one
    /// `float_val`; `nil` for any other tensor.
    @inline(__always)
    private static func parseScalarTensor(_ bytes: UnsafeRawBufferPointer) -> Float? {
        var reader = WireReader(bytes)
        var isFloat = false
        var value: Float?
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return nil }
            switch (field, type) {
            case (1, .varint):
                guard let dtype = reader.readVarint() else { return nil }
                isFloat = dtype == 1
            case (2, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), range.isEmpty else { return nil }
            case (4, .lengthDelimited), (5, .lengthDelimited):
                guard value == nil, let range = reader.readLengthDelimited(), range.count == 4 else { return nil }
                value = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self)))
            case (5, .fixed32):
                guard value == nil, let bits = reader.readFixed32() else { return nil }
                value = Float(bitPattern: bits)
            default:
                return nil
            }
        }
        return isFloat ? value : nil
    }
}
