/// One chunk of an event file as a worker thread reads it for ``EventFileReader``'s parallel
/// reading (``ChunkPipeline``): the chunk's bytes, and the records that follow one another from
/// its first record boundary to the first record that starts at or past its end, framed, their
/// CRCs checked, and the scalars among them parsed (``ScalarRecordParser``) with their tags
/// numbered within the chunk.
///
/// A worker takes only the common case: whole records whose CRCs verify. Where anything else is
/// met (damage, a record longer than the limit, a record the file does not hold whole) the walk
/// stops there, at ``stop``, and the reader's sequential path reads on from it with every rule
/// of damage and recovery, until it lands on a record this or a later chunk holds. So what the
/// chunks give is always what the sequential reader gives; the chunks only save it the work.
///
/// A chunk other than the file's first starts at its first *record boundary*: a position whose
/// length field's CRC verifies, whose payload's CRC verifies, and whose following record's length
/// CRC verifies too (or which ends exactly at the end of the file). Payload bytes that happen to
/// look like a record could pass that test, but the reader only takes a chunk's records from a
/// position its own walk reached, so such a false start is never used.
struct RecordChunk: Sendable {
    /// A record of the walk.
    struct Record: Sendable {
        /// Where its payload is in ``RecordChunk/bytes`` (which never reach 4 GiB: a chunk, and a
        /// last record shorter than 2 GiB).
        var payloadStart: UInt32
        var payloadCount: UInt32
        /// The chunk's number for its tag when the record is a scalar the fast path parses; -1
        /// otherwise (the reader decodes it whole).
        var tag: Int32
        var value: Float
        var step: Int64
        var wallTime: Double
    }

    /// The file offset of ``bytes``' first byte.
    let base: Int64
    /// The bytes read: from the chunk's start to at least the end of its last record.
    let bytes: [UInt8]
    /// The records of the walk, in file order.
    let records: [Record]
    /// By tag number: where the tag's bytes are in ``bytes`` (its first record's).
    let tags: [Range<Int>]
    /// Where the walk stopped: the offset after its last record, at or past the chunk's end when
    /// nothing unusual was met, or the position it could not read on from.
    let stop: Int64

    /// The file offset of record `index`.
    @inline(__always)
    func offset(of index: Int) -> Int64 {
        base &+ Int64(records[index].payloadStart) &- Int64(TFRecordFraming.headerSize)
    }

    /// The index of the record of the walk that starts at `offset`, if there is one.
    func index(ofRecordAt offset: Int64) -> Int? {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if self.offset(of: middle) < offset { low = middle + 1 } else { high = middle }
        }
        return low < records.count && self.offset(of: low) == offset ? low : nil
    }

    /// A chunk's arrays, kept for the next chunk to read into.
    struct Storage: Sendable {
        var bytes: [UInt8] = []
        var records: [Record] = []
    }

    /// The chunk's arrays, for ``init(path:source:start:end:fileEnd:isFirst:lengthLimit:parsesScalars:storage:)``
    /// to reuse.
    consuming func storage() -> Storage {
        Storage(bytes: bytes, records: records)
    }

    /// A chunk holding no record, whose walk stops where it starts.
    init(empty start: Int64) {
        self.init(base: start, bytes: [], records: [], tags: [], stop: start)
    }

    /// Reads the chunk `[start, end)` of the file `path`, whose bytes end at `fileEnd`.
    ///
    /// - Parameters:
    ///   - isFirst: Whether `start` is known to be a record's start (the reader's position), so
    ///     no boundary needs finding.
    ///   - lengthLimit: The largest payload length accepted (longer is damage).
    ///   - parsesScalars: Whether scalars are parsed for the fast path.
    ///   - storage: A finished chunk's arrays to reuse (``storage()``), so that reading a chunk
    ///     takes no fresh memory (whose pages the kernel must zero and map).
    init(
        path: String, source: any ByteSource, start: Int64, end: Int64, fileEnd: Int64, isFirst: Bool,
        lengthLimit: UInt64, parsesScalars: Bool, storage: Storage = Storage()
    ) throws(ByteSourceError) {
        var window = ChunkBytes(path: path, source: source, base: start, fileEnd: fileEnd, storage: storage.bytes)
        // The chunk and a sixteenth more, so that its last record is usually whole without a
        // second read.
        try window.fill(to: min(fileEnd, end + (end - start) / 16))
        var position = start
        if !isFirst {
            guard let boundary = try Self.firstBoundary(in: &window, from: start, before: end, lengthLimit: lengthLimit)
            else {
                self.init(empty: start)
                return
            }
            position = boundary
        }
        var records = storage.records
        records.removeAll(keepingCapacity: true)
        // Records of scalars take about 50 bytes: enough room for them without growing.
        records.reserveCapacity(Int((end - position) / 40) + 1)
        var tags: [Range<Int>] = []
        var numbers = TagCache()
        while position < end {
            guard let length = try window.verifiedPayloadLength(at: position, limit: lengthLimit) else { break }
            let payloadStart = Int(position - start) + TFRecordFraming.headerSize
            var record = Record(
                payloadStart: UInt32(payloadStart), payloadCount: UInt32(length), tag: -1, value: 0, step: 0,
                wallTime: 0)
            if parsesScalars {
                window.bytes.withUnsafeBytes { raw in
                    let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart..<payloadStart + length])
                    guard let view = ScalarRecordParser.parse(payload) else { return }
                    let tagStart = view.tag.baseAddress! - raw.baseAddress!
                    if let number = numbers.series(for: view.tag) {
                        record.tag = Int32(number)
                    } else {
                        record.tag = Int32(tags.count)
                        numbers.insert(Array(view.tag), series: tags.count)
                        tags.append(tagStart..<tagStart + view.tag.count)
                    }
                    record.value = view.value
                    record.step = view.step
                    record.wallTime = view.wallTime
                }
            }
            records.append(record)
            position += Int64(length + TFRecordFraming.overhead)
        }
        self.init(base: start, bytes: window.bytes, records: records, tags: tags, stop: position)
    }

    private init(base: Int64, bytes: [UInt8], records: [Record], tags: [Range<Int>], stop: Int64) {
        self.base = base
        self.bytes = bytes
        self.records = records
        self.tags = tags
        self.stop = stop
    }

    /// How far into a chunk a boundary is looked for: a chunk that lies inside one large record
    /// has none, and looking at every position of it would cost far more than reading it.
    static let boundarySearchLimit: Int64 = 64 << 10

    /// The first record boundary at or after `start` and before `end` (see the type's comment).
    private static func firstBoundary(
        in window: inout ChunkBytes, from start: Int64, before end: Int64, lengthLimit: UInt64
    ) throws(ByteSourceError) -> Int64? {
        let limit = min(end, start + boundarySearchLimit)
        var candidate = start
        while candidate < limit {
            guard try window.fill(to: candidate + Int64(TFRecordFraming.headerSize)) else { return nil }
            guard window.lengthVerifies(at: candidate),
                let length = try window.verifiedPayloadLength(at: candidate, limit: lengthLimit)
            else {
                candidate += 1
                continue
            }
            let next = candidate + Int64(length + TFRecordFraming.overhead)
            if next == window.fileEnd { return candidate }
            if try window.fill(to: next + Int64(TFRecordFraming.headerSize)), window.lengthVerifies(at: next) {
                return candidate
            }
            candidate += 1
        }
        return nil
    }
}

