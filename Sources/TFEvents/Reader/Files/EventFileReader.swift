/// Reads the events of one event file in order, turning damage into problems instead of stopping.
///
/// ```swift
/// let reader = EventFileReader(path: "runs/train/events.out.tfevents.1700000000.host")
/// while let entry = reader.next() {
///     switch entry {
///     case .event(let event, let offset): print(offset, event.step)
///     case .problem(let problem): print("warning:", problem)
///     }
/// }
/// ```
///
/// - A complete record whose CRCs verify and whose payload decodes is returned as an event.
/// - A record with a bad length CRC, a bad data CRC or an impossible length is reported once,
///   and reading resumes at the next position where a length, its CRC and the data CRC all
///   verify, so the good records after damage are kept. TensorBoard stops reading the file there.
/// - A record with valid CRCs that is not an `Event` is reported as `decode` and skipped.
/// - An incomplete last record is reported as `truncated` when the file is complete, and the rest
///   of the file is searched for good records. When it is not (``init(path:source:isComplete:)``),
///   ``next()`` returns `nil` there and a later call picks up the record once it is written, so the
///   same reader follows a growing file.
/// - A length field is never trusted with an allocation: the reader holds at most one record and
///   a buffer of 1 MiB, whatever the file claims.
///
/// ``SummaryReader`` reads every file of a log directory with this reader.
public final class EventFileReader {
    /// The largest record an event file can hold: protobuf messages are limited to 2 GiB.
    static let maximumRecordLength: UInt64 = UInt64(Int32.max)

    /// The file's path.
    public let path: String
    /// The file's name: the last component of ``path``.
    public var name: String {
        // Found in UTF-8 (a `/` byte is always a whole character): going by characters cost
        // thousands of instructions per file.
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
    }
    /// Whether the file is complete: its writer is done, so an incomplete last record is damage.
    public let isComplete: Bool
    /// The run the file belongs to, for problem reports.
    let run: String?
    private let source: any ByteSource
    /// Where the file is taken to end, when it must be read exactly as far as an earlier read.
    private let end: Int64?
    /// The record reader; `nil` while suspended (``suspend()``).
    private var reader: RecordReader?
    /// Where reading resumes after a suspension.
    private var resumeOffset: Int64 = 0
    /// The offset of damage already reported, so a search that is still going on is not reported again.
    private var reportedDamage: Int64?
    /// Set while a search for the next good record after damage has found none yet: the reader
    /// then stays in memory, as it remembers how far the search got.
    private var isSearching = false
    /// Entries found but not returned yet by ``next()``.
    private var pending: [Entry] = []
    private var reportedEmpty = false
    /// TensorBoard's per-file first-metadata table (`dataclass_compat`).
    var compat = DataClassCompat()
    /// Whether records may take the hand-written fast paths (``ScalarRecordParser`` with the
    /// file's tag cache, then ``FastEventDecoder``) before protobuf-c.
    var usesFastPaths = true
    /// Tags of this file whose scalar records take the fast path (see ``TagCache``).
    private var fastTags = TagCache()

    /// How the file may be read in parallel chunks (see ``ChunkPipeline``); `nil`: never.
    var chunking: ChunkPlan?
    /// The file's size when its directory was listed, if known: the record reader reads that
    /// much before it asks the file's size, and a file listed too small for chunks is not looked
    /// at again to decide.
    var listedSize: Int64?
    /// The parallel reading under way, while it lasts.
    private var chunks: ChunkCursor?
    /// Whether parallel reading was considered for the file already (it is, once).
    private var chunkingConsidered = false
    /// Records taken from parallel chunks.
    private var chunkRecordCount = 0

    /// The number of complete records whose CRCs verified, decodable or not.
    public var recordCount: Int { recordsBeforeSuspension + chunkRecordCount + (reader?.recordCount ?? 0) }
    /// Records counted by record readers released by ``suspend()``.
    private var recordsBeforeSuspension = 0

    /// Opens `path` for reading. Nothing is read until ``next()``.
    ///
    /// - Parameters:
    ///   - path: The event file.
    ///   - source: Where the bytes come from; the local file system by default.
    ///   - isComplete: Whether the file's writer is done. Leave it on to inspect a file; turn it
    ///     off to follow a file that is being written.
    public convenience init(path: String, source: any ByteSource = FileSystemSource(), isComplete: Bool = true) {
        self.init(path: path, source: source, run: nil, isComplete: isComplete)
    }

