/// Reads the events of one event file, keeping its place between calls, and turns damage into
/// problems instead of stopping.
///
/// - A complete record whose payload decodes is returned.
/// - An incomplete last record is waited for: `nil` means nothing more *now*. When the file is
///   final, it is reported as `truncated` and the rest of the file is searched for good records.
/// - A record with a bad length CRC, a bad data CRC or an impossible length is reported once,
///   and reading resumes at the next position where a length, its CRC and the data CRC all
///   verify. If no such position exists yet, later calls continue the search as the file grows.
/// - A record with valid CRCs that is not an `Event` is reported as `decode` and skipped.
final class EventFileLoader {
    /// The largest record an event file can hold: protobuf messages are limited to 2 GiB.
    static let maximumRecordLength: UInt64 = UInt64(Int32.max)

    let path: String
    /// The file's name (the last path component).
    let name: String
    let run: Int
    /// The reader; `nil` while suspended (the file is closed between passes).
    private var reader: TFRecordReader?
    /// Where reading resumes after a suspension.
    private var resumeOffset: Int64 = 0
    /// The offset of damage already reported, so a search that is still going on is not reported again.
    private var reportedDamage: Int64?
    /// Set while a search for the next good record after damage has found none yet: the reader
    /// then stays open, as it remembers how far the search got.
    private var isSearching = false
    /// Whether opening the file failed and was reported.
    private var reportedOpenFailure = false
    /// TensorBoard's per-file first-metadata table (`dataclass_compat`).
    var compat = DataClassCompat()
    /// Whether payloads may go through ``FastEventDecoder`` before protobuf-c.
    var usesFastDecoder = true

    init(path: String, name: String, run: Int) {
        self.path = path
        self.name = name
        self.run = run
    }

    /// Where the next record starts.
    var offset: Int64 { reader?.offset ?? resumeOffset }

    /// Bytes after ``offset`` known to be in the file but not forming a complete record.
    var pendingByteCount: Int64 { reader?.pendingByteCount ?? 0 }

    /// Closes the file until the next read, unless a search for good records is in progress (the
    /// reader remembers how far it got).
    func suspend() {
        guard let reader, !isSearching else { return }
        resumeOffset = reader.offset
        reader.close()
        self.reader = nil
    }

    /// The next event and the offset of its record, or `nil` when no complete record is available now.
    ///
    /// - Parameters:
    ///   - final: Whether the file is complete: an incomplete tail is then damage.
    ///   - problems: Receives each problem, once.
    func next(final: Bool, problems: (LogdirReader.Problem) -> Void) -> (Event, Int64)? {
        switch next(final: final, problems: problems, fast: { _ in false }) {
        case .event(let event, let offset): (event, offset)
        case .consumed, nil: nil
        }
    }

    /// What reading one record gave.
    enum Outcome {
        /// The fast path took the record.
        case consumed
        /// A decoded event and its record's offset.
        case event(Event, Int64)
    }

    /// Like ``next(final:problems:)``, but first offers each record's payload to `fast`, which
    /// returns `true` when it has taken care of the record (the payload is valid only during the call).
    func next(
        final: Bool, problems: (LogdirReader.Problem) -> Void, fast: (UnsafeRawBufferPointer) -> Bool
    ) -> Outcome? {
        guard let reader = open(problems: problems) else { return nil }
        while true {
            do throws(TFRecordError) {
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
                                message: "the file ends inside a record (the last \(pending) bytes are not a complete "
                                    + "record)"))
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
                if case .io(let operation, let errno) = error.kind {
                    problems(
                        problem(
                            .io, offset: error.offset, resumedAt: nil,
                            message: "\(operation) failed: \(SystemError.message(for: errno)) (errno \(errno))"))
                    return nil
                }
                let damageOffset = error.offset
                let resumed: Int64?
                do throws(TFRecordError) {
                    resumed = try reader.skipDamage(final: final)
                } catch {
                    problems(problem(.io, offset: error.offset, resumedAt: nil, message: error.description))
                    return nil
                }
                if reportedDamage != damageOffset {
                    reportedDamage = damageOffset
                    problems(problem(error, resumedAt: resumed))
                }
                isSearching = resumed == nil
                if resumed == nil { return nil }
            }
        }
    }

    private func open(problems: (LogdirReader.Problem) -> Void) -> TFRecordReader? {
        if let reader { return reader }
        do {
            let reader = try TFRecordReader(
                path: path, offset: resumeOffset, maximumRecordLength: Self.maximumRecordLength)
            self.reader = reader
            reportedOpenFailure = false
            return reader
        } catch {
            if !reportedOpenFailure {
                reportedOpenFailure = true
                problems(
                    problem(.io, offset: nil, resumedAt: nil, message: "cannot open the event file: \(error.kind)"))
            }
            return nil
        }
    }

    private func problem(
        _ kind: LogdirReader.Problem.Kind, offset: Int64?, resumedAt: Int64?, message: String
    ) -> LogdirReader.Problem {
        LogdirReader.Problem(kind: kind, path: path, run: run, offset: offset, resumedAt: resumedAt, message: message)
    }

    private func problem(_ error: TFRecordError, resumedAt: Int64?) -> LogdirReader.Problem {
        let kind: LogdirReader.Problem.Kind
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
        case .notAnEvent:
            kind = .decode
            message = "the record's payload is not an Event protobuf"
        case .io(let operation, let errno):
            kind = .io
            message = "\(operation) failed: \(SystemError.message(for: errno)) (errno \(errno))"
        }
        let suffix = resumedAt == nil ? "; no good record after it yet" : ""
        return problem(kind, offset: error.offset, resumedAt: resumedAt, message: message + suffix)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