/// The bytes a chunk's worker has read, from `base` on, read further as the walk needs them.
private struct ChunkBytes {
    let path: String
    let source: any ByteSource
    let base: Int64
    let fileEnd: Int64
    /// The bytes from `base`; the first ``count`` are read.
    var bytes: [UInt8]
    var count = 0

    init(path: String, source: any ByteSource, base: Int64, fileEnd: Int64, storage: [UInt8]) {
        self.path = path
        self.source = source
        self.base = base
        self.fileEnd = fileEnd
        bytes = storage
    }

    /// Makes the bytes up to file offset `end` available; `false` when the file ends before.
    @discardableResult
    mutating func fill(to end: Int64) throws(ByteSourceError) -> Bool {
        guard end <= fileEnd else { return false }
        let wanted = Int(end - base)
        guard count < wanted else { return true }
        // Grow by at least half again, so that a long walk past the chunk reads in few steps.
        let target = min(Int(fileEnd - base), max(wanted, count + count / 2))
        // The source reads up to the array's end: make that the target, keeping the storage
        // (a recycled chunk's is already that long, so nothing is zeroed again).
        if bytes.count > target {
            bytes.removeLast(bytes.count - target)
        } else if bytes.count < target {
            bytes.append(contentsOf: repeatElement(0, count: target - bytes.count))
        }
        var total = count
        while total < target {
            let read = try source.read(path, at: base + Int64(total), into: &bytes, from: total)
            if read == 0 { break }
            total += read
        }
        count = total
        return count >= wanted
    }

    /// Whether the length field at `position` (whose 12 header bytes are read) has a valid CRC.
    func lengthVerifies(at position: Int64) -> Bool {
        bytes.withUnsafeBytes { raw in
            let start = Int(position - base)
            let length = TFRecordFraming.loadUInt64(raw, at: start)
            return TFRecordFraming.loadUInt32(raw, at: start + 8) == CRC32C.mask(CRC32C.checksum(ofLittleEndian: length))
        }
    }

    /// The payload length of the record at `position` when the file holds it whole, its length is
    /// within `limit` and both its CRCs verify; `nil` otherwise.
    mutating func verifiedPayloadLength(at position: Int64, limit: UInt64) throws(ByteSourceError) -> Int? {
        let start = Int(position - base)
        guard try fill(to: position + Int64(TFRecordFraming.overhead)) else { return nil }
        let length = bytes.withUnsafeBytes { TFRecordFraming.loadUInt64($0, at: start) }
        // Within the limit (so the sum below cannot overflow) and within the file.
        guard length <= limit else { return nil }
        let total = Int(length) + TFRecordFraming.overhead
        guard try fill(to: position + Int64(total)) else { return nil }
        return bytes.withUnsafeBytes { raw in
            TFRecordFraming.verifiedPayloadLength(UnsafeRawBufferPointer(rebasing: raw[start..<start + total]), limit: limit)
        }
    }
}