    /// Opens `path` for a run of a log directory.
    ///
    /// - Parameter end: When set, the file is read as if it ended there, so that a second reading
    ///   sees exactly the bytes a first one saw.
    init(path: String, source: any ByteSource, run: String?, isComplete: Bool = false, end: Int64? = nil) {
        self.path = path
        self.source = source
        self.run = run
        self.isComplete = isComplete
        self.end = end
    }

    /// Where the next record starts.
    public var offset: Int64 {
        if let chunks, !chunks.isStepping { return chunks.position }
        return reader?.offset ?? resumeOffset
    }

    /// The file's size at the last look: with ``offset``, how far reading has come.
    public var knownSize: Int64 { max(reader?.knownEnd ?? 0, chunks?.pipeline.end ?? 0, offset) }

    /// Bytes after ``offset`` known to be in the file but not forming a complete record.
    var pendingByteCount: Int64 { reader?.pendingByteCount ?? 0 }

    /// What ``next()`` returns.
    public enum Entry: Sendable, Hashable {
        /// An event, and the byte offset of its record.
        case event(Event, offset: Int64)
        /// Something that could not be read; reading goes on after it.
        case problem(ReadProblem)
    }

    /// The next event or problem, or `nil` when the file has nothing more now: at its end, or (for
    /// a file that is not complete) before a record that is not all written yet.
    public func next() -> Entry? {
        if !pending.isEmpty { return pending.removeFirst() }
        while true {
            var sink = EntrySink()
            let outcome = next(final: isComplete, into: &sink)
            var found = sink.found
            switch outcome {
            case .event(let event, let offset):
                found.append(.event(event, offset: offset))
            case .consumed:
                continue
            case nil:
                if isComplete, !reportedEmpty, recordCount == 0, knownSize == 0, found.isEmpty, reportedDamage == nil {
                    reportedEmpty = true
                    found.append(
                        .problem(
                            problem(
                                .empty, offset: nil, resumedAt: nil,
                                message: "the file is empty: every writer starts with a file_version record, so "
                                    + "either its writer has not flushed yet or the file was emptied")))
                }
                if found.isEmpty { return nil }
            }
            // Problems found on the way to an event come before it.
            pending = found
            return pending.removeFirst()
        }
    }

    /// Forgets the read buffer until the next read, unless a search for good records is in progress
    /// (the record reader remembers how far it got), so that a reader following many files holds
    /// little memory between passes.
    func suspend() {
        endChunks()
        guard let reader, !isSearching else { return }
        resumeOffset = reader.offset
        recordsBeforeSuspension += reader.recordCount
        self.reader = nil
    }

    /// What reading gave.
    enum Outcome {
        /// The fast path took every record read (at least one).
        case consumed
        /// A decoded event and its record's offset (records the fast path took may have come first).
        case event(Event, Int64)
    }

    /// Enters `tag` in the file's cache of tags whose scalar records take the fast path: its
    /// series (`series`) has its metadata, is a scalar series, and this file keeps its data.
    func learnFastTag(_ tag: String, series: Int) {
        fastTags.insert(Array(tag.utf8), series: series)
    }

    /// Where ``next(final:limit:into:)`` puts what is not an event: the points of the scalar fast
    /// path and the problems. A protocol rather than closures, so that the reader's loop is
    /// specialized for its one caller and the fast path's handling is inlined into it.
    protocol Sink {
        /// A record holding one scalar of a tag in the file's tag cache, as a point; returns
        /// `true` when the sink has taken care of it, `false` to have the record's event returned.
        mutating func take(_ point: ScalarPoint) -> Bool
        /// A problem, reported once.
        mutating func report(_ problem: ReadProblem)
    }

    /// The sink of ``next()``: no fast path, problems kept in order.
    private struct EntrySink: Sink {
        var found: [Entry] = []
        func take(_ point: ScalarPoint) -> Bool { false }
        mutating func report(_ problem: ReadProblem) { found.append(.problem(problem)) }
    }

