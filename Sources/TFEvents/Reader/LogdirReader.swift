/// Reads every run of a TensorBoard log directory as a stream of typed items, following
/// TensorBoard's own Python loader (`tensorboard --load_fast=false`) for what is a run, which
/// points a series holds, and in which order.
///
/// ```swift
/// let reader = try LogdirReader(logdir: "runs", filesAreComplete: true)
/// while let item = reader.next() {
///     if case .point(let point) = item, let value = point.value.scalar {
///         print(reader.series(point.series).tag, point.step, value)
///     }
/// }
/// ```
///
/// ``next()`` returns `nil` once everything written so far has been read. Calling it again later
/// picks up what was written since: new runs, new files, and records appended to the files being
/// read. Only new bytes are read. Memory stays bounded however many points there are: the reader
/// keeps per-run and per-tag state, never points. ``LogdirAccumulator`` keeps the points for
/// callers who want them.
///
/// ## Runs and files
///
/// A run is a directory that directly holds a file whose name contains `tfevents`, named by its
/// path relative to the log directory (`.` for the log directory itself). Subdirectories are
/// searched recursively, following symbolic links but entering each directory once. A run's files
/// are read one after another in name order; the reader moves to the next file only when the
/// current one has nothing more, and never returns to an earlier one. Names ending in
/// `.profile-empty` are not read.
///
/// ## Steps and purges
///
/// Points are kept in file order, duplicates included, except that a restarted writer drops the
/// points it orphaned. The reader announces this with a ``Item/purge(_:)`` item; points of the
/// affected series that came before it, with a step at or above ``Purge/step``, are dropped:
/// - If the run has a `file_version` of 2 or more (every current writer writes `brain.Event:2`
///   first), a `SessionLog` `START` event purges every series of the run at its step, except the
///   run's first `START`, which is its initial start. tensorboardX's `purge_step` writes such an event.
/// - Otherwise, a summary event whose step is below the previous summary event's step purges the
///   series of its own tags at its step.
///
/// ## Metadata and values
///
/// Legacy values are converted as TensorBoard converts them: `simple_value` becomes a `scalars`
/// series, `Summary.Image` an `images` series, `HistogramProto` a `histograms` series (empty
/// outer buckets dropped, float32), legacy audio an `audio` series. A tag's metadata comes from
/// its first value that carries metadata in the run. A tensor value without a tag is stored under
/// its `node_name`. Graphs appear as the series `__run_graph__` and tagged run metadata as a
/// series of its tag, as in TensorBoard.
///
/// ## Damage and live files
///
/// An incomplete last record is taken to be still being written: it is read once it is complete.
/// Set ``filesAreComplete`` when the writers are done to have it reported as `truncated` instead.
/// A damaged record (bad length CRC, bad data CRC, impossible length) is reported as a
/// ``Item/problem(_:)`` and reading goes on at the next position where a whole record verifies,
/// so the good records after the damage are kept, where TensorBoard stops reading the file.
public final class LogdirReader {
    /// The log directory, as given.
    public let logdir: String
    /// Whether the event files are complete (their writers are done). When set, an incomplete
    /// record at the end of a file is reported as a `truncated` problem and passed over instead of
    /// being waited for. Leave it off to follow live files; set it for a final report.
    public var filesAreComplete: Bool

    /// Finds the runs at the start of each pass.
    var scanner: LogdirScanner
    private let table = SeriesTable()
    private var loaders: [RunLoader] = []
    private var runIDByPath: [String: Int] = [:]
    /// Items read but not yet returned.
    private var pending = PendingItems()
    /// Run ids in the order the current pass reads them; `nil` between passes.
    private var passOrder: [Int]?
    private var passPosition = 0
    private var reportedUnreadable: Set<String> = []
    /// When set, only runs whose name it accepts are read; the others are not even opened. Lets
    /// several readers share a log directory's runs, one reader per thread.
    public var runFilter: (@Sendable (String) -> Bool)?

    /// Whether records may take the hand-written fast paths (``ScalarRecordParser``,
    /// ``FastEventDecoder``); tests turn them off to compare with protobuf-c alone.
    var usesFastPaths = true

    /// Opens a log directory.
    ///
    /// - Parameters:
    ///   - logdir: The directory given to `tensorboard --logdir`.
    ///   - filesAreComplete: See ``filesAreComplete``.
    /// - Throws: ``LogdirReaderError`` when `logdir` does not exist, is not a directory or cannot
    ///   be listed. Problems below it are reported as items instead.
    public init(logdir: String, filesAreComplete: Bool = false) throws(LogdirReaderError) {
        try LogdirScanner.validate(logdir)
        self.logdir = logdir
        self.scanner = LogdirScanner(logdir: logdir)
        self.filesAreComplete = filesAreComplete
    }

