internal import Dispatch
internal import Synchronization

/// Reads runs on every core: runs are independent, so nothing is lost by reading them at once.
///
/// Workers take runs largest first from a shared counter, so a few big runs do not end up behind
/// one another on one core while the others idle; results come back in the runs' own order.
enum ParallelRuns {
    /// `transform` of every run, in the order of `runs`.
    static func map<Result: Sendable>(
        _ runs: [LogdirListing.Run], _ transform: @Sendable (LogdirListing.Run) -> Result
    ) -> [Result] {
        let workers = min(ProcessInfo.processorCount, runs.count)
        // Each worker counts as a core in use, so that a large file's parallel chunks use only
        // the cores the runs leave free.
        guard workers > 1 else {
            ReadingCores.acquire()
            defer { ReadingCores.release() }
            return runs.map(transform)
        }
        let order = runs.indices.sorted { (runs[$0].byteCount, $1) > (runs[$1].byteCount, $0) }
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
}
