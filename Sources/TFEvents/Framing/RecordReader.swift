/// Reads the records of one TFRecord file in order from a ``ByteSource``, telling complete records
/// from an incomplete tail and from damage.
///
/// ``withNextRecord(_:)`` returns `nil` when no complete record is available *now*: at the end of
/// the file, or before a record whose bytes are not all written yet. Calling it again later picks
/// up records appended in the meantime, so the same reader follows a growing file. A damaged
/// record throws a ``RecordDamage`` naming its offset and leaves the reader on it; ``skipDamage(final:)``
/// then moves to the next position where a whole record verifies.
///
/// The reader never allocates more than the file holds, whatever a length field claims. A length
/// field that verifies but claims more than ``maximumRecordLength`` bytes is damage
/// (``RecordDamage/Kind/lengthTooLarge(length:limit:)``); without a limit such a record is only
/// ever "not complete yet".
final class RecordReader {
    /// The file being read.
    let path: String
    /// The offset of the next record to read.
    var offset: Int64 { window.offset }
    /// The largest payload length accepted, if any: longer records are damage, not an incomplete tail.
    let maximumRecordLength: UInt64?
    /// Where the file is taken to end, whatever its size: set when a file must be read again
    /// exactly as far as an earlier read went.
    let end: Int64?

    private let source: any ByteSource
    /// Where reading stands and what is buffered, in one stored property: the hot path reads and
    /// writes it once per record (each access to a class's stored property is checked at run time).
    private var window: Window

    private struct Window {
        /// The offset of the next record to read.
        var offset: Int64
        /// The file offset of `buffer[0]`; `buffer[0..<bufferCount]` are valid.
        var bufferOffset: Int64
        var bufferCount = 0
        /// The file size seen by the last read that reached the end.
        var knownEnd: Int64 = 0
        /// Where a scan for the next good record resumes: positions before it are known bad.
        var scanFrom: Int64?
        /// Complete records whose CRCs verified, counted here because the window is written for
        /// every record anyway (another stored property would cost another exclusivity check).
        var recordCount = 0

        /// Moves past a good record that ends at `end`.
        @inline(__always)
        mutating func advance(to end: Int64) {
            offset = end
            scanFrom = nil
            recordCount &+= 1
        }
    }
    /// Bytes of the file starting at `bufferOffset`; `buffer[0..<bufferCount]` are valid.
    private var buffer: [UInt8]

    /// How much to read at once: large enough to amortize system calls, small enough to stay in cache.
    static let chunkSize = 1 << 20

    /// Reads `path` from `source`, starting at `offset` (the start of a record).
    ///
    /// - Parameters:
    ///   - maximumRecordLength: When set, a verified length field claiming more than this is
    ///     reported as damage rather than waited for. Event files use 2^31 - 1, since no protobuf
    ///     message can be longer.
    ///   - end: When set, the file is read as if it ended there.
    ///   - sizeHint: The file's size as last seen (listed), read before its size is asked: one
    ///     system call fewer per file. A file that shrank since is read short, which the reader
    ///     notices as it asks; one that grew is read on once the hinted bytes are read.
    init(
        path: String, source: any ByteSource, offset: Int64 = 0, maximumRecordLength: UInt64? = nil, end: Int64? = nil,
        sizeHint: Int64? = nil
    ) {
        self.path = path
        self.source = source
        window = Window(offset: offset, bufferOffset: offset)
        if let sizeHint { window.knownEnd = max(0, min(sizeHint, end ?? .max)) }
        self.maximumRecordLength = maximumRecordLength
        self.end = end
        buffer = []
    }

    /// The bytes after ``offset`` that were in the file at the last read but do not form a complete
    /// record yet: a record still being written, or a tail cut short.
    var pendingByteCount: Int64 { max(0, window.knownEnd - window.offset) }

    /// The size of the file at the last look (or its ``end``).
    var knownEnd: Int64 { window.knownEnd }

    /// The complete records whose CRCs verified so far.
    var recordCount: Int { window.recordCount }