    /// Reads records until one needs the full path (its event is returned), `limit` records were
    /// taken by the fast path, or no complete record is available now (`nil` when none was read).
    ///
    /// A record holding one scalar of a tag in the file's tag cache (``learnFastTag(_:series:)``)
    /// is offered to `sink` as a ``ScalarPoint``; problems go to `sink` as they are found.
    ///
    /// - Parameters:
    ///   - final: Whether the file is complete now: an incomplete tail is then damage.
    ///   - limit: How many records the fast path may take in this call.
    func next<S: Sink>(final: Bool, limit: Int = 1, into sink: inout S) -> Outcome? {
        @inline(__always)
        func problems(_ problem: ReadProblem) { sink.report(problem) }
        var reader = open()
        var restarted = false
        if !chunkingConsidered && final { startChunks(reader) }
        // Locals for the whole call: a class's stored properties cost a dynamic exclusivity check
        // on every access.
        let cache = fastTags
        let fastPaths = usesFastPaths
        var taken = 0
        /// Whether the fast path took the record.
        @inline(__always)
        func takeFast(_ payload: UnsafeRawBufferPointer) -> Bool {
            guard fastPaths, let view = ScalarRecordParser.parse(payload), let series = cache.series(for: view.tag)
            else { return false }
            return sink.take(ScalarPoint(series: series, step: view.step, wallTime: view.wallTime, value: view.value))
        }
        while true {
            if var cursor = chunks {
                // Parallel reading: records from the chunks while the walk is on theirs, one step of
                // the sequential path below where it is not.
                chunks = nil  // while `cursor` is out, so that its arrays are not copied
                let step = takeChunkRecords(&cursor, at: reader.offset, limit: limit, taken: &taken, into: &sink)
                switch step {
                case .finished:
                    cursor.pipeline.cancel()
                    reader.seek(to: cursor.position)
                    continue
                case .sequentialStep:
                    reader.seek(to: cursor.position)
                    chunks = cursor
                case .limit:
                    chunks = cursor
                    return .consumed
                case .event(let event, let offset):
                    chunks = cursor
                    return .event(event, offset)
                }
            } else if taken < limit {
                // The common case first: records already buffered whole, with both CRCs right,
                // that the fast path takes.
                taken += reader.forEachBufferedRecord(limit: limit - taken) { payload, _ in takeFast(payload) }
                if taken >= limit { return .consumed }
            }
            do throws(RecordDamage) {
                // Outer nil: no complete record now; inner nil: the fast path took the record.
                let record = try reader.withNextRecord { payload, offset -> (Event?, Int64)? in
                    if takeFast(payload) { return nil }
                    let fastEvent = fastPaths ? FastEventDecoder.decode(payload) : nil
                    return (fastEvent ?? ProtobufDecoder.decodeEvent(payload), offset)
                }
                guard let record else {
                    guard final, reader.pendingByteCount > 0 else { return taken > 0 ? .consumed : nil }
                    // The writer is done, so the tail will never be completed.
                    let offset = reader.offset
                    let pending = reader.pendingByteCount
                    let resumed = try reader.skipDamage(final: true)
                    if reportedDamage != offset {
                        reportedDamage = offset
                        problems(
                            problem(
                                .truncated, offset: offset, resumedAt: resumed,
                                message: "the file ends inside a record: the last \(pending) bytes are not a "
                                    + "complete record (a file still being written shows this until its writer "
                                    + "flushes)"))
                    }
                    isSearching = resumed == nil
                    if resumed == nil { return taken > 0 ? .consumed : nil }
                    continue
                }
                guard let (event, offset) = record else {
                    taken += 1
                    continue
                }
                // `reportedDamage` needs no reset after a good record: offsets only grow, so
                // later damage is never at the offset already reported.
                if let event { return .event(event, offset) }
                problems(
                    problem(
                        .decode, offset: offset, resumedAt: nil,
                        message: "the record's CRCs are valid but its payload is not an Event protobuf; skipped"))
            } catch {
                if case .io(let failure) = error.kind, failure.kind == .replaced, !restarted {
                    // Never mix two files' records: say so, then read the new file from its start.
                    problems(
                        problem(
                            .replaced, offset: error.offset, resumedAt: 0,
                            message: "the file was replaced while it was read (" + failure.message
                                + "); what was read from it before stays, and the new file is read from its start"))
                    restart()
                    reader = open()
                    restarted = true
                    continue
                }
                if case .io(let failure) = error.kind {
                    // The next call tries again from the same place; the failure is reported once.
                    if reportedDamage != error.offset {
                        reportedDamage = error.offset
                        problems(problem(.io, offset: error.offset, resumedAt: nil, message: "cannot read the file: " + failure.message))
                    }
                    return taken > 0 ? .consumed : nil
                }
                let damageOffset = error.offset
                let resumed: Int64?
                do throws(RecordDamage) {
                    resumed = try reader.skipDamage(final: final)
                } catch {
                    if case .io(let failure) = error.kind {
                        problems(problem(.io, offset: error.offset, resumedAt: nil, message: "cannot read the file: " + failure.message))
                    }
                    return taken > 0 ? .consumed : nil
                }
                if reportedDamage != damageOffset {
                    reportedDamage = damageOffset
                    problems(damage(error, resumedAt: resumed, final: final))
                }
                isSearching = resumed == nil
                if resumed == nil { return taken > 0 ? .consumed : nil }
            }
        }
    }

