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
    public var name: String { path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path }
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
    /// Whether payloads may go through ``FastEventDecoder`` before protobuf-c.
    var usesFastDecoder = true

    /// The number of complete records whose CRCs verified, decodable or not.
    public var recordCount: Int { recordsBeforeSuspension + (reader?.recordCount ?? 0) }
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
    public var offset: Int64 { reader?.offset ?? resumeOffset }

    /// The file's size at the last look: with ``offset``, how far reading has come.
    public var knownSize: Int64 { max(reader?.knownEnd ?? 0, offset) }

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
            var found: [Entry] = []
            let outcome = next(final: isComplete, problems: { found.append(.problem($0)) }, fast: { _ in false })
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
        guard let reader, !isSearching else { return }
        resumeOffset = reader.offset
        recordsBeforeSuspension += reader.recordCount
        self.reader = nil
    }

    /// What reading one record gave.
    enum Outcome {
        /// The fast path took the record.
        case consumed
        /// A decoded event and its record's offset.
        case event(Event, Int64)
    }

    /// The next event, offering each record's payload first to `fast`, which returns `true` when it
    /// has taken care of the record (the payload is valid only during the call); `nil` when no
    /// complete record is available now.
    ///
    /// - Parameters:
    ///   - final: Whether the file is complete now: an incomplete tail is then damage.
    ///   - problems: Receives each problem, once.
    func next(
        final: Bool, problems: (ReadProblem) -> Void, fast: (UnsafeRawBufferPointer) -> Bool
    ) -> Outcome? {
        var reader = open()
        var restarted = false
        while true {
            do throws(RecordDamage) {
                let record = try reader.withNextRecord { payload, offset -> (Event?, Int64)? in
                    if fast(payload) { return nil }
                    let fastEvent = usesFastDecoder ? FastEventDecoder.decode(payload) : nil
                    return (fastEvent ?? ProtobufDecoder.decodeEvent(payload), offset)
                }
                // Outer nil: no complete record now; inner nil: the fast path took the record.
                guard let outcome = record else {
                    guard final, reader.pendingByteCount > 0 else { return nil }
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
                    if resumed == nil { return nil }
                    continue
                }
                // `reportedDamage` needs no reset after a good record: offsets only grow, so later
                // damage is never at the offset already reported (and writing it would cost a
                // dynamic exclusivity check per record).
                guard let (event, offset) = outcome else { return .consumed }
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
                    return nil
                }
                let damageOffset = error.offset
                let resumed: Int64?
                do throws(RecordDamage) {
                    resumed = try reader.skipDamage(final: final)
                } catch {
                    if case .io(let failure) = error.kind {
                        problems(problem(.io, offset: error.offset, resumedAt: nil, message: "cannot read the file: " + failure.message))
                    }
                    return nil
                }
                if reportedDamage != damageOffset {
                    reportedDamage = damageOffset
                    problems(damage(error, resumedAt: resumed, final: final))
                }
                isSearching = resumed == nil
                if resumed == nil { return nil }
            }
        }
    }

    /// Forgets everything about the file's bytes, to read a replacement from its start.
    private func restart() {
        if let reader { recordsBeforeSuspension += reader.recordCount }
        reader = nil
        resumeOffset = 0
        reportedDamage = nil
        isSearching = false
        reportedEmpty = false
        compat = DataClassCompat()
    }

    private func open() -> RecordReader {
        if let reader { return reader }
        let reader = RecordReader(
            path: path, source: source, offset: resumeOffset, maximumRecordLength: Self.maximumRecordLength, end: end)
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
