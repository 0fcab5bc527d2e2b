/// Every series of a reader, numbered across all runs.
final class SeriesTable {
    var all: [LogdirReader.Series] = []
}

/// Where a record came from, for problem reports.
struct RecordLocation {
    var path: String
    var offset: Int64
}

/// One run as TensorBoard's Python loader (`plugin_event_accumulator.EventAccumulator`, with
/// `purge_orphaned_data=True`) sees it, fed one decoded event at a time.
///
/// It keeps no points: only what the loader's rules depend on (the file version, whether a
/// session start was seen, the last summary step, each tag's first metadata), so memory does not
/// grow with the number of points.
struct RunProcessor {
    private(set) var run: LogdirReader.Run
    private let table: SeriesTable
    /// Series by tag: TensorBoard's `summary_metadata` and `tensors_by_tag` keys.
    private(set) var seriesByTag: [String: Int]
    private var seenSessionStart = false
    private var mostRecentStep: Int64 = -1
    /// Events processed so far, counting each event the compat layer makes of a record.
    private(set) var eventCount = 0
    /// Every purge so far, in order (there is one per writer restart, so few).
    private(set) var purges: [LogdirReader.Purge] = []
    /// A replay recomputes points only: it never creates series or reports anything else.
    let isReplay: Bool

    init(run: LogdirReader.Run, table: SeriesTable) {
        self.run = run
        self.table = table
        self.seriesByTag = [:]
        self.isReplay = false
    }

    /// A fresh processor for re-reading `other`'s run from its start, reusing its series.
    init(replaying other: RunProcessor) {
        self.run = LogdirReader.Run(id: other.run.id, name: other.run.name, path: other.run.path)
        self.table = other.table
        self.seriesByTag = other.seriesByTag
        self.isReplay = true
    }

    // MARK: Events

    /// Processes one event read from a file of the run, appending what it yields to `queue`.
    ///
    /// This follows `event_file_loader.EventFileLoader.Load` (`data_compat.migrate_event`, then
    /// `dataclass_compat.migrate_event` with the file's own first-metadata table), then
    /// `EventAccumulator._ProcessEvent` for each event that results.
    mutating func process(
        _ event: Event, compat: inout DataClassCompat, location: RecordLocation, into queue: inout [LogdirReader.Item]
    ) {
        switch event.what {
        case .graphDef(let graph):
            // The graph event is kept, and a summary event carrying it follows (`_migrate_graph_event`).
            processMigrated(event, values: nil, into: &queue)
            let value = MigratedValue(
                tag: "__run_graph__", nodeName: "",
                metadata: SummaryMetadata(pluginData: .init(pluginName: "graphs"), dataClass: .blobSequence),
                data: .strings(shape: [1], values: [graph]))
            processMigrated(Event(wallTime: event.wallTime, step: event.step), values: [value], into: &queue)
        case .taggedRunMetadata(let tagged):
            // Replaced by a summary event (`_migrate_tagged_run_metadata_event`).
            if !isReplay {
                queue.append(
                    .runEvent(
                        .init(
                            run: run.id, step: event.step, wallTime: event.wallTime,
                            kind: .taggedRunMetadata(tag: tagged.tag, byteCount: tagged.runMetadata.count))))
            }
            let value = MigratedValue(
                tag: tagged.tag, nodeName: "",
                metadata: SummaryMetadata(
                    pluginData: .init(pluginName: "graph_tagged_run_metadata"), dataClass: .blobSequence),
                data: .strings(shape: [1], values: [tagged.runMetadata]))
            processMigrated(Event(wallTime: event.wallTime, step: event.step), values: [value], into: &queue)
        case .summary(let summary):
            var values: [MigratedValue] = []
            values.reserveCapacity(summary.values.count)
            for value in summary.values {
                var (migrated, failure) = DataCompat.migrate(value)
                if let failure, !isReplay {
                    queue.append(
                        .problem(
                            .init(
                                kind: .decode, path: location.path, run: run.id, offset: location.offset,
                                message: "tag \(value.tag): \(failure)")))
                }
                compat.apply(&migrated)
                values.append(migrated)
            }
            processMigrated(event, values: values, into: &queue)
        default:
            processMigrated(event, values: nil, into: &queue)
        }
    }

