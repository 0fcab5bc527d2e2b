import Foundation
import TFEvents

/// What one event file holds, read with the library's ``EventFileReader``: the facts
/// `tfevents inspect` reports.
///
/// The file is read as a complete file: an incomplete last record is a `truncated` problem, and
/// after any damage reading goes on at the next position where a whole record verifies, as
/// ``SummaryReader`` reads it.
struct FileInspection {
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
    var problems: [ReadProblem] = []
    /// Observations that are not damage: how TensorBoard will treat what is in the file.
    var notes: [String] = []

    private var tagIndex: [String: Int] = [:]

    /// Tags sorted by plugin, then tag, byte by byte.
    var sortedTags: [Tag] {
        tags.sorted { a, b in
            a.plugin == b.plugin
                ? a.tag.utf8.lexicographicallyPrecedes(b.tag.utf8)
                : a.plugin.utf8.lexicographicallyPrecedes(b.plugin.utf8)
        }
    }

    init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// Reads the whole file at `path`, calling `progress` with the bytes read so far and the
    /// file's size every few thousand records.
    static func read(
        name: String, path: String, size: Int64, source: any ByteSource = FileSystemSource(),
        progress: (_ done: Int64, _ size: Int64) -> Void = { _, _ in }
    ) -> FileInspection {
        var inspection = FileInspection(name: name, path: path)
        inspection.size = size
        let reader = EventFileReader(path: path, source: source)
        var count = 0
        while let entry = reader.next() {
            switch entry {
            case .event(let event, let offset):
                inspection.add(event, offset: offset)
                count += 1
                if count % 4096 == 0 { progress(reader.offset, max(size, reader.knownSize)) }
            case .problem(let problem):
                inspection.problems.append(problem)
            }
        }
        // The file may have grown since it was listed.
        inspection.size = max(size, reader.knownSize)
        inspection.records = reader.recordCount
        inspection.addFileNotes()
        return inspection
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
        var number: Double?
        switch value.content {
        case .simpleValue(let float): number = Double(float)
        case .tensor(let tensor): number = tensor.scalarValue
        default: break
        }
        let converted = value.pluginName
        let index = addTag(tag, plugin: converted ?? "", fromMetadata: converted != nil, step: step)
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
