import Foundation
import TFEvents

/// What one event file holds, read record by record: the facts `tfevents inspect` reports.
///
/// The file is read with ``TFRecordReader`` as a complete file: an incomplete last record is a
/// `truncated` problem, and after any damage reading goes on at the next position where a whole
/// record verifies, as ``LogdirReader`` does.
struct FileInspection {
    /// A problem found in the file.
    struct Problem: Equatable {
        /// `truncated`, `length_crc`, `data_crc`, `bad_length`, `decode`, `io` (as
        /// ``LogdirReader/Problem/Kind``), or `empty` for a file with no bytes at all.
        var kind: String
        /// The byte offset of the record concerned, when there is one.
        var offset: Int64?
        /// Where reading went on after it, when a good record was found.
        var resumedAt: Int64?
        var message: String
    }

    /// How many events of each kind the file holds.
    struct EventCounts: Equatable {
        var fileVersion = 0
        var summary = 0
        /// By `SessionLog.Status` raw value.
        var sessionLog: [Int32: Int] = [:]
        var logMessage = 0
        var graphDef = 0
        var metaGraphDef = 0
        var taggedRunMetadata = 0
        /// Events that carry only a wall time and a step.
        var empty = 0

        var total: Int {
            fileVersion + summary + sessionLog.values.reduce(0, +) + logMessage + graphDef + metaGraphDef
                + taggedRunMetadata + empty
        }
    }

    /// One tag of the file, under the plugin TensorBoard files it under.
    struct Tag {
        var tag: String
        /// The plugin: `scalars`, `images`, `histograms` and `audio` for the legacy value kinds (as
        /// TensorBoard converts them), otherwise the plugin named by the first value that carries
        /// metadata; `""` when none does.
        var plugin: String
        /// Whether ``plugin`` came from metadata (later metadata is then ignored, as in TensorBoard).
        var pluginFromMetadata = false
        var values = 0
        var steps = StepStatistics()
        /// For `scalars` tags: how many values were NaN or infinite.
        var nonFinite = 0
    }

    var name: String
    var path: String
    var size: Int64 = 0
    /// Complete records whose CRCs verify.
    var records = 0
    var events = EventCounts()
    /// Summary values by plugin (see ``Tag/plugin``).
    var valuesByPlugin: [String: Int] = [:]
    /// The first `file_version` string, and how many `file_version` events there were.
    var fileVersion: String?
    /// `source_metadata.writer` of the first event that has one.
    var sourceWriter: String?
    /// Steps of the summary events, in file order.
    var steps = StepStatistics()
    /// Wall times of all events.
    var wallTime = WallTimeStatistics()
    /// The tags in order of first appearance; ``tagIndex`` finds them.
    var tags: [Tag] = []
    var problems: [Problem] = []
    /// Observations that are not damage: how TensorBoard will treat what is in the file.
    var notes: [String] = []
    /// `SessionLog START` events: step and record offset, for the run-level restart note.
    var sessionStarts: [(step: Int64, offset: Int64)] = []

    private var tagIndex: [String: Int] = [:]

    /// Tags sorted by plugin, then tag, byte by byte.
    var sortedTags: [Tag] {
        tags.sorted { a, b in
            a.plugin == b.plugin
                ? a.tag.utf8.lexicographicallyPrecedes(b.tag.utf8)
                : a.plugin.utf8.lexicographicallyPrecedes(b.plugin.utf8)
        }
    }

    /// The largest record length an event file can hold: a protobuf message is below 2 GiB.
    static let maximumRecordLength = UInt64(Int32.max)

    init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// Reads the whole file at `path`, calling `progress` with the bytes read so far and the
    /// file's size every few thousand records.
    static func read(
        name: String, path: String, progress: (_ done: Int64, _ size: Int64) -> Void = { _, _ in }
    ) -> FileInspection {
        var inspection = FileInspection(name: name, path: path)
        var status = stat()
        if stat(path, &status) == 0 { inspection.size = Int64(status.st_size) }
        inspection.readRecords(progress: progress)
        inspection.addFileNotes()
        return inspection
    }

    private mutating func readRecords(progress: (Int64, Int64) -> Void) {
        let reader: TFRecordReader
        do {
            reader = try TFRecordReader(path: path, maximumRecordLength: Self.maximumRecordLength)
        } catch {
            problems.append(Problem(kind: "io", offset: nil, message: "cannot open the file: \(ioMessage(error))"))
            return
        }
        defer {
            // The file may have grown since it was measured.
            size = max(size, reader.offset + reader.pendingByteCount)
            reader.close()
        }
        while true {
            do throws(TFRecordError) {
                guard let record = try reader.next() else {
                    let pending = reader.pendingByteCount
                    guard pending > 0 else { return }
                    let offset = reader.offset
                    let resumed = try reader.skipDamage(final: true)
                    problems.append(
                        Problem(
                            kind: "truncated", offset: offset, resumedAt: resumed,
                            message: "the file ends inside a record: the last \(pending) bytes are not a complete record"
                                + " (a file that is still being written shows this until its writer flushes)"))
                    if resumed == nil { return }
                    continue
                }
                records += 1
                if records % 4096 == 0 { progress(reader.offset, size) }
                do {
                    add(try Event(serializedBytes: record.payload), offset: record.offset)
                } catch {
                    problems.append(
                        Problem(
                            kind: "decode", offset: record.offset,
                            message: "the record's CRCs are valid but its \(record.payload.count)-byte payload is "
                                + "not an Event protobuf; skipped"))
                }
            } catch {
                if case .io = error.kind {
                    problems.append(Problem(kind: "io", offset: error.offset, message: ioMessage(error)))
                    return
                }
                var resumed: Int64?
                var ioFailure: TFRecordError?
                do throws(TFRecordError) {
                    resumed = try reader.skipDamage(final: true)
                } catch {
                    ioFailure = error
                }
                problems.append(damage(error, resumedAt: resumed))
                if let ioFailure {
                    problems.append(Problem(kind: "io", offset: ioFailure.offset, message: ioMessage(ioFailure)))
                    return
                }
                if resumed == nil { return }
            }
        }
    }

