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
    /// What the run knows about a tag: TensorBoard's `summary_metadata` and `tensors_by_tag` keys.
    struct SeriesEntry {
        var id: Int
        var hasMetadata: Bool
        var kind: LogdirReader.Series.Kind
    }

    private(set) var run: LogdirReader.Run
    private let table: SeriesTable
    private(set) var seriesByTag: [String: SeriesEntry]
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
        case .summary(let summary):
            begin(event, summary: summary, into: &queue)
            for index in summary.values.indices {
                processValue(
                    summary.values[index], step: event.step, wallTime: event.wallTime, compat: &compat,
                    location: location, into: &queue)
            }
        case .graphDef(let graph):
            // The graph event is kept, and a summary event carrying it follows (`_migrate_graph_event`).
            begin(event, summary: nil, into: &queue)
            processConverted(
                tag: "__run_graph__", plugin: "graphs", bytes: graph, step: event.step, wallTime: event.wallTime,
                into: &queue)
        case .taggedRunMetadata(let tagged):
            // Replaced by a summary event (`_migrate_tagged_run_metadata_event`).
            if !isReplay {
                queue.append(
                    .runEvent(
                        .init(
                            run: run.id, step: event.step, wallTime: event.wallTime,
                            kind: .taggedRunMetadata(tag: tagged.tag, byteCount: tagged.runMetadata.count))))
            }
            processConverted(
                tag: tagged.tag, plugin: "graph_tagged_run_metadata", bytes: tagged.runMetadata, step: event.step,
                wallTime: event.wallTime, into: &queue)
        default:
            begin(event, summary: nil, into: &queue)
        }
    }

    /// The fast path for a record holding one scalar of a tag the run already knows (see
    /// ``ScalarRecordParser`` and ``TagCache``): the same state changes and the same point as
    /// ``process(_:compat:location:into:)`` would make, without building an ``Event``. Returns
    /// `false`, changing nothing, when the record needs the full path (it may purge).
    @inline(__always)
    mutating func processFastScalar(
        _ view: ScalarRecordView, series: Int, into queue: inout [LogdirReader.Item]
    ) -> Bool {
        guard run.firstEventWallTime != nil else { return false }
        if let version = run.fileVersion, version >= 2 {
            // Only session starts purge; a summary event never does.
        } else if view.step < mostRecentStep {
            return false
        }
        eventCount += 1
        mostRecentStep = view.step
        queue.append(
            .point(.init(series: series, step: view.step, wallTime: view.wallTime, value: .scalar(Double(view.value)))))
        return true
    }

    /// The series id of `tag` when its later scalar records in the file `compat` belongs to may take
    /// the fast path: the series has its metadata, shows as `scalars`, and the file keeps its data.
    func fastScalarSeries(tag: String, compat: DataClassCompat) -> Int? {
        guard !isReplay, let entry = seriesByTag[tag], entry.hasMetadata, entry.kind == .scalars,
            let rule = compat.knownRule(for: tag), rule.keepsData
        else { return nil }
        return entry.id
    }

    /// A summary event TensorBoard makes of a graph or of tagged run metadata: one value holding
    /// the bytes as a `[1]` string tensor, with blob-sequence metadata (never per-file converted).
    private mutating func processConverted(
        tag: String, plugin: String, bytes: [UInt8], step: Int64, wallTime: Double,
        into queue: inout [LogdirReader.Item]
    ) {
        let event = Event(
            wallTime: wallTime, step: step, what: .summary(Summary(values: [.init(tag: tag, content: nil)])))
        begin(event, summary: Summary(values: [.init(tag: tag, content: nil)]), into: &queue)
        recordMetadata(
            SummaryMetadata(pluginData: .init(pluginName: plugin), dataClass: .blobSequence), tag: tag, into: &queue)
        guard let entry = series(tag: tag, into: &queue) else { return }
        let value = PointDecoder.value(.strings(shape: [1], values: [bytes]), kind: entry.kind)
        queue.append(.point(.init(series: entry.id, step: step, wallTime: wallTime, value: value)))
    }

    /// The part of `EventAccumulator._ProcessEvent` before the values: the run's first wall time,
    /// source writer and file version, the purge check, and the last summary step.
    private mutating func begin(_ event: Event, summary: Summary?, into queue: inout [LogdirReader.Item]) {
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
        switch event.what {
        case .fileVersion(let version):
            let parsed = FileVersion.parse(version)
            if !(run.fileVersion.map { $0 == parsed || ($0.isNaN && parsed.isNaN) } ?? false) {
                run.fileVersion = parsed
                runChanged = true
            }
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

        maybePurge(event, summary: summary, index: index, into: &queue)
        if summary != nil { mostRecentStep = event.step }

        if !isReplay, let kind = Self.runEventKind(event.what) {
            queue.append(.runEvent(.init(run: run.id, step: event.step, wallTime: event.wallTime, kind: kind)))
        }
    }

    /// `_MaybePurgeOrphanedData`: with a file version of 2 or more, a `SessionLog` `START` after
    /// the run's first purges every tag; otherwise a summary event whose step is below the last
    /// summary step purges its own tags. Either way, points with a step >= the event's go.
    private mutating func maybePurge(
        _ event: Event, summary: Summary?, index: Int, into queue: inout [LogdirReader.Item]
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
            guard let summary, event.step < mostRecentStep else { return }
            // `_Purge(by_tags=True)` looks the value tags up (not node names).
            var ids: [Int] = []
            for value in summary.values {
                if let id = seriesByTag[value.tag]?.id, !ids.contains(id) { ids.append(id) }
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

    /// One summary value: converted (`data_compat`, then the file's `dataclass_compat` rule), its
    /// metadata kept if it is the tag's first, and its tensor stored as a point.
    private mutating func processValue(
        _ value: Summary.Value, step: Int64, wallTime: Double, compat: inout DataClassCompat,
        location: RecordLocation, into queue: inout [LogdirReader.Item]
    ) {
        let isLegacy = DataCompat.isLegacy(value.content)
        let rule = compat.rule(for: value.tag) { DataCompat.metadata(of: value) }
        if isLegacy || value.metadata != nil, !isReplay, seriesByTag[value.tag]?.hasMetadata != true,
            var metadata = DataCompat.metadata(of: value)
        {
            DataClassCompat.applyDataClass(rule, to: &metadata)
            recordMetadata(metadata, tag: value.tag, into: &queue)
        }
        // A tensor value with no tag is stored under its node name; legacy values lost theirs.
        let tag = value.tag.isEmpty && !isLegacy ? value.nodeName : value.tag
        let decoded: LogdirReader.Point.Value
        switch value.content {
        case .tensor(let tensor) where rule.keepsData:
            guard let entry = series(tag: tag, into: &queue) else { return }
            decoded = PointDecoder.value(tensor, kind: entry.kind)
            queue.append(.point(.init(series: entry.id, step: step, wallTime: wallTime, value: decoded)))
        case .simpleValue(let number) where rule.keepsData:
            guard let entry = series(tag: tag, into: &queue) else { return }
            decoded = PointDecoder.value(.float32(number), kind: entry.kind)
            queue.append(.point(.init(series: entry.id, step: step, wallTime: wallTime, value: decoded)))
        default:
            let (converted, failure) = DataCompat.data(of: value)
            if let failure, !isReplay {
                queue.append(
                    .problem(
                        .init(
                            kind: .decode, path: location.path, run: run.id, offset: location.offset,
                            message: "tag \(value.tag): \(failure)")))
            }
            guard let data = DataClassCompat.transform(converted, rule), let entry = series(tag: tag, into: &queue)
            else { return }
            decoded = PointDecoder.value(data, kind: entry.kind)
            queue.append(.point(.init(series: entry.id, step: step, wallTime: wallTime, value: decoded)))
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
    private mutating func series(tag: String, into queue: inout [LogdirReader.Item]) -> SeriesEntry? {
        if let entry = seriesByTag[tag] { return entry }
        guard !isReplay else { return nil }
        let entry = SeriesEntry(id: table.all.count, hasMetadata: false, kind: .other)
        let series = LogdirReader.Series(id: entry.id, run: run.id, tag: tag)
        table.all.append(series)
        seriesByTag[tag] = entry
        queue.append(.series(series))
        return entry
    }

    /// Keeps a tag's first metadata in the run and ignores any later one.
    private mutating func recordMetadata(
        _ metadata: SummaryMetadata, tag: String, into queue: inout [LogdirReader.Item]
    ) {
        guard !isReplay, seriesByTag[tag]?.hasMetadata != true else { return }
        var series: LogdirReader.Series
        if let entry = seriesByTag[tag] {
            series = table.all[entry.id]
        } else {
            series = LogdirReader.Series(id: table.all.count, run: run.id, tag: tag)
            table.all.append(series)
        }
        series.metadata = metadata
        series.kind = Self.kind(of: metadata)
        if series.kind == .hparams {
            series.hparams = PluginContentCodec.decodeHParams(metadata.pluginData?.content ?? [])
        }
        table.all[series.id] = series
        seriesByTag[tag] = SeriesEntry(id: series.id, hasMetadata: true, kind: series.kind)
        queue.append(.series(series))
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
