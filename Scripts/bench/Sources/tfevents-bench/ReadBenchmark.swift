// tfevents-bench read [--events N] [--tags K] [--style legacy|tf2] [--logdir DIR | --write DIR] [--keep]
//                     [--repeat R] [--mode summarize|stream|both]
//
// Reads a scalar-only log directory with SummaryReader, twice per repetition (`summarize()`, one
// pass of statistics, and `read(_:)`, every point streamed in order; `--mode` keeps one of them,
// so that a profile shows one reading), and prints one JSON line per
// reading: {"benchmark": "read", "mode": "summarize"|"stream", "style", "bytes", "points",
// "seconds", "mb_per_s", "points_per_s", "peak_rss_mib"}. Without --logdir it first writes a run
// of N scalar events over K tags (legacy `simple_value` as tensorboardX and PyTorch write them, or
// TF2 DT_FLOAT tensors) into a temporary directory, removed afterwards unless --keep (or into DIR
// with --write, kept, for other readers to read the same bytes). The peak RSS is VmHWM from
// /proc/self/status, reset before each scan, so it covers the scan only.
import Foundation
import TFEvents

#if canImport(Glibc)
    import Glibc
#endif

func readBenchmark(_ arguments: [String]) throws {
    var events = 2_000_000
    var tags = 10
    var style = "legacy"
    var logdir: String?
    var written: String?
    var keep = false
    var repeats = 3
    var modes = ["summarize", "stream"]
    var remaining = arguments[...]
    while let flag = remaining.popFirst() {
        if flag == "--keep" {
            keep = true
            continue
        }
        guard let value = remaining.popFirst() else { throw ReadBenchmarkError("\(flag) needs a value") }
        switch flag {
        case "--events": events = try positive(value, flag)
        case "--tags": tags = try positive(value, flag)
        case "--repeat": repeats = try positive(value, flag)
        case "--style":
            guard ["legacy", "tf2"].contains(value) else { throw ReadBenchmarkError("--style is legacy or tf2") }
            style = value
        case "--logdir": logdir = value
        case "--write": written = value
        case "--mode":
            guard ["summarize", "stream", "both"].contains(value) else {
                throw ReadBenchmarkError("--mode is summarize, stream or both")
            }
            modes = value == "both" ? ["summarize", "stream"] : [value]
        default:
            throw ReadBenchmarkError(
                "unknown option \(flag); usage: read [--events N] [--tags K] [--style legacy|tf2] [--logdir DIR] "
                    + "[--keep] [--repeat R] [--mode summarize|stream|both]")
        }
    }

    let directory: String
    if let logdir {
        directory = logdir
    } else if let written {
        directory = written
        try writeScalarRun(to: directory + "/run", events: events, tags: tags, style: style)
        keep = true
    } else {
        directory = NSTemporaryDirectory() + "tfevents-read-bench-\(getpid())"
        try writeScalarRun(to: directory + "/run", events: events, tags: tags, style: style)
        FileHandle.standardError.write(Data("wrote \(events) events to \(directory)\n".utf8))
    }
    defer {
        if logdir == nil && !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
    let bytes = try totalSize(of: directory)

    for _ in 0..<repeats {
        for mode in modes {
            resetPeakRSS()
            let start = benchmarkSeconds()
            let reader = try SummaryReader(logdir: directory)
            var points = 0
            var sum = 0.0
            var problems = 0
            switch mode {
            case "summarize":
                // Statistics of every series: one pass, whatever the run's size.
                let summary = reader.summarize()
                for run in summary.runs {
                    problems += run.problems.count
                    for statistics in run.scalars.values {
                        points += statistics.count
                        sum += statistics.mean ?? 0
                    }
                }
            default:
                // Every point in order, purges settled: one pass up to 16 MiB a run, two above.
                for run in reader.runs {
                    for item in reader.read(run) {
                        switch item {
                        case .point(let point):
                            points += 1
                            sum += point.value.scalar ?? 0
                        case .problem:
                            problems += 1
                        case .series:
                            break
                        }
                    }
                }
            }
            let seconds = benchmarkSeconds() - start
            precondition(sum.isFinite && problems == 0, "unexpected data: sum \(sum), \(problems) problems")
            let megabytes = Double(bytes) / 1_000_000
            print(
                "{\"benchmark\": \"read\", \"mode\": \"\(mode)\", \"style\": \"\(logdir == nil ? style : "given")\", "
                    + "\"bytes\": \(bytes), \"points\": \(points), \"seconds\": \(round3(seconds)), "
                    + "\"mb_per_s\": \(round3(megabytes / seconds)), \"points_per_s\": \(Int(Double(points) / seconds)), "
                    + "\"peak_rss_mib\": \(round3(peakRSSMiB()))}"
            )
        }
    }
}

/// Writes `events` scalar events over `tags` tags with steps increasing per tag.
private func writeScalarRun(to directory: String, events: Int, tags: Int, style: String) throws {
    let writer = try SummaryWriter(
        logdir: directory, options: .init(flushInterval: .seconds(3600), maxBufferedBytes: 8 << 20))
    let names = (0..<tags).map { "train/metric_\($0)" }
    let metadata = SummaryMetadata(pluginName: "scalars")
    for index in 0..<events {
        let step = Int64(index / tags)
        let tag = names[index % tags]
        let value = Float(1) / Float(index + 1)
        if style == "legacy" {
            try writer.addScalar(tag, Double(value), step: step, wallTime: 1_700_000_000 + Double(index) * 0.001)
        } else {
            let tensor = TensorProto(floats: [value])
            try writer.add(
                Event(
                    wallTime: 1_700_000_000 + Double(index) * 0.001, step: step,
                    what: .summary(Summary(values: [.init(tag: tag, metadata: metadata, content: .tensor(tensor))]))))
        }
    }
    try writer.close()
}

private func totalSize(of directory: String) throws -> Int64 {
    var total: Int64 = 0
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
    while let name = enumerator.nextObject() as? String {
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
        if attributes[.type] as? FileAttributeType == .typeRegular {
            total += (attributes[.size] as? NSNumber)?.int64Value ?? 0
        }
    }
    return total
}

/// Resets VmHWM to the current RSS (Linux 4.0+: writing 5 to clear_refs).
private func resetPeakRSS() {
    if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
        handle.write(Data("5".utf8))
        try? handle.close()
    }
}

/// VmHWM from /proc/self/status, in MiB.
private func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? -1
        return kilobytes / 1024
    }
    return -1
}

private func positive(_ value: String, _ flag: String) throws -> Int {
    guard let number = Int(value), number > 0 else { throw ReadBenchmarkError("bad \(flag) \(value)") }
    return number
}

private func benchmarkSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

private struct ReadBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
