// tfevents-bench runs [--runs N] [--points P] [--logdir DIR] [--keep] [--repeat R]
//
// Many small runs: N runs of P scalar points each (one tag, as tensorboardX writes them, one
// event file per run), then `SummaryReader.summarize()` timed R times, listing included. Prints
// one JSON line per reading: {"benchmark": "many_runs", "runs", "points", "bytes", "seconds",
// "runs_per_s", "peak_rss_mib"}. Without --logdir the runs are written to a temporary directory,
// removed afterwards unless --keep (its path is printed on standard error).
import Foundation
import TFEvents

func manyRunsBenchmark(_ arguments: [String]) throws {
    let runs = option("runs", in: arguments, default: 10_000)
    let points = option("points", in: arguments, default: 100)
    let repeats = option("repeat", in: arguments, default: 3)
    let given = arguments.firstIndex(of: "--logdir").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    let keep = arguments.contains("--keep")
    let directory = given ?? scratchDirectory("runs")
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
    for _ in 0..<repeats {
        var summary: LogdirSummary?
        let measured = try Measurements.measure(repetitions: 1) {
            summary = try SummaryReader(logdir: directory).summarize()
        }
        let read = summary?.runs.count ?? 0
        report([
            "benchmark": "many_runs", "runs": read, "points": summary?.pointCount ?? 0, "bytes": bytes,
            "seconds": measured.median, "runs_per_s": Double(read) / measured.median, "peak_rss_mib": Double(peakRSSKiB()) / 1024,
        ])
    }
}
