internal import Dispatch
internal import Synchronization

/// Reads the chunks of one event file (``RecordChunk``) on worker threads, ahead of the
/// ``EventFileReader`` that takes them in file order, so that one large file is framed, checked
/// and parsed on every core while the reader applies TensorBoard's rules on one.
///
/// Chunks are claimed in order, by a helper thread or by the reader itself: when it needs a chunk
/// nobody has started (so it never waits for work that is not under way, and a machine whose cores
/// are all busy reads as if there were no pipeline), and while a helper finishes the chunk it
/// needs (so its core shares the reading). Chunks are read at most ``window`` ahead of the reader,
/// which bounds memory, and helpers start only while ``ReadingCores`` has a core free.
final class ChunkPipeline: Sendable {
    let path: String
    let source: any ByteSource
    /// Where the first chunk starts: a record's start.
    let start: Int64
    /// Where the file is taken to end.
    let end: Int64
    let chunkSize: Int64
    /// The number of chunks.
    let count: Int
    private let lengthLimit: UInt64
    private let parsesScalars: Bool
    /// How many chunks may be read ahead of the reader.
    let window: Int
    /// How many helper threads may work at once.
    private let maximumHelpers: Int

    /// The next chunk nobody has claimed.
    private let claimed = Atomic<Int>(0)
    /// How many chunks the reader has taken.
    private let taken = Atomic<Int>(0)
    private let helpers = Atomic<Int>(0)
    private let isCancelled = Atomic<Bool>(false)
    /// Chunks read by helpers and not yet taken.
    private let finished: LockedValue<[Int: Result<RecordChunk, ByteSourceError>]>
    /// One per chunk, signalled when a helper has put it in ``finished``.
    private let signals: [DispatchSemaphore]
    /// The arrays of chunks the reader is done with, for the next chunks to read into.
    private let spare = LockedValue<[RecordChunk.Storage]>([])

    /// A pipeline over `[start, end)` of `path`.
    init(
        path: String, source: any ByteSource, start: Int64, end: Int64, chunkSize: Int64, lengthLimit: UInt64,
        parsesScalars: Bool, usesHelpers: Bool = true
    ) {
        self.path = path
        self.source = source
        self.start = start
        self.end = end
        self.chunkSize = chunkSize
        count = Int((end - start + chunkSize - 1) / chunkSize)
        self.lengthLimit = lengthLimit
        self.parsesScalars = parsesScalars
        let cores = ProcessInfo.processorCount
        window = min(8, 2 * cores + 2)
        maximumHelpers = usesHelpers ? cores - 1 : 0
        finished = LockedValue([:])
        signals = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        startHelpers()
    }

    /// Where chunk `index` starts.
    func chunkStart(_ index: Int) -> Int64 {
        start + Int64(index) * chunkSize
    }

    /// Chunk `index`, read by a helper or (when none has started it) here. Call once per chunk, in
    /// order.
    func chunk(_ index: Int) -> Result<RecordChunk, ByteSourceError> {
        let result: Result<RecordChunk, ByteSourceError>
        if claimed.compareExchange(expected: index, desired: index + 1, ordering: .acquiringAndReleasing).exchanged {
            result = read(index)
        } else {
            // A helper is reading it: read the next free chunk meanwhile rather than wait idle, so
            // that the reader's own core shares the reading (the helpers alone cannot keep up
            // with it).
            while signals[index].wait(timeout: .now()) == .timedOut {
                let next = claimed.load(ordering: .relaxed)
                guard next < count, next < index + window,
                    claimed.compareExchange(expected: next, desired: next + 1, ordering: .acquiringAndReleasing)
                        .exchanged
                else {
                    signals[index].wait()
                    break
                }
                let ahead = read(next)
                finished.withLock { $0[next] = ahead }
                signals[next].signal()
            }
            result = finished.withLock { $0.removeValue(forKey: index)! }
        }
        taken.store(index + 1, ordering: .releasing)
        startHelpers()
        return result
    }

    /// Takes back the arrays of a chunk the reader is done with.
    func recycle(_ chunk: consuming RecordChunk) {
        let storage = chunk.storage()
        spare.withLock { spare in
            if spare.count < window { spare.append(storage) }
        }
    }

    /// Stops the helpers after the chunk each is reading.
    func cancel() {
        isCancelled.store(true, ordering: .relaxed)
    }

    private func read(_ index: Int) -> Result<RecordChunk, ByteSourceError> {
        let chunkStart = chunkStart(index)
        let storage = spare.withLock { $0.popLast() } ?? RecordChunk.Storage()
        return Result { () throws(ByteSourceError) in
            try RecordChunk(
                path: path, source: source, start: chunkStart, end: min(end, chunkStart + chunkSize), fileEnd: end,
                isFirst: index == 0, lengthLimit: lengthLimit, parsesScalars: parsesScalars, storage: storage)
        }
    }

    /// Starts helpers while there is work within the window, a helper may be added and a core is free.
    private func startHelpers() {
        while !isCancelled.load(ordering: .relaxed), hasWorkAhead, helpers.load(ordering: .relaxed) < maximumHelpers,
            ReadingCores.tryAcquire()
        {
            helpers.add(1, ordering: .relaxed)
            DispatchQueue.global().async { [self] in
                work()
                helpers.subtract(1, ordering: .relaxed)
                ReadingCores.release()
            }
        }
    }

    private var hasWorkAhead: Bool {
        let next = claimed.load(ordering: .relaxed)
        return next < count && next < taken.load(ordering: .acquiring) + window
    }

    /// A helper's loop: claims and reads chunks until none is left within the window.
    private func work() {
        while !isCancelled.load(ordering: .relaxed) {
            let index = claimed.load(ordering: .relaxed)
            guard index < count, index < taken.load(ordering: .acquiring) + window else { return }
            guard claimed.compareExchange(expected: index, desired: index + 1, ordering: .acquiringAndReleasing).exchanged
            else { continue }
            let result = read(index)
            finished.withLock { $0[index] = result }
            signals[index].signal()
        }
    }
}

/// How many threads are reading event files, so that a file is read in parallel chunks only
/// with cores no other run is using: ``ParallelRuns`` counts its workers here, and a
/// ``ChunkPipeline`` starts a helper only while fewer threads than cores are counted.
enum ReadingCores {
    private static let busy = Atomic<Int>(0)

    /// Counts a thread that reads runs.
    static func acquire() {
        busy.add(1, ordering: .relaxed)
    }

    /// Counts a helper thread if fewer threads than cores are counted; `false` otherwise.
    static func tryAcquire() -> Bool {
        var current = busy.load(ordering: .relaxed)
        while current < ProcessInfo.processorCount {
            let (exchanged, original) = busy.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Stops counting a thread.
    static func release() {
        busy.subtract(1, ordering: .relaxed)
    }
}
