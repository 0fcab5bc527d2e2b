/// The prefixes of export rows (a series' run and tag, escaped once), kept as bytes in a table
/// that grows only: a row names its prefix by an ``Entry``, and the rows of a block are formatted
/// with a copy of the table taken when the block began (``ByteOutput`` takes a newer copy when
/// the table has grown, see ``generation``).
struct RowPrefixes: ByteRowShared {
    private var prefixes: [[UInt8]] = []

    /// A prefix in the table.
    struct Entry: Sendable {
        var index: Int32
        var length: Int32
    }

    /// Adds `prefix` and returns its entry.
    mutating func add(_ prefix: String) -> Entry {
        prefixes.append(Array(prefix.utf8))
        return Entry(index: Int32(prefixes.count - 1), length: Int32(prefixes.last!.count))
    }

    /// The number of prefixes: a table with more holds every entry of one with fewer.
    var generation: Int { prefixes.count }

    /// Copies the prefix of `entry` to `out` and returns its length.
    @inline(__always)
    func copy(_ entry: Entry, to out: UnsafeMutablePointer<UInt8>) -> Int {
        prefixes[Int(entry.index)].withUnsafeBufferPointer { bytes in
            if let start = bytes.baseAddress { out.update(from: start, count: bytes.count) }
            return bytes.count
        }
    }
}