    /// Forgets everything about the file's bytes, to read a replacement from its start.
    private func restart() {
        endChunks()
        if let reader { recordsBeforeSuspension += reader.recordCount }
        reader = nil
        resumeOffset = 0
        reportedDamage = nil
        isSearching = false
        reportedEmpty = false
        compat = DataClassCompat()
        // The tags learned for the fast path were learned with the old file's per-file rules.
        fastTags = TagCache()
    }

    // MARK: Parallel chunks

    /// Starts reading the rest of the file in parallel chunks when it is large enough.
    private func startChunks(_ reader: RecordReader) {
        chunkingConsidered = true
        guard let chunking, ProcessInfo.processorCount > 1 || chunking.evenOnOneCore,
            (listedSize ?? .max) - reader.offset >= chunking.minimumSize, let size = try? source.size(of: path)
        else { return }
        let fileEnd = end.map { min($0, size) } ?? size
        let start = reader.offset
        guard fileEnd - start >= chunking.minimumSize else { return }
        chunks = ChunkCursor(
            pipeline: ChunkPipeline(
                path: path, source: source, start: start, end: fileEnd, chunkSize: chunking.chunkSize,
                lengthLimit: Self.maximumRecordLength, parsesScalars: usesFastPaths,
                usesHelpers: chunking.usesHelpers),
            position: start)
    }

    /// Ends parallel reading, leaving the record reader where it stopped.
    private func endChunks() {
        guard let cursor = chunks else { return }
        chunks = nil
        cursor.pipeline.cancel()
        // After a step of the sequential path, the record reader is where the walk stands.
        if !cursor.isStepping { reader?.seek(to: cursor.position) }
    }

    /// What ``takeChunkRecords(_:at:limit:taken:into:)`` stopped at.
    private enum ChunkStep {
        /// A record that needs the full path.
        case event(Event, Int64)
        /// The fast path took its limit of records.
        case limit
        /// The walk is where no chunk's walk went: the sequential path takes one step.
        case sequentialStep
        /// Every chunk is behind the walk.
        case finished
    }

    /// Takes records from the chunks, from where the walk stands (`readerOffset` when the last
    /// step was the sequential path's), exactly as the sequential path would take them.
    private func takeChunkRecords<S: Sink>(
        _ cursor: inout ChunkCursor, at readerOffset: Int64, limit: Int, taken: inout Int, into sink: inout S
    ) -> ChunkStep {
        if cursor.isStepping {
            cursor.position = readerOffset
            cursor.isStepping = false
        }
        let cache = fastTags
        let fastPaths = usesFastPaths
        while true {
            if cursor.chunk == nil {
                guard cursor.index < cursor.pipeline.count else { return .finished }
                switch cursor.pipeline.chunk(cursor.index) {
                case .success(let chunk): cursor.chunk = chunk
                case .failure: cursor.chunk = RecordChunk(empty: cursor.pipeline.chunkStart(cursor.index))
                }
                cursor.series = Array(repeating: -1, count: cursor.chunk!.tags.count)
                cursor.next = nil
            }
            let chunk = cursor.chunk!
            if cursor.next == nil {
                if cursor.position >= chunk.stop {
                    // All of this chunk is behind the walk.
                    cursor.chunk = nil
                    cursor.index += 1
                    cursor.pipeline.recycle(consume chunk)
                    continue
                }
                guard let first = chunk.index(ofRecordAt: cursor.position) else {
                    cursor.isStepping = true
                    return .sequentialStep
                }
                cursor.next = first
            }
            var index = cursor.next!
            var series = cursor.series
            cursor.series = []
            defer { cursor.series = series }
            let outcome: ChunkStep? = chunk.records.withUnsafeBufferPointer { records in
                chunk.bytes.withUnsafeBytes { bytes in
                    while index < records.count {
                        if taken >= limit { return .limit }
                        let record = records[index]
                        index &+= 1
                        if fastPaths && record.tag >= 0 {
                            var id = series[Int(record.tag)]
                            if id < 0, let known = cache.series(for: UnsafeRawBufferPointer(rebasing: bytes[chunk.tags[Int(record.tag)]])) {
                                id = known
                                series[Int(record.tag)] = known
                            }
                            if id >= 0
                                && sink.take(
                                    ScalarPoint(series: id, step: record.step, wallTime: record.wallTime, value: record.value))
                            {
                                taken &+= 1
                                continue
                            }
                        }
                        let payloadStart = Int(record.payloadStart)
                        let payload = UnsafeRawBufferPointer(
                            rebasing: bytes[payloadStart..<payloadStart + Int(record.payloadCount)])
                        let fastEvent = fastPaths ? FastEventDecoder.decode(payload) : nil
                        let offset = chunk.base + Int64(payloadStart - TFRecordFraming.headerSize)
                        if let event = fastEvent ?? ProtobufDecoder.decodeEvent(payload) {
                            return .event(event, offset)
                        }
                        sink.report(
                            problem(
                                .decode, offset: offset, resumedAt: nil,
                                message: "the record's CRCs are valid but its payload is not an Event protobuf; skipped"))
                    }
                    return nil
                }
            }
            chunkRecordCount += index - cursor.next!
            if index < chunk.records.count {
                cursor.next = index
                cursor.position = chunk.offset(of: index)
            } else {
                cursor.position = chunk.stop
                cursor.chunk = nil
                cursor.index += 1
                cursor.pipeline.recycle(consume chunk)
            }
            if let outcome { return outcome }
        }
    }

