/// Where a record came from, for problem reports.
struct RecordLocation {
    var path: String
    var offset: Int64
}

/// One run as TensorBoard's Python loader (`plugin_event_accumulator.EventAccumulator`, with
/// `purge_orphaned_data=True`) sees it, fed one decoded event at a time. This is the one owner of
/// what a series is, which metadata it has, how values are decoded and which points a restart
/// drops.
///
/// It keeps no points: only what the loader's rules depend on (the file version, whether a
/// session start was seen, the last summary step, each tag's first metadata), so memory does not
/// grow with the number of points.
struct RunProcessor {
    /// What the run knows about a tag: TensorBoard's `summary_metadata` and `tensors_by_tag` keys.
    struct SeriesEntry {
        var id: Int
        var hasMetadata: Bool
        var kind: Series.Kind
        /// Whether points were yielded while the series had no metadata (raw tensors), so that
        /// metadata arriving later must rewind them.
        var hasRawPoints = false
    }

    /// How a processor treats what it reads.
    enum Mode {
        /// Reads as TensorBoard does and reports everything.
        case normal
        /// Reads a run again from its start to recompute points: creates no series and reports
        /// nothing but points (``RunLoader/replay(_:final:_:)``).
        case replay
        /// Reads a run again with the series (and their final metadata) an earlier reading found:
        /// announces each series, with its final metadata, where it first appears, so that points
        /// are decoded right from the start (``RunReader``'s second pass).
        case seeded
    }

    private(set) var run: Run
    /// The series, by ``Series/id``.
    private(set) var series: [Series] = []
    private(set) var seriesByTag: [String: SeriesEntry] = [:]
    private var seenSessionStart = false
    private var mostRecentStep: Int64 = -1
    /// Events processed so far, counting each event the compat layer makes of a record.
    private(set) var eventCount = 0
    /// Every restart and step-went-back rewind so far, in order (few: one per writer restart).
    private(set) var purges: [Rewind] = []
    /// Points yielded so far (or counted, when ``emitsPoints`` is off).
    private(set) var pointCount = 0
    /// Whether points are put in the queue. A reading that only needs to know where purges are
    /// (``RunReader``'s first pass) turns it off: points are then only counted, and each purge
    /// says how many came before it (``Rewind/pointsBefore``).
    var emitsPoints = true
    let mode: Mode
    /// For ``Mode/seeded``: which series have been announced.
    private var announced: [Bool] = []

    init(run: Run) {
        self.run = run
        self.mode = .normal
    }

    /// A processor that holds nothing, for the moment a loader's own is moved out to work on.
    static let placeholder = RunProcessor(run: Run(name: "", path: ""))

    /// A processor that reads `other`'s run again from its start (``Mode/replay`` or ``Mode/seeded``),
    /// with its series.
    init(rereading other: RunProcessor, mode: Mode) {
        self.run = Run(name: other.run.name, path: other.run.path)
        self.series = other.series
        self.seriesByTag = other.seriesByTag
        self.mode = mode
        self.announced = Array(repeating: false, count: other.series.count)
    }

    private var reports: Bool { mode != .replay }

    // MARK: Events

    /// Processes one event read from a file of the run, appending what it yields to `queue`.
    ///
    /// This follows `event_file_loader.EventFileLoader.Load` (`data_compat.migrate_event`, then
    /// `dataclass_compat.migrate_event` with the file's own first-metadata table), then
    /// `EventAccumulator._ProcessEvent` for each event that results.
    mutating func process(
        _ event: Event, compat: inout DataClassCompat, location: RecordLocation, into queue: inout RawBatch
    ) {
        switch event.what {
        case .summary(let summary):
            begin(event, summary: summary, location: location, into: &queue)
            for index in summary.values.indices {
                processValue(
                    summary.values[index], step: event.step, wallTime: event.wallTime, compat: &compat,
                    location: location, into: &queue)
            }
        case .graphDef(let graph):
            // The graph event is kept, and a summary event carrying it follows (`_migrate_graph_event`).
            begin(event, summary: nil, location: location, into: &queue)
            processConverted(
                tag: "__run_graph__", plugin: "graphs", bytes: graph, step: event.step, wallTime: event.wallTime,
                into: &queue)
        case .taggedRunMetadata(let tagged):
            // Replaced by a summary event (`_migrate_tagged_run_metadata_event`).
            processConverted(
                tag: tagged.tag, plugin: "graph_tagged_run_metadata", bytes: tagged.runMetadata, step: event.step,
                wallTime: event.wallTime, into: &queue)
        default:
            begin(event, summary: nil, location: location, into: &queue)
        }
    }