    /// Calls `body` with the next complete record's payload (valid only during the call) and offset,
    /// and returns its result, or `nil` when no complete record is available yet.
    func withNextRecord<R>(_ body: (UnsafeRawBufferPointer, Int64) throws(RecordDamage) -> R)
        throws(RecordDamage) -> R?
    {
        if let result = try withNextBufferedRecord(body) { return result }
        guard try ensureAvailable(Int64(TFRecordFraming.headerSize)) else { return nil }
        let header = readHeader(at: window.offset)
        guard header.stored == header.computed else {
            throw RecordDamage(
                .lengthCRCMismatch(stored: header.stored, computed: header.computed), path: path, offset: window.offset)
        }
        let length = header.length
        if let limit = maximumRecordLength, length > limit {
            throw RecordDamage(.lengthTooLarge(length: length, limit: limit), path: path, offset: window.offset)
        }
        // A length past what the file could hold cannot be satisfied yet; never allocate for it.
        guard length <= UInt64(Int64.max - window.offset) - UInt64(TFRecordFraming.overhead) else {
            window.knownEnd = max(window.knownEnd, try fileSize())
            return nil
        }
        let total = Int64(length) + Int64(TFRecordFraming.overhead)
        guard try ensureAvailable(total) else { return nil }
        let recordOffset = window.offset
        let start = Int(window.offset - window.bufferOffset) + TFRecordFraming.headerSize
        let payloadCRC = buffer.withUnsafeBytes { raw in
            let payload = UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(length)])
            return (stored: TFRecordFraming.loadUInt32(raw, at: start + Int(length)),
                    computed: CRC32C.mask(CRC32C.checksum(payload)))
        }
        guard payloadCRC.stored == payloadCRC.computed else {
            throw RecordDamage(
                .dataCRCMismatch(stored: payloadCRC.stored, computed: payloadCRC.computed), path: path,
                offset: recordOffset)
        }
        let result = try withBufferBytes(start, Int(length)) { payload throws(RecordDamage) in
            try body(payload, recordOffset)
        }
        window.advance(to: window.offset + total)
        return result
    }

    /// The common case of ``withNextRecord(_:)``, with as few accesses to the reader's stored
    /// properties as possible (each costs a dynamic exclusivity check): a record that is already
    /// buffered whole, with both CRCs right. Returns `nil` for anything else, which the general
    /// path then handles (reading more, or reporting the damage).
    @inline(__always)
    private func withNextBufferedRecord<R>(
        _ body: (UnsafeRawBufferPointer, Int64) throws(RecordDamage) -> R
    ) throws(RecordDamage) -> R? {
        let current = window
        let recordOffset = current.offset
        let start = recordOffset - current.bufferOffset
        let available = Int64(current.bufferCount) - start
        guard start >= 0, available >= Int64(TFRecordFraming.overhead) else { return nil }
        let limit = maximumRecordLength ?? UInt64.max
        let result = buffer.withUnsafeBytes { raw -> Result<(R, Int64), RecordDamage>? in
            let record = UnsafeRawBufferPointer(rebasing: raw[Int(start)..<Int(start) + Int(available)])
            guard let length = TFRecordFraming.verifiedPayloadLength(record, limit: limit) else { return nil }
            let payload = UnsafeRawBufferPointer(
                rebasing: record[TFRecordFraming.headerSize..<TFRecordFraming.headerSize + length])
            let total = Int64(length) + Int64(TFRecordFraming.overhead)
            return Result { () throws(RecordDamage) in (try body(payload, recordOffset), total) }
        }
        guard let result else { return nil }
        let (value, total) = try result.get()
        window.advance(to: recordOffset + total)
        return value
    }

    /// Hands `body` each record that is already buffered whole and whose CRCs both verify, in
    /// order, moving past each one `body` takes (returns `true` for), until `body` declines one
    /// (the reader stays on it), `limit` records were taken, or the next record is anything else
    /// (not buffered whole, damaged). ``withNextRecord(_:)`` then handles what is left. Returns
    /// how many records were taken.
    ///
    /// This is the reader's hot loop: the reading position lives in a local for the whole batch,
    /// and the buffer is borrowed once, so no per-record access to a stored property is left for
    /// the run-time exclusivity checks (or reference counting) to pay for.
    @inline(__always)
    func forEachBufferedRecord(limit: Int, _ body: (UnsafeRawBufferPointer, Int64) -> Bool) -> Int {
        var state = window
        let lengthLimit = maximumRecordLength ?? UInt64.max
        let taken = buffer.withUnsafeBytes { raw -> Int in
            var taken = 0
            let bufferEnd = state.bufferOffset &+ Int64(state.bufferCount)
            while taken < limit {
                let recordOffset = state.offset
                let start = recordOffset &- state.bufferOffset
                let available = bufferEnd &- recordOffset
                guard start >= 0, available >= Int64(TFRecordFraming.overhead) else { break }
                let record = UnsafeRawBufferPointer(rebasing: raw[Int(start)..<Int(start) &+ Int(available)])
                guard let length = TFRecordFraming.verifiedPayloadLength(record, limit: lengthLimit) else { break }
                let payload = UnsafeRawBufferPointer(
                    rebasing: record[TFRecordFraming.headerSize..<TFRecordFraming.headerSize &+ length])
                guard body(payload, recordOffset) else { break }
                state.offset = recordOffset &+ Int64(length &+ TFRecordFraming.overhead)
                taken &+= 1
            }
            return taken
        }
        if taken > 0 {
            state.scanFrom = nil
            state.recordCount &+= taken
            window = state
        }
        return taken
    }

    /// Moves to `offset`, the start of a record found by other means (the parallel chunks of
    /// ``EventFileReader``), forgetting any search for good records under way.
    func seek(to offset: Int64) {
        guard offset != window.offset else { return }
        window.offset = offset
        window.scanFrom = nil
    }

    /// After an error at ``offset``, moves to the next position where a length, its CRC and the
    /// payload's CRC all verify, and returns that offset; returns `nil` (staying put) when no such
    /// record exists in the bytes written so far. A later call resumes the scan where this one stopped.
    ///
    /// - Parameter final: Whether the file is complete. By default a position whose length verifies
    ///   but whose payload is not all written yet stops the scan, since it may be a record being
    ///   written; with `final` it is passed over like any other bad position. Also use `final`
    ///   to look for good records after an incomplete tail once the writer is done.
    @discardableResult
    func skipDamage(final: Bool = false) throws(RecordDamage) -> Int64? {
        var candidate = max(window.scanFrom ?? window.offset + 1, window.offset + 1)
        while true {
            guard try ensureAvailable(Int64(TFRecordFraming.headerSize), at: candidate) else {
                window.scanFrom = candidate
                return nil
            }
            // Most positions are not a record: pass over those whose length CRC fails in a tight
            // loop over what is buffered, and look closer only where it verifies.
            candidate = firstVerifiedLength(from: candidate)
            let bufferEnd = window.bufferOffset + Int64(window.bufferCount)
            guard candidate + Int64(TFRecordFraming.headerSize) <= bufferEnd else {
                continue  // The header at `candidate` is not all buffered yet.
            }
            switch try verifiedRecordSize(at: candidate) {
            case let total? where total > 0:
                window.offset = candidate
                window.scanFrom = nil
                return candidate
            case .some where !final:
                // The length verifies but the payload is not all there: it may be a record still
                // being written, so the scan must come back to it.
                window.scanFrom = candidate
                return nil
            default:
                candidate += 1
            }
        }
    }

    /// The first position at or after `position` whose length field's CRC verifies, among those
    /// whose 12 header bytes are buffered; when none is, the first position whose header is not
    /// all buffered.
    private func firstVerifiedLength(from position: Int64) -> Int64 {
        let start = Int(position - window.bufferOffset)
        let end = window.bufferCount - TFRecordFraming.headerSize
        guard start <= end else { return position }
        let found = buffer.withUnsafeBytes { raw -> Int in
            var index = start
            while index <= end {
                let length = TFRecordFraming.loadUInt64(raw, at: index)
                let stored = TFRecordFraming.loadUInt32(raw, at: index + 8)
                if stored == CRC32C.mask(CRC32C.checksum(ofLittleEndian: length)) { return index }
                index += 1
            }
            return index
        }
        return window.bufferOffset + Int64(found)
    }

    /// The size of a complete record at `position` whose CRCs both verify; 0 when its length
    /// verifies but the rest is not in the file yet; `nil` when it is not a record.
    private func verifiedRecordSize(at position: Int64) throws(RecordDamage) -> Int64? {
        let header = readHeader(at: position)
        let length: UInt64? = header.stored == header.computed ? header.length : nil
        guard let length else { return nil }
        if let limit = maximumRecordLength, length > limit { return nil }
        guard length <= UInt64(Int64.max - position) - UInt64(TFRecordFraming.overhead) else { return nil }
        let total = Int64(length) + Int64(TFRecordFraming.overhead)
        guard try ensureAvailable(total, at: position) else { return 0 }
        let recordStart = Int(position - window.bufferOffset)
        let valid = buffer.withUnsafeBytes { raw in
            let payloadStart = recordStart + TFRecordFraming.headerSize
            let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart..<payloadStart + Int(length)])
            return TFRecordFraming.loadUInt32(raw, at: payloadStart + Int(length))
                == CRC32C.mask(CRC32C.checksum(payload))
        }
        return valid ? total : nil
    }

    // MARK: Buffering

    /// The length field at `position` with its stored and recomputed masked CRCs; the 12 header
    /// bytes must be in the buffer.
    private func readHeader(at position: Int64) -> (length: UInt64, stored: UInt32, computed: UInt32) {
        let start = Int(position - window.bufferOffset)
        return buffer.withUnsafeBytes { raw in
            let header = UnsafeRawBufferPointer(rebasing: raw[start..<start + TFRecordFraming.headerSize])
            let length = TFRecordFraming.loadUInt64(header, at: 0)
            return (length, TFRecordFraming.loadUInt32(header, at: 8), CRC32C.mask(CRC32C.checksum(ofLittleEndian: length)))
        }
    }

    /// Calls `body` with `count` buffered bytes from buffer index `start`, keeping its typed error
    /// (Array's own `withUnsafeBytes` only rethrows untyped errors).
    private func withBufferBytes<R>(
        _ start: Int, _ count: Int, _ body: (UnsafeRawBufferPointer) throws(RecordDamage) -> R
    ) throws(RecordDamage) -> R {
        let result = buffer.withUnsafeBytes { raw in
            Result { () throws(RecordDamage) in
                try body(UnsafeRawBufferPointer(rebasing: raw[start..<start + count]))
            }
        }
        return try result.get()
    }

    /// Makes `count` bytes starting at `position` (default: ``offset``) available in the buffer.
    /// Returns `false` when the file does not hold them yet.
    private func ensureAvailable(_ count: Int64, at position: Int64? = nil) throws(RecordDamage) -> Bool {
        let position = position ?? window.offset
        if position >= window.bufferOffset && position + count <= window.bufferOffset + Int64(window.bufferCount) {
            return true
        }
        // Check the file really holds the bytes before making room for them.
        if position + count > window.knownEnd {
            window.knownEnd = try fileSize()
            if position + count > window.knownEnd { return false }
        }
        // Keep the bytes from `position` on, then fill the buffer up from the file.
        if position >= window.bufferOffset && position < window.bufferOffset + Int64(window.bufferCount) {
            let keep = Int(window.bufferOffset + Int64(window.bufferCount) - position)
            let from = Int(position - window.bufferOffset)
            if from > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    raw.baseAddress!.copyMemory(from: raw.baseAddress! + from, byteCount: keep)
                }
            }
            window.bufferCount = keep
        } else {
            window.bufferCount = 0
        }
        window.bufferOffset = position
        let wanted = Int(max(count, Int64(Self.chunkSize)))
        let capacity = Int(min(Int64(wanted), window.knownEnd - position))
        if buffer.count < capacity {
            buffer.append(contentsOf: repeatElement(0, count: capacity - buffer.count))
        }
        while Int64(window.bufferCount) < count {
            let filled = window.bufferCount
            let read: Int
            do {
                // A file read only up to ``end`` must not show bytes past it.
                if end != nil && buffer.count > capacity { buffer.removeLast(buffer.count - capacity) }
                read = try source.read(path, at: window.bufferOffset + Int64(filled), into: &buffer, from: filled)
            } catch {
                throw RecordDamage(.io(error), path: path, offset: position)
            }
            if read == 0 {
                // The file shrank under us (truncated by someone): treat as not yet available.
                window.knownEnd = window.bufferOffset + Int64(window.bufferCount)
                return false
            }
            window.bufferCount += read
        }
        return true
    }

    private func fileSize() throws(RecordDamage) -> Int64 {
        let size: Int64
        do {
            size = try source.size(of: path)
        } catch {
            throw RecordDamage(.io(error), path: path, offset: window.offset)
        }
        return end.map { min($0, size) } ?? size
    }
}
