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
    /// Set after the current file ran dry while a later file exists: one more read, as complete.
    private var finishing = false
    /// Files finished with, in order, and their sizes when the loader moved on.
    private var finished: [(path: String, name: String, size: Int64)] = []
    private var reportedLateWrites: Set<String> = []

    /// How many files before the current one are checked for late writes (as in TensorBoard).
    static let lateWriteCheckCount = 20

    init(processor: RunProcessor) {
        self.processor = processor
    }

    var run: LogdirReader.Run { processor.run }

    /// Takes the run's files from a new listing.
    func update(files: [LogdirScanner.File]) {
        self.files = files
    }

    /// Reads at most one record (or moves to the next file) and appends what it yields to `queue`.
    /// Returns `false` when the run has nothing more to give now.
    func advance(final: Bool, into queue: inout [LogdirReader.Item]) -> Bool {
        if current == nil {
            guard let first = files.first else { return false }
            current = EventFileLoader(path: first.path, name: first.name, run: run.id)
        }
        guard let current else { return false }
        let runID = run.id
        if let (event, offset) = current.next(final: final || finishing, problems: { queue.append(.problem($0)) }) {
            processor.process(
                event, compat: &current.compat, location: RecordLocation(path: current.path, offset: offset),
                into: &queue)
            return true
        }
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
        return true
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