    /// The fast path for a record holding one scalar of a tag the run already knows (see
    /// ``ScalarRecordParser`` and ``TagCache``): the same state changes and the same point as
    /// ``process(_:compat:location:into:)`` would make, without building an ``Event``. Returns
    /// `false`, changing nothing, when the record needs the full path (it may purge).
    @inline(__always)
    mutating func processFastScalar(_ point: ScalarPoint, into queue: inout RawBatch) -> Bool {
        guard run.firstEventWallTime != nil else { return false }
        if let version = run.fileVersion, version >= 2 {
            // Only session starts purge; a summary event never does.
        } else if point.step < mostRecentStep {
            return false
        }
        eventCount += 1
        mostRecentStep = point.step
        pointCount += 1
        if emitsPoints { queue.append(point) }
        return true
    }

    /// The series id of `tag` when its later scalar records in the file `compat` belongs to may take
    /// the fast path: the series has its metadata, shows as `scalars`, and the file keeps its data.
    func fastScalarSeries(tag: String, compat: DataClassCompat) -> Int? {
        guard mode != .replay, let entry = seriesByTag[tag], entry.hasMetadata, entry.kind == .scalars,
            let rule = compat.knownRule(for: tag), rule.keepsData
        else { return nil }
        if mode == .seeded && !announced[entry.id] { return nil }
        return entry.id
    }

    /// A summary event TensorBoard makes of a graph or of tagged run metadata: one value holding
    /// the bytes as a `[1]` string tensor, with blob-sequence metadata (never per-file converted).
    private mutating func processConverted(
        tag: String, plugin: String, bytes: [UInt8], step: Int64, wallTime: Double,
        into queue: inout RawBatch
    ) {
        let summary = Summary(values: [.init(tag: tag, content: nil)])
        begin(
            Event(wallTime: wallTime, step: step, what: .summary(summary)), summary: summary, location: nil,
            into: &queue)
        recordMetadata(
            SummaryMetadata(pluginData: .init(pluginName: plugin), dataClass: .blobSequence), tag: tag, into: &queue)
        guard let entry = series(tag: tag, into: &queue) else { return }
        yieldPoint(
            series: entry.id, step: step, wallTime: wallTime, data: .strings(shape: [1], values: [bytes]),
            kind: entry.kind, into: &queue)
    }

    /// The part of `EventAccumulator._ProcessEvent` before the values: the run's first wall time,
    /// source writer and file version, the purge check, and the last summary step.
    private mutating func begin(
        _ event: Event, summary: Summary?, location: RecordLocation?, into queue: inout RawBatch
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
        if runChanged && reports { queue.append(.run(run)) }

        maybePurge(event, summary: summary, index: index, location: location, into: &queue)
        if summary != nil { mostRecentStep = event.step }
    }

    /// `_MaybePurgeOrphanedData`: with a file version of 2 or more, a `SessionLog` `START` after
    /// the run's first purges every tag; otherwise a summary event whose step is below the last
    /// summary step purges its own tags. Either way, points with a step >= the event's go.
    private mutating func maybePurge(
        _ event: Event, summary: Summary?, index: Int, location: RecordLocation?, into queue: inout RawBatch
    ) {
        let purge: Rewind
        if let version = run.fileVersion, version >= 2 {
            guard case .sessionLog(let log) = event.what, log.status == .start else { return }
            guard seenSessionStart else {
                // The run's first START is its initial start, not a restart.
                seenSessionStart = true
                return
            }
            purge = Rewind(
                run: run.name, series: nil, step: event.step, reason: .restart, wallTime: event.wallTime,
                path: location?.path, offset: location?.offset, eventIndex: index, pointsBefore: pointCount)
        } else {
            guard let summary, event.step < mostRecentStep else { return }
            // `_Purge(by_tags=True)` looks the value tags up (not node names).
            var ids: [Int] = []
            for value in summary.values {
                if let id = seriesByTag[value.tag]?.id, !ids.contains(id) { ids.append(id) }
            }
            guard !ids.isEmpty else { return }
            purge = Rewind(
                run: run.name, series: ids, step: event.step, reason: .stepWentBack, wallTime: event.wallTime,
                path: location?.path, offset: location?.offset, eventIndex: index, pointsBefore: pointCount)
        }
        if reports {
            purges.append(purge)
            queue.append(.rewind(purge))
        }
    }

