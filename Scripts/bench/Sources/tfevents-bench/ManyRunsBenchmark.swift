// tfevents-bench runs [--runs N] [--points P] [--logdir DIR | --write DIR] [--keep] [--repeat R]
//
// Many small runs: N runs of P scalar points each (one tag, as tensorboardX writes them, one
// event file per run), then `SummaryReader.summarize()` timed R times, listing included. Prints
// one JSON line: {"benchmark": "many_small_runs", "implementation", "scalars", "runs", "bytes",
// "median_s", "min_s", "max_s", "scalars_per_s", "mb_per_s", "peak_rss_kib"}. Without --logdir the runs are written to a temporary directory,
// removed afterwards unless --keep (its path is printed on standard error), or into DIR with
// --write (kept).
import Foundation
import TFEvents

func manyRunsBenchmark(_ arguments: [String]) throws {
    let runs = option("runs", in: arguments, default: 10_000)
    let points = option("points", in: arguments, default: 100)
    let repeats = option("repeat", in: arguments, default: 3)
    func value(_ flag: String) -> String? {
        arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let given = value("--logdir")
    let written = value("--write")
    let keep = arguments.contains("--keep") || written != nil
    let directory = given ?? written ?? scratchDirectory("runs")
    defer { if given == nil && !keep { try? FileManager.default.removeItem(atPath: directory) } }
    if given == nil {
        for run in 0..<runs {
            let writer = try SummaryWriter(logdir: "\(directory)/run\(run)")
            for step in 0..<points {
                try writer.addScalar("loss", 1 / Double(step + 1), step: step, wallTime: 1_700_000_000 + Double(step))
            }
            try writer.close()
        }
        FileHandle.standardError.write(Data("wrote \(runs) runs of \(points) points to \(directory)\n".utf8))
    }
    let bytes = try FileManager.default.subpathsOfDirectory(atPath: directory).reduce(0) { total, name in
        total + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
    }
    var summary: LogdirSummary?
    let measured = try Measurements.measure(repetitions: repeats) {
        summary = try SummaryReader(logdir: directory).summarize()
    }
    let read = summary?.pointCount ?? 0
    report([
        "benchmark": "many_small_runs", "implementation": "swift-tfevents (SummaryReader.summarize, in process)",
        "scalars": read, "runs": summary?.runs.count ?? 0, "bytes": bytes, "median_s": measured.median,
        "min_s": measured.min, "max_s": measured.max, "scalars_per_s": Double(read) / measured.median,
        "mb_per_s": Double(bytes) / 1e6 / measured.median, "peak_rss_kib": peakRSSKiB(),
    ])
}
