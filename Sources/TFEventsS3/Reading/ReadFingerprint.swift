/// Samples of the bytes already read from an object: its first bytes and the last ones before
/// where reading stands.
///
/// An object store cannot append: a writer that adds to an event file uploads it again, with a
/// new ETag. Whether the new object only grew or is a different file is told by reading the
/// samples' ranges from it and comparing. Samples rather than all the bytes read: a followed
/// object changes often, and reading everything again each time would make following quadratic;
/// an event file that was rewritten differs in its first record (its wall time) and around the
/// point read, since every record carries CRCs.
struct ReadFingerprint: Hashable, Sendable {
    /// How many bytes each sample keeps.
    static let sampleSize = 4096

    /// The object's first bytes, as far as they were read contiguously from offset 0.
    private(set) var head: [UInt8] = []
    /// The bytes just before ``tailEnd``.
    private(set) var tail: [UInt8] = []
    /// Where the last read ended.
    private(set) var tailEnd: Int64 = 0

    /// Whether nothing was read yet.
    var isEmpty: Bool { head.isEmpty && tail.isEmpty }

    /// Notes that `bytes` were read at `offset`.
    mutating func record(_ bytes: ArraySlice<UInt8>, at offset: Int64) {
        guard !bytes.isEmpty else { return }
        let limit = Self.sampleSize
        if offset <= Int64(head.count) && head.count < limit {
            let skip = Int(Int64(head.count) - offset)
            if skip < bytes.count {
                head += bytes.dropFirst(skip).prefix(limit - head.count)
            }
        }
        let end = offset + Int64(bytes.count)
        guard end > tailEnd else { return }
        let tailStart = tailEnd - Int64(tail.count)
        if offset >= tailStart && offset <= tailEnd {
            tail = Array(tail.prefix(Int(offset - tailStart))) + bytes
        } else {
            tail = Array(bytes)
        }
        if tail.count > limit { tail.removeFirst(tail.count - limit) }
        tailEnd = end
    }

    /// The samples as (offset, bytes), merged when they overlap, so each costs one ranged GET.
    var samples: [(offset: Int64, bytes: [UInt8])] {
        let tailStart = tailEnd - Int64(tail.count)
        if tail.isEmpty { return head.isEmpty ? [] : [(Int64(0), head)] }
        if head.isEmpty { return [(tailStart, tail)] }
        if tailStart <= Int64(head.count) {
            return [(Int64(0), Array(head.prefix(Int(tailStart))) + tail)]
        }
        return [(Int64(0), head), (tailStart, tail)]
    }

    /// The highest offset read.
    var end: Int64 { max(tailEnd, Int64(head.count)) }
}