    /// One summary value: converted (`data_compat`, then the file's `dataclass_compat` rule), its
    /// metadata kept if it is the tag's first, and its tensor stored as a point.
    private mutating func processValue(
        _ value: Summary.Value, step: Int64, wallTime: Double, compat: inout DataClassCompat,
        location: RecordLocation, into queue: inout RawBatch
    ) {
        let isLegacy = DataCompat.isLegacy(value.content)
        let rule = compat.rule(for: value.tag) { DataCompat.metadata(of: value) }
        if mode == .seeded, let entry = seriesByTag[value.tag], !announced[entry.id] {
            // Announced where the first reading first knew it, or earlier: before any point.
            announced[entry.id] = true
            queue.append(.series(series[entry.id]))
            takeHParams(of: series[entry.id], into: &queue)
        }
        if isLegacy || value.metadata != nil, mode == .normal, seriesByTag[value.tag]?.hasMetadata != true,
            var metadata = DataCompat.metadata(of: value)
        {
            DataClassCompat.applyDataClass(rule, to: &metadata)
            recordMetadata(
                metadata, tag: value.tag, eventIndex: eventCount - 1, wallTime: wallTime, location: location,
                into: &queue)
        }
        // A tensor value with no tag is stored under its node name; legacy values lost theirs.
        let tag = value.tag.isEmpty && !isLegacy ? value.nodeName : value.tag
        let data: ValueData
        switch value.content {
        case .tensor(let tensor) where rule.keepsData:
            data = .tensor(tensor)
        case .simpleValue(let number) where rule.keepsData:
            data = .float32(number)
        default:
            let (converted, failure) = DataCompat.data(of: value)
            if let failure, reports {
                queue.append(
                    .problem(
                        ReadProblem(
                            kind: .decode, path: location.path, run: run.name, offset: location.offset,
                            message: "tag \(value.tag): \(failure)")))
            }
            guard let transformed = DataClassCompat.transform(converted, rule) else { return }
            data = transformed
        }
        guard let entry = series(tag: tag, into: &queue) else { return }
        if !entry.hasMetadata && mode == .normal { seriesByTag[tag]?.hasRawPoints = true }
        yieldPoint(series: entry.id, step: step, wallTime: wallTime, data: data, kind: entry.kind, into: &queue)
    }

    /// Yields a point of a value, decoded as its series' kind reads it, or only counts it.
    private mutating func yieldPoint(
        series: Int, step: Int64, wallTime: Double, data: ValueData, kind: Series.Kind, into queue: inout RawBatch
    ) {
        pointCount += 1
        guard emitsPoints else { return }
        queue.append(
            .point(Point(series: series, step: step, wallTime: wallTime, value: PointDecoder.value(data, kind: kind))))
    }

    // MARK: Series

    /// The series for `tag`, created (and announced) when new; `nil` only in a replay.
    private mutating func series(tag: String, into queue: inout RawBatch) -> SeriesEntry? {
        if let entry = seriesByTag[tag] {
            if mode == .seeded && !announced[entry.id] {
                announced[entry.id] = true
                queue.append(.series(series[entry.id]))
                takeHParams(of: series[entry.id], into: &queue)
            }
            return entry
        }
        guard mode != .replay else { return nil }
        let entry = SeriesEntry(id: series.count, hasMetadata: false, kind: .other)
        let new = Series(id: entry.id, run: run.name, tag: tag)
        series.append(new)
        announced.append(true)
        seriesByTag[tag] = entry
        queue.append(.series(new))
        return entry
    }

    /// The run's hyperparameters, from the first hparams series with a session start that has any.
    private mutating func takeHParams(of series: Series, into queue: inout RawBatch) {
        guard series.kind == .hparams, run.hparams.isEmpty,
            case .sessionStartInfo(let info)? = PluginContentCodec.decodeHParams(
                series.metadata?.pluginData?.content ?? [])?.content, !info.hparams.isEmpty
        else { return }
        run.hparams = info.hparams
        queue.append(.run(run))
    }

    /// Keeps a tag's first metadata in the run and ignores any later one.
    private mutating func recordMetadata(
        _ metadata: SummaryMetadata, tag: String, eventIndex: Int? = nil, wallTime: Double = 0,
        location: RecordLocation? = nil, into queue: inout RawBatch
    ) {
        guard mode == .normal else {
            // A seeded reading knows every series' final metadata already; announce it here.
            if mode == .seeded { _ = series(tag: tag, into: &queue) }
            return
        }
        let earlier = seriesByTag[tag]
        guard earlier?.hasMetadata != true else { return }
        var updated: Series
        if let earlier {
            updated = series[earlier.id]
        } else {
            updated = Series(id: series.count, run: run.name, tag: tag)
            series.append(updated)
            announced.append(true)
        }
        updated.metadata = metadata
        updated.kind = Series.Kind(metadata)
        series[updated.id] = updated
        seriesByTag[tag] = SeriesEntry(id: updated.id, hasMetadata: true, kind: updated.kind)
        queue.append(.series(updated))
        takeHParams(of: updated, into: &queue)
        if let earlier, earlier.hasRawPoints {
            // Points read before the metadata were raw tensors: they must be read again as the
            // series' plugin reads them, as TensorBoard decodes at read time.
            queue.append(
                .rewind(
                    Rewind(
                        run: run.name, series: [updated.id], step: .min, reason: .metadata, wallTime: wallTime,
                        path: location?.path, offset: location?.offset, eventIndex: eventIndex ?? eventCount,
                        pointsBefore: pointCount)))
        }
    }
}