    /// `EventAccumulator._ProcessEvent` for one event; `values` is the summary when it has one.
    private mutating func processMigrated(
        _ event: Event, values: [MigratedValue]?, into queue: inout [LogdirReader.Item]
    ) {
        let index = eventCount
        eventCount += 1
        var runChanged = false
        if run.firstEventWallTime == nil {
            run.firstEventWallTime = event.wallTime
            runChanged = true
        }
        if let source = event.sourceMetadata {
            // `event_util.GetSourceWriter`: empty or longer than 128 characters means none.
            let writer = source.writer.isEmpty || source.writer.unicodeScalars.count > 128 ? nil : source.writer
            if writer != run.sourceWriter {
                run.sourceWriter = writer
                runChanged = true
            }
        }
        if case .fileVersion(let version) = event.what {
            let parsed = FileVersion.parse(version)
            if !(run.fileVersion.map { $0 == parsed || ($0.isNaN && parsed.isNaN) } ?? false) {
                run.fileVersion = parsed
                runChanged = true
            }
        }
        switch event.what {
        case .graphDef, .metaGraphDef:
            // A meta graph always counts as holding a graph (`meta_graph.graph_def` is a message,
            // which Python treats as true).
            if !run.hasGraph { runChanged = true }
            run.hasGraph = true
            if case .metaGraphDef = event.what, !run.hasMetaGraph {
                run.hasMetaGraph = true
                runChanged = true
            }
        default:
            break
        }
        if runChanged && !isReplay { queue.append(.run(run)) }

        maybePurge(event, values: values, index: index, into: &queue)
        if values != nil { mostRecentStep = event.step }

        if !isReplay, let kind = Self.runEventKind(event.what) {
            queue.append(.runEvent(.init(run: run.id, step: event.step, wallTime: event.wallTime, kind: kind)))
        }
        guard let values else { return }
        for value in values {
            if let metadata = value.metadata {
                recordMetadata(metadata, tag: value.tag, into: &queue)
            }
            guard let data = value.data else { continue }
            // A tensor value with no tag is stored under its node name (legacy values lost theirs).
            let tag = value.tag.isEmpty ? value.nodeName : value.tag
            guard let id = series(tag: tag, into: &queue) else { continue }
            let point = LogdirReader.Point(
                series: id, step: event.step, wallTime: event.wallTime,
                value: PointDecoder.value(data, kind: table.all[id].kind))
            queue.append(.point(point))
        }
    }

    /// `_MaybePurgeOrphanedData`: with a file version of 2 or more, a `SessionLog` `START` after
    /// the run's first purges every tag; otherwise a summary event whose step is below the last
    /// summary step purges its own tags. Either way, points with a step >= the event's go.
    private mutating func maybePurge(
        _ event: Event, values: [MigratedValue]?, index: Int, into queue: inout [LogdirReader.Item]
    ) {
        let purge: LogdirReader.Purge
        if let version = run.fileVersion, version >= 2 {
            guard case .sessionLog(let log) = event.what, log.status == .start else { return }
            guard seenSessionStart else {
                // The run's first START is its initial start, not a restart.
                seenSessionStart = true
                return
            }
            purge = .init(
                run: run.id, step: event.step, series: nil, wallTime: event.wallTime, reason: .sessionRestart,
                eventIndex: index)
        } else {
            guard let values, event.step < mostRecentStep else { return }
            // `_Purge(by_tags=True)` looks the value tags up (not node names).
            var ids: [Int] = []
            for value in values {
                if let id = seriesByTag[value.tag], !ids.contains(id) { ids.append(id) }
            }
            guard !ids.isEmpty else { return }
            purge = .init(
                run: run.id, step: event.step, series: ids, wallTime: event.wallTime, reason: .stepWentBack,
                eventIndex: index)
        }
        if !isReplay {
            purges.append(purge)
            queue.append(.purge(purge))
        }
    }

    private static func runEventKind(_ what: Event.What?) -> LogdirReader.RunEvent.Kind? {
        switch what {
        case .fileVersion(let version): .fileVersion(version)
        case .sessionLog(let log): .sessionLog(log)
        case .logMessage(let message): .logMessage(message)
        case .graphDef(let graph): .graphDef(byteCount: graph.count)
        case .metaGraphDef(let graph): .metaGraphDef(byteCount: graph.count)
        case .summary, .taggedRunMetadata, nil: nil
        }
    }

    // MARK: Series

    /// The series for `tag`, created (and announced) when new; `nil` only in a replay.
    private mutating func series(tag: String, into queue: inout [LogdirReader.Item]) -> Int? {
        if let id = seriesByTag[tag] { return id }
        guard !isReplay else { return nil }
        let id = table.all.count
        let series = LogdirReader.Series(id: id, run: run.id, tag: tag)
        table.all.append(series)
        seriesByTag[tag] = id
        queue.append(.series(series))
        return id
    }

    /// Keeps a tag's first metadata in the run and ignores any later one.
    private mutating func recordMetadata(_ metadata: SummaryMetadata, tag: String, into queue: inout [LogdirReader.Item]) {
        guard !isReplay else { return }
        if let id = seriesByTag[tag] {
            guard table.all[id].metadata == nil else { return }
            Self.describe(&table.all[id], with: metadata)
            queue.append(.series(table.all[id]))
        } else {
            let id = table.all.count
            var series = LogdirReader.Series(id: id, run: run.id, tag: tag)
            Self.describe(&series, with: metadata)
            table.all.append(series)
            seriesByTag[tag] = id
            queue.append(.series(series))
        }
    }

    private static func describe(_ series: inout LogdirReader.Series, with metadata: SummaryMetadata) {
        series.metadata = metadata
        series.kind = kind(of: metadata)
        if series.kind == .hparams {
            series.hparams = PluginContentCodec.decodeHParams(metadata.pluginData?.content ?? [])
        }
    }

    /// The plugin that shows a series: TensorBoard's plugins list series by plugin name and data class.
    static func kind(of metadata: SummaryMetadata) -> LogdirReader.Series.Kind {
        switch (metadata.pluginData?.pluginName ?? "", metadata.dataClass) {
        case ("scalars", .scalar): .scalars
        case ("images", .blobSequence): .images
        case ("audio", .blobSequence): .audio
        case ("histograms", .tensor): .histograms
        case ("text", .tensor): .text
        case ("pr_curves", .tensor): .prCurves
        case ("hparams", _): .hparams
        default: .other
        }
    }
}
