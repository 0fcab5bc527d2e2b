import Foundation
import TFEvents

/// `tfevents-bench scalars [--count N] [--repetitions R] [--keep DIR]`: writes N scalars (10 runs x
/// 10 tags, N/100 steps each, wall time read from the clock for every point, as a training loop
/// would) with one SummaryWriter per run, closing each so everything reaches the file. With
/// `--keep DIR` the last repetition's log directory is left in DIR (for the read benchmarks).
func scalarWriteBenchmark(_ arguments: [String]) throws {
    let count = option("count", in: arguments, default: 1_000_000)
    let repetitions = option("repetitions", in: arguments, default: 5)
    let runs = 10
    let tags = (0..<10).map { "metrics/tag\($0)" }
    let steps = max(1, count / (runs * tags.count))
    let kept = arguments.firstIndex(of: "--keep").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    let directory = kept ?? scratchDirectory("scalars")
    defer { if kept == nil { try? FileManager.default.removeItem(atPath: directory) } }

    var bytes = 0
    let measurements = try Measurements.measure(repetitions: repetitions) {
        try? FileManager.default.removeItem(atPath: directory)
        let writers = try (0..<runs).map { try SummaryWriter(logdir: "\(directory)/run\($0)") }
        for step in 0..<steps {
            for writer in writers {
                for (index, tag) in tags.enumerated() {
                    try writer.addScalar(tag, Double(step) * 0.001 + Double(index), step: step)
                }
            }
        }
        for writer in writers { try writer.close() }
        bytes = writers.reduce(0) { total, writer in
            total + ((try? FileManager.default.attributesOfItem(atPath: writer.path)[.size] as? Int) ?? 0)
        }
    }
    let written = steps * runs * tags.count
    report([
        "benchmark": "scalars_write", "implementation": "swift-tfevents", "scalars": written,
        "bytes": bytes, "median_s": measurements.median, "min_s": measurements.min, "max_s": measurements.max,
        "scalars_per_s": Double(written) / measurements.median, "peak_rss_kib": peakRSSKiB(),
    ])
}
