/// Reads one run's event files in order, as TensorBoard's `DirectoryWatcher` does, and feeds their
/// events to the run's ``RunProcessor``.
///
/// Files are read one at a time in name order. The loader moves to the next name only once the
/// current file has nothing more to give, and never goes back: data added to a file it has
/// finished with, or a new file whose name sorts before the current one, is reported as
/// `late_write` and otherwise ignored, as TensorBoard ignores it. Before moving on, the current file
/// is read once more as complete, so an incomplete record at its end is reported (it can never be
/// finished now) and good records after damage are still found.
final class RunLoader {
    private(set) var processor: RunProcessor
    let source: any ByteSource
    /// The readable event files from the latest listing, in name order.
    private var files: [LogdirListing.File] = []
    private var current: EventFileReader?
    /// Set after the current file ran dry while a later file exists: one more read, as complete.
    private var finishing = false
    /// Files finished with, in order, with their sizes when the loader moved on and how far they
    /// were read.
    private var finished: [(path: String, name: String, size: Int64, end: Int64)] = []
    private var reportedLateWrites: Set<String> = []
    /// For a second reading of the same bytes: where each file ends.
    private let ends: [String: Int64]?

    /// How many files before the current one are checked for late writes (as in TensorBoard).
    static let lateWriteCheckCount = 20

    /// Whether scalar records may take the fast path; tests turn it off to compare with the
    /// reference path.
    let usesFastPath: Bool
    /// How large files may be read in parallel chunks (see ``ChunkPipeline``); `nil`: never.
    let chunking: ChunkPlan?

    init(run: Run, source: any ByteSource, usesFastPath: Bool = true, chunking: ChunkPlan? = nil) {
        self.processor = RunProcessor(run: run)
        self.source = source
        self.usesFastPath = usesFastPath
        self.chunking = chunking
        self.ends = nil
    }

    /// A loader that reads exactly what `other` has read so far, again, knowing the series (and
    /// their final metadata) `other` found (see ``RunProcessor/Mode/seeded``).
    init(rereading other: RunLoader) {
        self.processor = RunProcessor(rereading: other.processor, mode: .seeded)
        self.source = other.source
        self.usesFastPath = other.usesFastPath
        self.chunking = other.chunking
        self.files = other.files
        self.ends = other.readEnds
    }

    var run: Run { processor.run }

    /// Whether points are yielded or only counted (see ``RunProcessor/emitsPoints``).
    var emitsPoints: Bool {
        get { processor.emitsPoints }
        set { processor.emitsPoints = newValue }
    }

    /// The series found so far, by ``Series/id``.
    var series: [Series] { processor.series }

    /// How far each file has been read, by path.
    var readEnds: [String: Int64] {
        var ends = Dictionary(finished.map { ($0.path, $0.end) }, uniquingKeysWith: { _, last in last })
        if let current { ends[current.path] = current.knownSize }
        return ends
    }

    /// Takes the run's files from a new listing.
    func update(files: [LogdirListing.File]) {
        self.files = files.filter { !$0.isPlaceholder }
    }

    private func reader(for file: LogdirListing.File) -> EventFileReader {
        let reader = EventFileReader(
            path: file.path, source: source, run: processor.run.name, end: ends.map { $0[file.path] ?? 0 })
        reader.usesFastPaths = usesFastPath
        reader.chunking = chunking
        reader.listedSize = file.size
        return reader
    }

    /// Reads up to ``batchSize`` records (or moves to the next file) and appends what they yield
    /// to `queue`. Returns `false` when the run has nothing more to give now.
    func advance(final: Bool, into queue: inout [RawItem]) -> Bool {
        var batch = RawBatch()
        let more = advance(final: final, into: &batch)
        queue += batch.rawItems
        return more
    }

