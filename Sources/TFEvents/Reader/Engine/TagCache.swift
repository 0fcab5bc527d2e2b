internal import Glibc

/// The reader's per-file memory of tags whose scalar records may take the fast path: tag bytes
/// to series id, found without building a `String` or hashing one.
///
/// A tag is entered once its series has its metadata and is a `scalars` series, and the file's
/// first value of the tag decided to keep the data (TensorBoard's per-file `dataclass_compat`),
/// so a later record of the tag needs nothing but its step, wall time and value.
struct TagCache {
    private var keys: [[UInt8]?]
    private var values: [Int]
    private var count = 0

    init() {
        keys = Array(repeating: nil, count: 16)
        values = Array(repeating: 0, count: 16)
    }

    /// The series id cached for `tag`, if any.
    @inline(__always)
    func series(for tag: UnsafeRawBufferPointer) -> Int? {
        let mask = keys.count - 1
        var slot = Self.hash(tag) & mask
        while let key = keys[slot] {
            if key.count == tag.count
                && key.withUnsafeBytes({ memcmp($0.baseAddress!, tag.baseAddress!, tag.count) == 0 })
            {
                return values[slot]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Remembers that `tag` belongs to series `id`.
    mutating func insert(_ tag: [UInt8], series id: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = tag.withUnsafeBytes { Self.hash($0) } & mask
        while let key = keys[slot] {
            if key == tag {
                values[slot] = id
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = tag
        values[slot] = id
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { key, value in key.map { ($0, value) } }
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: 0, count: keys.count)
        count = 0
        for (key, value) in old { insert(key, series: value) }
    }

    /// The tag's CRC32C (the hardware instruction on this CPU): cheaper per byte than a software
    /// hash, and tags are short and distinct enough for it.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: CRC32C.checksum(bytes))
    }
}
