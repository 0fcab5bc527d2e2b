import Dispatch
import Foundation
import TFEvents

/// Summarizes one log directory with several readers at once, one per core, each reading its
/// share of the runs (runs are independent, so nothing is lost by splitting them).
///
/// Runs are dealt out largest first to the least loaded worker, so a few big runs do not end up
/// on one core. Warnings are collected per worker and printed after the work, worker by worker, so
/// the output stays the same from one invocation to the next.
struct ParallelSummarizer {
    /// What the workers produced together.
    struct Result {
        var summaries: [RunSummary]
        var logdirProblems: [LogdirReader.Problem]
        var warnings: [String]
        var pointCount: Int
    }

    let logdir: String
    let runs: [LogdirReader.RunListing]
    let workerCount: Int
    let includesRun: @Sendable (String) -> Bool
    let includesTag: @Sendable (String) -> Bool

    /// The runs each worker reads.
    func shares() -> [Set<String>] {
        var shares = Array(repeating: Set<String>(), count: workerCount)
        var loads = Array(repeating: Int64(0), count: workerCount)
        for run in runs.sorted(by: { ($0.byteCount, $1.name) > ($1.byteCount, $0.name) }) {
            let worker = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            shares[worker].insert(run.name)
            loads[worker] += max(run.byteCount, 1)
        }
        return shares
    }

    /// Reads every run, `progress` receiving the number of points read so far (from one thread).
    func read(progress: @escaping @Sendable (Int) -> Void) throws -> Result {
        let shares = shares()
        let results = LockedResults(count: shares.count)
        let counted = PointCounter()
        DispatchQueue.concurrentPerform(iterations: shares.count) { worker in
            let share = shares[worker]
            do {
                let reader = try LogdirReader(logdir: logdir, filesAreComplete: true)
                reader.runFilter = { share.contains($0) }
                let summarizer = LogdirSummarizer(includesRun: includesRun, includesTag: includesTag)
                var warnings: [String] = []
                summarizer.onProblem = { warnings.append("warning: \($0)") }
                summarizer.onWarning = { warnings.append("warning: \($0)") }
                var reported = 0
                summarizer.read(reader) {
                    let total = counted.add(summarizer.pointCount - reported)
                    reported = summarizer.pointCount
                    if worker == 0 { progress(total) }
                }
                _ = counted.add(summarizer.pointCount - reported)
                results.set(
                    worker,
                    .success(
                        Result(
                            summaries: summarizer.summaries(), logdirProblems: summarizer.logdirProblems,
                            warnings: warnings, pointCount: summarizer.pointCount)))
            } catch {
                results.set(worker, .failure(CommandFailure(String(describing: error))))
            }
        }
        var merged = Result(summaries: [], logdirProblems: [], warnings: [], pointCount: 0)
        var seenProblems = Set<String>()
        for result in try results.all() {
            merged.summaries += result.summaries
            merged.warnings += result.warnings
            merged.pointCount += result.pointCount
            // Each worker lists the whole log directory, so problems of the listing come once each.
            for problem in result.logdirProblems where seenProblems.insert(problem.description).inserted {
                merged.logdirProblems.append(problem)
            }
        }
        // Back into the order a single reader gives: the runs' order in the listing.
        let order = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.name, $0) })
        merged.summaries.sort { (order[$0.runName] ?? .max) < (order[$1.runName] ?? .max) }
        return merged
    }
}

/// The workers' results, filled in from several threads.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Swift.Result<ParallelSummarizer.Result, CommandFailure>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Swift.Result<ParallelSummarizer.Result, CommandFailure>) {
        lock.withLock { results[index] = result }
    }

    func all() throws -> [ParallelSummarizer.Result] {
        try lock.withLock { try results.map { try $0!.get() } }
    }
}

/// The number of points read by all workers.
private final class PointCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    /// Adds `count` and returns the new total.
    func add(_ count: Int) -> Int {
        lock.withLock {
            total += count
            return total
        }
    }
}
