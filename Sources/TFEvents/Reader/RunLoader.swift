/// Reads one run's event files in order, as TensorBoard's `DirectoryWatcher` does.
///
/// Files are read one at a time in name order. The loader moves to the next name only once the
/// current file has nothing more to give, and never goes back: data added to a file it has
/// finished with, or a new file whose name sorts before the current one, is reported as
/// `late_write` and otherwise ignored, as TensorBoard ignores it. Before moving on, the current file
/// is read once more as complete, so an incomplete record at its end is reported (it can never be
/// finished now) and good records after damage are still found.
final class RunLoader {
    private(set) var processor: RunProcessor
    /// The readable event files from the latest listing, in name order.
    private var files: [LogdirScanner.File] = []
    private var current: EventFileLoader?
    /// Tags of the current file whose scalar records take the fast path (see ``TagCache``).
    private var tagCache = TagCache()
    /// Set after the current file ran dry while a later file exists: one more read, as complete.
    private var finishing = false
    /// Files finished with, in order, and their sizes when the loader moved on.
    private var finished: [(path: String, name: String, size: Int64)] = []
    private var reportedLateWrites: Set<String> = []

    /// How many files before the current one are checked for late writes (as in TensorBoard).
    static let lateWriteCheckCount = 20

    /// Whether scalar records may take the fast path; tests turn it off to compare with the
    /// reference path.
    let usesFastPath: Bool

    init(processor: RunProcessor, usesFastPath: Bool = true) {
        self.processor = processor
        self.usesFastPath = usesFastPath
    }

    var run: LogdirReader.Run { processor.run }

    /// Takes the run's files from a new listing.
    func update(files: [LogdirScanner.File]) {
        self.files = files
    }

    /// Reads up to ``batchSize`` records (or moves to the next file) and appends what they yield
    /// to `queue`. Returns `false` when the run has nothing more to give now.
    func advance(final: Bool, into queue: inout [LogdirReader.Item]) -> Bool {
        if current == nil {
            guard let first = files.first else { return false }
            current = EventFileLoader(path: first.path, name: first.name, run: run.id)
            current?.usesFastDecoder = usesFastPath
        }
        guard let current else { return false }
        let runID = run.id
        // Up to a batch of records per call, so the per-call work is shared by many records. The
        // fast path works on local copies: a class's stored properties would cost a dynamic
        // exclusivity check on every access.
        let cache = tagCache
        let fastPathOn = usesFastPath
        var fastProcessor = processor
        var fastTaken = false
        defer { if fastTaken { processor = fastProcessor } }
        for _ in 0..<Self.batchSize {
            let outcome = current.next(
                final: final || finishing, problems: { queue.append(.problem($0)) },
                fast: { payload in
                    guard fastPathOn, let view = ScalarRecordParser.parse(payload), let series = cache.series(for: view.tag),
                        fastProcessor.processFastScalar(view, series: series, into: &queue)
                    else { return false }
                    fastTaken = true
                    return true
                })
            guard let outcome else { break }
            if case .event(let event, let offset) = outcome {
                if fastTaken {
                    processor = fastProcessor
                    fastTaken = false
                }
                processor.process(
                    event, compat: &current.compat, location: RecordLocation(path: current.path, offset: offset),
                    into: &queue)
                learnFastTags(from: event, compat: current.compat)
                return true
            }
        }
        if !queue.isEmpty { return true }
        let name = current.name
        guard let next = nextFile(after: name, runID: runID, into: &queue) else {
            finishing = false
            current.suspend()
            return false
        }
        if !finishing {
            finishing = true
            return true
        }
        finishing = false
        let size = (try? FileSystem.status(current.path).size) ?? current.offset
        finished.append((current.path, name, size))
        current.suspend()
        self.current = EventFileLoader(path: next.path, name: next.name, run: runID)
        self.current?.usesFastDecoder = usesFastPath
        tagCache = TagCache()
        return true
    }

    /// Records handled per ``advance(final:into:)`` call at most.
    static let batchSize = 256

    /// Enters the tags of a summary event that the fast path may take from now on in this file.
    private func learnFastTags(from event: Event, compat: DataClassCompat) {
        guard let summary = event.summary else { return }
        for value in summary.values where !value.tag.isEmpty {
            guard let id = processor.fastScalarSeries(tag: value.tag, compat: compat) else { continue }
            tagCache.insert(Array(value.tag.utf8), series: id)
        }
    }

    /// The first file whose name sorts after `name`, after reporting late writes to the files before it.
    private func nextFile(
        after name: String, runID: Int, into queue: inout [LogdirReader.Item]
    ) -> LogdirScanner.File? {
        let position = files.firstIndex { !LogdirScanner.byteOrder($0.name, name) } ?? files.count
        for file in files[max(0, position - Self.lateWriteCheckCount)..<position]
        where !reportedLateWrites.contains(file.path) {
            let finishedSize = finished.last { $0.path == file.path }?.size
            guard file.size != finishedSize else { continue }
            reportedLateWrites.insert(file.path)
            let message =
                finishedSize == nil
                ? "this file appeared after \(name), which sorts after it; TensorBoard never reads it, "
                    + "and neither does this reader"
                : "this file grew after the run moved on to \(name); TensorBoard ignores the new data, "
                    + "and so does this reader"
            queue.append(.problem(.init(kind: .lateWrite, path: file.path, run: runID, message: message)))
        }
        return files.first { LogdirScanner.byteOrder(name, $0.name) }
    }

    /// Calls `body` with every point of the run that came before the event that caused `purge` and
    /// that no purge up to and including it drops, by reading the run again from its start.
    func replaySurvivingPoints<E: Error>(
        before purge: LogdirReader.Purge, final: Bool, _ body: (LogdirReader.Point) throws(E) -> Void
    ) throws(E) {
        let purges = processor.purges.filter { $0.eventIndex <= purge.eventIndex }
        var replay = RunProcessor(replaying: processor)
        var queue: [LogdirReader.Item] = []
        var files = finished.map { (path: $0.path, name: $0.name) }
        if let current { files.append((current.path, current.name)) }
        for (index, (path, name)) in files.enumerated() {
            let loader = EventFileLoader(path: path, name: name, run: run.id)
            let isFinished = index < finished.count
            while replay.eventCount < purge.eventIndex,
                let (event, offset) = loader.next(final: isFinished || final, problems: { _ in })
            {
                replay.process(
                    event, compat: &loader.compat, location: RecordLocation(path: path, offset: offset), into: &queue)
                // Only the last event made of a record carries points.
                let pointIndex = replay.eventCount - 1
                for item in queue {
                    guard case .point(let point) = item, pointIndex < purge.eventIndex else { continue }
                    let dropped = purges.contains { $0.eventIndex > pointIndex && $0.drops(point) }
                    if !dropped { try body(point) }
                }
                queue.removeAll(keepingCapacity: true)
            }
            loader.suspend()
            if replay.eventCount >= purge.eventIndex { break }
        }
    }
}
