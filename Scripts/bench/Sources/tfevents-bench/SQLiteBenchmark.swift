// tfevents-bench sqlite --dir LOGDIR [--repetitions R]
//
// Exports a log directory to an SQLite database with SQLiteExport (the library call behind
// `tfevents export --format sqlite`), R times, and prints one JSON line: median, min and max
// time, scalar points per second (every other kind is counted in the time too), and the
// database's size in bytes, also per million scalar points.
import Foundation
import TFEvents
import TFEventsSQLite

func sqliteBenchmark(_ arguments: [String]) throws {
    guard let index = arguments.firstIndex(of: "--dir"), index + 1 < arguments.count else {
        throw SQLiteBenchmarkError("usage: sqlite --dir LOGDIR [--repetitions R]")
    }
    let logdir = arguments[index + 1]
    let repetitions = option("repetitions", in: arguments, default: 3)
    let output = scratchDirectory("sqlite") + "/export.db"
    defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
    var counts = SQLiteExport.Counts()
    let measurements = try Measurements.measure(repetitions: repetitions) {
        counts = try SQLiteExport(reader: try SummaryReader(logdir: logdir)).write(to: output)
    }
    let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
    report([
        "benchmark": "sqlite_export", "implementation": "swift-tfevents (SQLiteExport, library call)",
        "scalars": counts.scalars, "median_s": measurements.median, "min_s": measurements.min,
        "max_s": measurements.max, "scalars_per_s": Double(counts.scalars) / measurements.median, "bytes": size,
        "bytes_per_million": Double(size) / Double(max(counts.scalars, 1)) * 1e6, "peak_rss_kib": peakRSSKiB(),
    ])
}

private struct SQLiteBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
