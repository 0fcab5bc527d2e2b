/// The outside of a summary event as the fast paths take it: `wall_time`, `step` and `summary`,
/// each at most once, in any order, and no other field.
struct SummaryEventEnvelope {
    var wallTime = 0.0
    var step: Int64 = 0
    /// Where the summary's bytes are.
    var summary: Range<Int>

    /// The envelope of `bytes`, or `nil` when they are anything else (another kind of event, an
    /// unknown or repeated field, malformed bytes), which the fast paths leave to protobuf-c.
    @inline(__always)
    init?(_ bytes: UnsafeRawBufferPointer) {
        var reader = WireReader(bytes)
        var summary: Range<Int>?
        var seen: UInt8 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readKey() else { return nil }
            switch (field, type) {
            case (1, .fixed64):
                guard seen & 1 == 0, let bits = reader.readFixed64() else { return nil }
                seen |= 1
                wallTime = Double(bitPattern: bits)
            case (2, .varint):
                guard seen & 2 == 0, let value = reader.readVarint() else { return nil }
                seen |= 2
                step = Int64(bitPattern: value)
            case (5, .lengthDelimited):
                guard summary == nil, let range = reader.readLengthDelimited() else { return nil }
                summary = range
            default:
                return nil
            }
        }
        guard let summary else { return nil }
        self.summary = summary
    }
}