    private func ioMessage(_ error: TFRecordError) -> String {
        if case .io(let operation, let errno) = error.kind {
            return "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        }
        return error.description
    }

    private func damage(_ error: TFRecordError, resumedAt: Int64?) -> Problem {
        let kind: String
        let message: String
        switch error.kind {
        case .lengthCRCMismatch(let stored, let computed):
            kind = "length_crc"
            message = "the length field's CRC does not match (stored \(hex(stored)), computed \(hex(computed)))"
        case .dataCRCMismatch(let stored, let computed):
            kind = "data_crc"
            message = "the payload's CRC does not match (stored \(hex(stored)), computed \(hex(computed)))"
        case .lengthTooLarge(let length, _):
            kind = "bad_length"
            message = "the length field verifies but claims \(length) bytes, more than any event can hold"
        case .notAnEvent:
            kind = "decode"
            message = "the record's payload is not an Event protobuf"
        case .io:
            kind = "io"
            message = ioMessage(error)
        }
        let tail = resumedAt == nil ? "; no good record after it" : ""
        return Problem(kind: kind, offset: error.offset, resumedAt: resumedAt, message: message + tail)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    // MARK: Events

    private mutating func add(_ event: Event, offset: Int64) {
        wallTime.add(event.wallTime)
        if sourceWriter == nil, let writer = event.sourceMetadata?.writer, !writer.isEmpty {
            sourceWriter = writer
        }
        switch event.what {
        case nil:
            events.empty += 1
        case .fileVersion(let version):
            events.fileVersion += 1
            if fileVersion == nil { fileVersion = version }
        case .summary(let summary):
            events.summary += 1
            steps.add(event.step)
            for value in summary.values {
                add(value, step: event.step)
            }
        case .logMessage:
            events.logMessage += 1
        case .sessionLog(let log):
            events.sessionLog[log.status.rawValue, default: 0] += 1
            if log.status == .start { sessionStarts.append((event.step, offset)) }
        case .graphDef:
            events.graphDef += 1
            // TensorBoard shows a graph as this tag of the graphs plugin.
            addTag("__run_graph__", plugin: "graphs", fromMetadata: true, step: event.step)
        case .metaGraphDef:
            events.metaGraphDef += 1
        case .taggedRunMetadata(let metadata):
            events.taggedRunMetadata += 1
            addTag(metadata.tag, plugin: "graph_tagged_run_metadata", fromMetadata: true, step: event.step)
        }
    }

    private mutating func add(_ value: Summary.Value, step: Int64) {
        // TensorBoard uses the node name when the tag is empty.
        let tag = value.tag.isEmpty ? value.nodeName : value.tag
        let legacyPlugin: String?
        var number: Double?
        switch value.content {
        case .simpleValue(let float):
            legacyPlugin = "scalars"
            number = Double(float)
        case .image: legacyPlugin = "images"
        case .histogram: legacyPlugin = "histograms"
        case .audio: legacyPlugin = "audio"
        case .tensor(let tensor):
            legacyPlugin = nil
            number = tensor.scalarValue
        case .obsoleteOldStyleHistogram, nil: legacyPlugin = nil
        }
        let metadataPlugin = value.metadata?.pluginData?.pluginName
        let index = addTag(
            tag, plugin: legacyPlugin ?? metadataPlugin ?? "",
            fromMetadata: legacyPlugin != nil || value.metadata != nil, step: step)
        let plugin = tags[index].plugin
        valuesByPlugin[plugin, default: 0] += 1
        if plugin == "scalars", let number, !number.isFinite {
            tags[index].nonFinite += 1
        }
    }

    /// Counts a value of `tag` at `step` and returns the tag's index. The tag's plugin is the
    /// first one given with `fromMetadata`, or the first one given at all.
    @discardableResult
    private mutating func addTag(_ tag: String, plugin: String, fromMetadata: Bool, step: Int64) -> Int {
        let index: Int
        if let known = tagIndex[tag] {
            index = known
            if fromMetadata && !tags[index].pluginFromMetadata {
                tags[index].plugin = plugin
                tags[index].pluginFromMetadata = true
            }
        } else {
            index = tags.count
            tagIndex[tag] = index
            tags.append(Tag(tag: tag, plugin: plugin, pluginFromMetadata: fromMetadata))
        }
        tags[index].values += 1
        tags[index].steps.add(step)
        return index
    }

    // MARK: Notes

    private mutating func addFileNotes() {
        if size == 0 && records == 0 && problems.isEmpty {
            problems.append(
                Problem(
                    kind: "empty", offset: nil,
                    message: "the file is empty: every writer starts with a file_version record, so either its "
                        + "writer has not flushed yet or the file was emptied"))
        }
        if events.total > 0 && events.fileVersion == 0 {
            notes.append(
                "no file_version record: TensorBoard's Python loader then drops a tag's earlier points whenever its "
                    + "step goes back")
        }
        if wallTime.nonFinite > 0 {
            notes.append(
                "\(wallTime.nonFinite) events have a wall time that is not finite: TensorBoard's default (Rust) "
                    + "loader stops reading the file at the first")
        }
    }
}
