/// Makes protobuf-c follow the protobuf rule for a message field of a `oneof` that occurs more
/// than once on the wire: the occurrences *merge*, as if their contents were one.
///
/// protobuf-c instead keeps only the last occurrence of a oneof member, which would make us see
/// less than TensorBoard (Python protobuf merges). No known writer emits such events, but readers
/// must agree with TensorBoard on any input, and the hand-written fast paths are checked against
/// this reference. Merging two occurrences equals parsing the concatenation of their contents, so
/// the fix is a byte rewrite before protobuf-c sees the payload, done only when needed.
enum OneofCoalescer {
    /// Event's message-typed `what` members: summary, log_message, session_log, tagged_run_metadata.
    private static let eventOneofMessages: Set<UInt64> = [5, 6, 7, 8]
    /// Summary.Value's message-typed `value` members: image, histo, audio, tensor.
    private static let valueOneofMessages: Set<UInt64> = [4, 5, 6, 8]

    /// The rewritten Event payload, or `nil` when nothing needs rewriting (the usual case) or the
    /// bytes are malformed (protobuf-c then rejects them itself).
    static func coalesceEvent(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        // Almost every payload has nothing to merge: find that out without allocating.
        guard eventNeedsCoalescing(bytes) else { return nil }
        return coalesce(bytes, oneofMessages: eventOneofMessages) { field, content in
            // Inside a summary, each value may itself repeat a oneof member.
            field == 5 ? coalesceSummary(content) : nil
        }
    }

    /// Whether a oneof message member occurs twice in the event or in one of its summary values
    /// (or the bytes are malformed, which the full pass then leaves to protobuf-c).
    static func eventNeedsCoalescing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var reader = WireReader(bytes)
        var seen: UInt16 = 0  // bit n: field n seen
        while !reader.isAtEnd {
            guard let (field, type) = reader.readKey() else { return false }
            guard type == .lengthDelimited else {
                guard reader.skip(type) else { return false }
                continue
            }
            guard let content = reader.readLengthDelimited() else { return false }
            if field >= 5 && field <= 8 {
                let bit: UInt16 = 1 << field
                if seen & bit != 0 { return true }
                seen |= bit
            }
            if field == 5 && summaryNeedsCoalescing(UnsafeRawBufferPointer(rebasing: bytes[content])) { return true }
        }
        return false
    }

    private static func summaryNeedsCoalescing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            guard let (field, type) = reader.readKey() else { return false }
            guard type == .lengthDelimited, field == 1 else {
                guard reader.skip(type) else { return false }
                continue
            }
            guard let value = reader.readLengthDelimited() else { return false }
            var valueReader = WireReader(UnsafeRawBufferPointer(rebasing: bytes[value]))
            var seen: UInt16 = 0
            while !valueReader.isAtEnd {
                guard let (member, memberType) = valueReader.readKey(), valueReader.skip(memberType) else { break }
                if memberType == .lengthDelimited && (member == 4 || member == 5 || member == 6 || member == 8) {
                    let bit: UInt16 = 1 << member
                    if seen & bit != 0 { return true }
                    seen |= bit
                }
            }
        }
        return false
    }

    private static func coalesceSummary(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        coalesce(bytes, oneofMessages: []) { field, content in
            field == 1 ? coalesce(content, oneofMessages: valueOneofMessages, nested: { _, _ in nil }) : nil
        }
    }

    /// Rewrites `bytes` so each field in `oneofMessages` occurs at most once (at its first
    /// position, holding the concatenated contents), and rewrites length-delimited fields whose
    /// content `nested` changes. Returns `nil` when no change is needed.
    private static func coalesce(
        _ bytes: UnsafeRawBufferPointer, oneofMessages: Set<UInt64>,
        nested: (UInt64, UnsafeRawBufferPointer) -> [UInt8]?
    ) -> [UInt8]? {
        // First pass: find what needs doing, without allocating in the common case.
        var reader = WireReader(bytes)
        var seen: [UInt64: Int] = [:]
        var needsRewrite = false
        var fields: [(field: UInt64, type: WireReader.WireType, key: Range<Int>, value: Range<Int>)] = []
        while !reader.isAtEnd {
            let keyStart = reader.position
            guard let (field, type) = reader.readKey() else { return nil }
            let keyEnd = reader.position
            if type == .lengthDelimited {
                guard let content = reader.readLengthDelimited() else { return nil }
                fields.append((field, type, keyStart..<keyEnd, content))
                if oneofMessages.contains(field) {
                    seen[field, default: 0] += 1
                    if seen[field]! > 1 { needsRewrite = true }
                }
            } else {
                guard reader.skip(type) else { return nil }
                fields.append((field, type, keyStart..<keyEnd, keyEnd..<reader.position))
            }
        }
        // Nested rewrites (cheap when nothing changes: they scan and return nil).
        var rewritten: [Int: [UInt8]] = [:]
        for (index, entry) in fields.enumerated() where entry.type == .lengthDelimited {
            if let new = nested(entry.field, UnsafeRawBufferPointer(rebasing: bytes[entry.value])) {
                rewritten[index] = new
                needsRewrite = true
            }
        }
        guard needsRewrite else { return nil }

        // Second pass: emit every field, merging repeated oneof members into their first position.
        var merged: [UInt64: [UInt8]] = [:]
        for (index, entry) in fields.enumerated()
        where entry.type == .lengthDelimited && oneofMessages.contains(entry.field) && seen[entry.field]! > 1 {
            merged[entry.field, default: []] += rewritten[index] ?? Array(bytes[entry.value])
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var emitted: Set<UInt64> = []
        for (index, entry) in fields.enumerated() {
            if let content = merged[entry.field] {
                guard emitted.insert(entry.field).inserted else { continue }
                out += bytes[entry.key]
                appendVarint(UInt64(content.count), to: &out)
                out += content
            } else if let content = rewritten[index] {
                out += bytes[entry.key]
                appendVarint(UInt64(content.count), to: &out)
                out += content
            } else if entry.type == .lengthDelimited {
                out += bytes[entry.key]
                appendVarint(UInt64(entry.value.count), to: &out)
                out += bytes[entry.value]
            } else {
                out += bytes[entry.key.lowerBound..<entry.value.upperBound]
            }
        }
        return out
    }

    private static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }
}