    /// The next item, or `nil` when everything written so far has been read.
    ///
    /// After `nil`, the next call starts a new pass: the log directory is listed again and each run
    /// continues where it stopped.
    public func next() -> Item? {
        // One access to `pending` per item: each access to a class's stored property costs a
        // dynamic exclusivity check, and this is called once per point.
        if let item = pending.pop() { return item }
        return refill()
    }

    /// Reads until there are items to return (returning the first) or nothing more now.
    private func refill() -> Item? {
        var queue = pending.takeStorage()
        while queue.isEmpty {
            guard let order = passOrder else {
                startPass(into: &queue)
                continue
            }
            guard passPosition < order.count else {
                passOrder = nil
                pending.fill(queue)
                return nil
            }
            if !loaders[order[passPosition]].advance(final: filesAreComplete, into: &queue) {
                passPosition += 1
            }
        }
        pending.fill(queue)
        return pending.pop()
    }

    /// The runs found so far, by ``Run/id``.
    public var runs: [Run] { loaders.map(\.run) }

    /// The series with the given ``Series/id``.
    public func series(_ id: Int) -> Series { table.all[id] }

    /// The series found so far, by ``Series/id``.
    public var allSeries: [Series] { table.all }

    /// Calls `body` with every point of `purge`'s run that is still part of its series just after
    /// `purge`: the points read before it that no purge so far drops, in order.
    ///
    /// This lets a consumer that keeps running statistics instead of points handle the (rare)
    /// purge: reset the affected series, feed them these points, and go on with ``next()``. The run
    /// is read again from its start up to the event that caused the purge; nothing is reported.
    public func replaySurvivingPoints<E: Error>(before purge: Purge, _ body: (Point) throws(E) -> Void) throws(E) {
        try loaders[purge.run].replaySurvivingPoints(before: purge, final: filesAreComplete, body)
    }

    /// A run of a log directory, found without reading it.
    public struct RunListing: Sendable, Hashable {
        /// The run's name as TensorBoard gives it (`.` for the log directory itself).
        public var name: String
        /// The run's directory.
        public var path: String
        /// How many event files it holds.
        public var fileCount: Int
        /// Their total size in bytes.
        public var byteCount: Int64
    }

    /// The runs of `logdir`, by TensorBoard's rules (see ``LogdirReader``), in name order, without
    /// reading any event file: for sharing the runs out among several readers (``runFilter``).
    ///
    /// - Throws: ``LogdirReaderError`` when `logdir` does not exist, is not a directory or cannot
    ///   be listed. Subdirectories that cannot be listed are left out.
    public static func listRuns(in logdir: String) throws(LogdirReaderError) -> [RunListing] {
        try LogdirScanner.validate(logdir)
        return LogdirScanner(logdir: logdir).scan().runs
            .sorted { LogdirScanner.byteOrder($0.name, $1.name) }
            .map { RunListing(name: $0.name, path: $0.path, fileCount: $0.files.count, byteCount: $0.files.reduce(0) { $0 + $1.size }) }
    }

    /// Lists the log directory: adds new runs (announcing them) and refreshes every run's files.
    private func startPass(into queue: inout [Item]) {
        let scan = scanner.scan()
        var stillUnreadable: Set<String> = []
        for (path, failure) in scan.unreadable {
            stillUnreadable.insert(path)
            guard !reportedUnreadable.contains(path) else { continue }
            queue.append(
                .problem(
                    Problem(
                        kind: .io, path: path,
                        message: "cannot list the directory: \(SystemError.message(for: failure.errno)) "
                            + "(errno \(failure.errno)); runs below it are not read")))
        }
        reportedUnreadable = stillUnreadable
        var order: [Int] = []
        for directory in scan.runs.sorted(by: { LogdirScanner.byteOrder($0.name, $1.name) })
        where runFilter?(directory.name) ?? true {
            let id: Int
            if let known = runIDByPath[directory.path] {
                id = known
            } else {
                id = loaders.count
                let run = Run(id: id, name: directory.name, path: directory.path)
                loaders.append(RunLoader(processor: RunProcessor(run: run, table: table), usesFastPath: usesFastPaths))
                runIDByPath[directory.path] = id
                queue.append(.run(run))
            }
            loaders[id].update(files: directory.files)
            order.append(id)
        }
        passOrder = order
        passPosition = 0
    }
}

/// The items a ``LogdirReader`` has read but not returned yet, handed out one at a time.
struct PendingItems {
    private var items: [LogdirReader.Item] = []
    private var index = 0

    /// The next item, if any is left.
    @inline(__always)
    mutating func pop() -> LogdirReader.Item? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }

    /// The storage, emptied but keeping its capacity, to be filled and given back with ``fill(_:)``.
    mutating func takeStorage() -> [LogdirReader.Item] {
        var storage: [LogdirReader.Item] = []
        swap(&storage, &items)
        storage.removeAll(keepingCapacity: true)
        index = 0
        return storage
    }

    /// Makes `items` the ones to hand out.
    mutating func fill(_ items: [LogdirReader.Item]) {
        self.items = items
        index = 0
    }
}
