internal import Dispatch
internal import Synchronization

/// Reads runs on every core: runs are independent, so nothing is lost by reading them at once.
///
/// Workers take runs largest first from a shared counter, so a few big runs do not end up behind
/// one another on one core while the others idle; results come back in the runs' own order.
enum ParallelRuns {
    /// `transform` of every run, in the order of `runs`.
    ///
    /// - Parameter concurrency: How many runs to read at once; one per core when `nil` (see
    ///   ``ByteSource/readConcurrency``).
    static func map<Result: Sendable>(
        _ runs: [LogdirListing.Run], concurrency: Int? = nil, _ transform: @Sendable (LogdirListing.Run) -> Result
    ) -> [Result] {
        let cores = ProcessInfo.processorCount
        let workers = min(max(1, concurrency ?? cores), runs.count)
        // Each worker counts as a core in use (``ReadingCores``), so that a large file's parallel
        // chunks use only the cores the runs leave free.
        guard workers > 1 else {
            ReadingCores.acquire()
            defer { ReadingCores.release() }
            return runs.map(transform)
        }
        let order = runs.indices.sorted { (runs[$0].byteCount, $1) > (runs[$1].byteCount, $0) }
        guard workers > cores else {
            let next = Atomic<Int>(0)
            let results = LockedValue<[Result?]>(Array(repeating: nil, count: runs.count))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                ReadingCores.acquire()
                defer { ReadingCores.release() }
                while true {
                    let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard position < order.count else { return }
                    let index = order[position]
                    let result = transform(runs[index])
                    results.withLock { $0[index] = result }
                }
            }
            return results.withLock { $0.map { $0! } }
        }
        // More workers than cores only help when they wait (on a network). concurrentPerform runs
        // no more at once than there are cores, so each worker gets a serial queue instead, which
        // Dispatch gives a thread of its own; `group.wait()` returns only after every worker is done,
        // so `transform` does not really escape.
        return withoutActuallyEscaping(transform) { transform in
            let next = LockedValue<Int>(0)
            let results = LockedValue<[Result?]>(Array(repeating: nil, count: runs.count))
            let group = DispatchGroup()
            for worker in 0..<workers {
                DispatchQueue(label: "tfevents.run-reader.\(worker)").async(group: group) {
                    ReadingCores.acquire()
                    defer { ReadingCores.release() }
                    while true {
                        let position = next.withLock { value in
                            defer { value += 1 }
                            return value
                        }
                        guard position < order.count else { return }
                        let index = order[position]
                        let result = transform(runs[index])
                        results.withLock { $0[index] = result }
                    }
                }
            }
            group.wait()
            return results.withLock { $0.map { $0! } }
        }
    }
}
