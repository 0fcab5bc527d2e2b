import Foundation
import TFEvents

/// `tfevents-bench concurrent [--threads T] [--count N]`: T threads share one SummaryWriter and
/// write N scalars each, to measure throughput under lock contention.
func concurrentWriteBenchmark(_ arguments: [String]) throws {
    let threadCount = option("threads", in: arguments, default: 16)
    let count = option("count", in: arguments, default: 100_000)
    let repetitions = option("repetitions", in: arguments, default: 3)
    let directory = scratchDirectory("concurrent")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let measurements = try Measurements.measure(repetitions: repetitions) {
        let writer = try SummaryWriter(logdir: directory)
        let group = DispatchGroup()
        for index in 0..<threadCount {
            group.enter()
            Thread {
                for step in 0..<count {
                    try? writer.addScalar("thread/\(index)", Double(step), step: step)
                }
                group.leave()
            }.start()
        }
        group.wait()
        try writer.close()
    }
    let total = threadCount * count
    report([
        "benchmark": "scalars_write_concurrent", "implementation": "swift-tfevents", "threads": threadCount,
        "scalars": total, "median_s": measurements.median, "min_s": measurements.min, "max_s": measurements.max,
        "scalars_per_s": Double(total) / measurements.median, "peak_rss_kib": peakRSSKiB(),
    ])
}