    private func open() -> RecordReader {
        if let reader { return reader }
        let reader = RecordReader(
            path: path, source: source, offset: resumeOffset, maximumRecordLength: Self.maximumRecordLength, end: end,
            sizeHint: resumeOffset == 0 ? listedSize : nil)
        self.reader = reader
        return reader
    }

    private func problem(
        _ kind: ReadProblem.Kind, offset: Int64?, resumedAt: Int64?, message: String
    ) -> ReadProblem {
        ReadProblem(kind: kind, path: path, run: run, offset: offset, resumedAt: resumedAt, message: message)
    }

    private func damage(_ error: RecordDamage, resumedAt: Int64?, final: Bool) -> ReadProblem {
        let kind: ReadProblem.Kind
        let message: String
        switch error.kind {
        case .lengthCRCMismatch(let stored, let computed):
            kind = .lengthCRC
            message = "the length field's CRC does not match (stored \(hex(stored)), computed \(hex(computed)))"
        case .dataCRCMismatch(let stored, let computed):
            kind = .dataCRC
            message = "the payload's CRC does not match (stored \(hex(stored)), computed \(hex(computed)))"
        case .lengthTooLarge(let length, _):
            kind = .badLength
            message = "the length field verifies but claims \(length) bytes, more than any event can hold"
        case .io(let failure):
            kind = .io
            message = "cannot read the file: " + failure.message
        }
        let suffix = resumedAt == nil ? (final ? "; no good record after it" : "; no good record after it yet") : ""
        return problem(kind, offset: error.offset, resumedAt: resumedAt, message: message + suffix)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// How an ``EventFileReader`` may read a large file in parallel chunks.
struct ChunkPlan: Sendable {
    /// The size of a chunk.
    var chunkSize: Int64
    /// Files with fewer bytes left to read are read sequentially: chunks would cost more than
    /// they save.
    var minimumSize: Int64
    /// Whether to read in chunks on a machine with one core too (for tests: the chunks are then
    /// all read by the reader itself).
    var evenOnOneCore = false
    /// Whether helper threads read chunks ahead of the reader. Without them (for the fuzzer) the
    /// reader reads every chunk itself, in order: the same chunk boundaries and the same walk from
    /// chunk to chunk, but deterministic, and with every allocation freed before the read returns.
    var usesHelpers = true

    /// 1 MiB chunks for files of 4 MiB or more: a chunk costs a thread hand-over and the
    /// search for its first record, a few microseconds, against about a millisecond of reading.
    static let standard = ChunkPlan(chunkSize: 1 << 20, minimumSize: 4 << 20)
}

/// Where an ``EventFileReader``'s parallel reading stands.
private struct ChunkCursor {
    let pipeline: ChunkPipeline
    /// Where the walk stands: the next record's offset.
    var position: Int64
    /// The chunk being taken from, and its index.
    var index = 0
    var chunk: RecordChunk?
    /// The index in ``chunk`` of the record at ``position``, once found.
    var next: Int?
    /// By the chunk's tag number: the series id from the file's tag cache, or -1 while unknown.
    var series: [Int] = []
    /// Whether the sequential path took the last step (so ``position`` is the record reader's).
    var isStepping = false

    init(pipeline: ChunkPipeline, position: Int64) {
        self.pipeline = pipeline
        self.position = position
    }
}
