/// The reader's per-file memory of tags whose scalar records may take the fast path: tag bytes
/// to series id, found without building a `String` or hashing one.
///
/// A tag is entered once its series has its metadata and is a `scalars` series, and the file's
/// first value of the tag decided to keep the data (TensorBoard's per-file `dataclass_compat`),
/// so a later record of the tag needs nothing but its step, wall time and value.
///
/// The table is open-addressed over one flat array of entries, the tags' bytes in another, and
/// the hash and the comparison read eight bytes at a time: a lookup costs a few dozen
/// instructions, with no call and no reference counting.
struct TagCache {
    private struct Entry {
        /// ``TagCache/hash(_:)`` of the tag.
        var hash: UInt64
        /// Where the tag's bytes are in ``TagCache/bytes``.
        var start: Int
        var count: Int
        /// The series id; -1 for an empty entry.
        var series: Int

        static let empty = Entry(hash: 0, start: 0, count: 0, series: -1)
    }

    private var entries: [Entry]
    private var bytes: [UInt8] = []
    private var count = 0

    init() {
        entries = Array(repeating: .empty, count: 16)
    }

    /// The series id cached for `tag`, if any.
    @inline(__always)
    func series(for tag: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(tag)
        return entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBytes { stored -> Int? in
                let mask = entries.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = entries[slot]
                    if entry.series < 0 { return nil }
                    if entry.hash == hash && entry.count == tag.count
                        && Self.equal(UnsafeRawBufferPointer(rebasing: stored[entry.start..<entry.start + entry.count]), tag)
                    {
                        return entry.series
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Remembers that `tag` belongs to series `id`.
    mutating func insert(_ tag: [UInt8], series id: Int) {
        if let known = tag.withUnsafeBytes({ series(for: $0) }) {
            guard known != id else { return }
            let hash = tag.withUnsafeBytes { Self.hash($0) }
            for index in entries.indices
            where entries[index].hash == hash && bytes[entries[index].start..<entries[index].start + entries[index].count].elementsEqual(tag) {
                entries[index].series = id
            }
            return
        }
        if (count + 1) * 2 > entries.count { grow() }
        let start = bytes.count
        bytes.append(contentsOf: tag)
        place(Entry(hash: tag.withUnsafeBytes { Self.hash($0) }, start: start, count: tag.count, series: id))
        count += 1
    }

    private mutating func place(_ entry: Entry) {
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while entries[slot].series >= 0 { slot = (slot + 1) & mask }
        entries[slot] = entry
    }

    private mutating func grow() {
        let old = entries.filter { $0.series >= 0 }
        entries = Array(repeating: .empty, count: entries.count * 2)
        for entry in old { place(entry) }
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time (multiply and fold, as in wyhash): tags
    /// are short, so a call into a general hasher would cost more than the hashing.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        @inline(__always)
        func mix(_ word: UInt64) {
            let product = (hash ^ word).multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
            hash = product.high ^ product.low
        }
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last eight bytes, overlapping those already mixed in.
            mix(bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            mix(word)
        }
        return hash
    }

    /// Whether `a` and `b`, of the same length, hold the same bytes.
    @inline(__always)
    private static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count >= 8 else {
            for index in 0..<count where a[index] != b[index] { return false }
            return true
        }
        var offset = 0
        while offset + 8 < count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