    /// Reads up to ``batchSize`` records (or moves to the next file) and appends what they yield
    /// to `batch`. Returns `false` when the run has nothing more to give now.
    func advance(final: Bool, into batch: inout RawBatch) -> Bool {
        let queued = batch.count
        if current == nil {
            guard let first = files.first else { return false }
            current = reader(for: first)
        }
        guard let current else { return false }
        // Up to a batch of records per call, so the per-call work is shared by many records. The
        // fast path works on the processor and the batch moved into a local sink (moved, not
        // copied, so that their arrays stay uniquely referenced): a class's stored properties
        // would cost a dynamic exclusivity check on every access.
        var sink = Sink(processor: .placeholder, batch: RawBatch())
        swap(&sink.processor, &processor)
        swap(&sink.batch, &batch)
        let outcome = current.next(final: final || finishing, limit: Self.batchSize, into: &sink)
        swap(&sink.processor, &processor)
        swap(&sink.batch, &batch)
        if case .event(let event, let offset)? = outcome {
            processor.process(
                event, compat: &current.compat, location: RecordLocation(path: current.path, offset: offset),
                into: &batch)
            learnFastTags(from: event, reader: current)
            return true
        }
        // Records were read (their points may only have been counted): more may follow.
        if outcome != nil || batch.count > queued { return true }
        let name = current.name
        guard let next = nextFile(after: name, into: &batch) else {
            finishing = false
            current.suspend()
            return false
        }
        if !finishing {
            finishing = true
            return true
        }
        finishing = false
        let size = (try? source.size(of: current.path)) ?? current.offset
        finished.append((current.path, name, size, current.knownSize))
        current.suspend()
        self.current = reader(for: next)
        return true
    }

    /// What the fast path of ``advance(final:into:)`` works on.
    private struct Sink: EventFileReader.Sink {
        var processor: RunProcessor
        var batch: RawBatch

        @inline(__always)
        mutating func take(_ point: ScalarPoint) -> Bool {
            processor.processFastScalar(point, into: &batch)
        }

        mutating func report(_ problem: ReadProblem) {
            batch.append(.problem(problem))
        }
    }

    /// Records handled per ``advance(final:into:)`` call at most.
    static let batchSize = 256

    /// Enters the tags of a summary event that the fast path may take from now on in `reader`'s file.
    private func learnFastTags(from event: Event, reader: EventFileReader) {
        guard usesFastPath, let summary = event.summary else { return }
        for value in summary.values where !value.tag.isEmpty {
            guard let id = processor.fastScalarSeries(tag: value.tag, compat: reader.compat) else { continue }
            reader.learnFastTag(value.tag, series: id)
        }
    }

    /// The first file whose name sorts after `name`, after reporting late writes to the files before it.
    private func nextFile(after name: String, into queue: inout RawBatch) -> LogdirListing.File? {
        // The files are in name order: find the current one by bisection, so that a run of
        // thousands of files is not read in quadratic time.
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if LogdirListing.byteOrder(files[middle].name, name) { low = middle + 1 } else { high = middle }
        }
        let position = low
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
            queue.append(.problem(ReadProblem(kind: .lateWrite, path: file.path, run: run.name, message: message)))
        }
        let next = position < files.count && files[position].name == name ? position + 1 : position
        return next < files.count ? files[next] : nil
    }

    /// Calls `body` with every point of the series `rewind` affects that came before the event that
    /// caused it and that no purge up to it drops, by reading the run again from its start: what a
    /// consumer that forgot those points on `rewind` needs to be right again.
    func replay(_ rewind: Rewind, final: Bool, _ body: (Point) -> Void) {
        let purges = processor.purges.filter { $0.eventIndex <= rewind.eventIndex }
        var replay = RunProcessor(rereading: processor, mode: .replay)
        var queue = RawBatch()
        var paths = finished.map { (path: $0.path, name: $0.name) }
        if let current { paths.append((current.path, current.name)) }
        for (index, (path, _)) in paths.enumerated() {
            let reader = EventFileReader(path: path, source: source, run: run.name)
            let isFinished = index < paths.count - 1
            while replay.eventCount < rewind.eventIndex {
                var ignored = ReplaySink()
                guard case .event(let event, let offset)? = reader.next(final: isFinished || final, into: &ignored)
                else { break }
                replay.process(
                    event, compat: &reader.compat, location: RecordLocation(path: path, offset: offset), into: &queue)
                // Only the last event made of a record carries points.
                let pointIndex = replay.eventCount - 1
                for item in queue.rawItems {
                    guard case .point(let point) = item, pointIndex < rewind.eventIndex, rewind.affects(series: point.series)
                    else { continue }
                    let dropped = purges.contains { $0.eventIndex > pointIndex && $0.drops(point) }
                    if !dropped { body(point) }
                }
                queue.removeAll()
            }
            if replay.eventCount >= rewind.eventIndex { break }
        }
    }
}

/// What a replay's reader gives besides events: nothing is kept (the first reading reported the
/// problems, and a replay takes no fast path).
private struct ReplaySink: EventFileReader.Sink {
    func take(_ point: ScalarPoint) -> Bool { false }
    func report(_ problem: ReadProblem) {}
}
