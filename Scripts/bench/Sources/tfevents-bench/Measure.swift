import Foundation

/// Wall-clock timing of repeated runs, reported as median, min and max.
struct Measurements {
    var seconds: [Double] = []

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    var min: Double { seconds.min() ?? .nan }
    var max: Double { seconds.max() ?? .nan }

    /// Runs `body` `repetitions` times and records how long each took.
    static func measure(repetitions: Int, _ body: () throws -> Void) rethrows -> Measurements {
        var result = Measurements()
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            result.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return result
    }
}

/// The process's peak resident set size in KiB (VmHWM), or 0 when /proc is not there.
func peakRSSKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

/// One JSON line of results on stdout.
func report(_ fields: KeyValuePairs<String, Any>) {
    let body = fields.map { key, value -> String in
        let rendered: String
        switch value {
        case let string as String: rendered = "\"\(string)\""
        case let double as Double: rendered = double.isFinite ? String(double) : "null"
        default: rendered = "\(value)"
        }
        return "\"\(key)\": \(rendered)"
    }
    print("{" + body.joined(separator: ", ") + "}")
}

/// `--name value` from a benchmark's arguments.
func option(_ name: String, in arguments: [String], default fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count,
        let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}

/// A fresh directory for one benchmark's files.
func scratchDirectory(_ label: String) -> String {
    let path = FileManager.default.temporaryDirectory.path + "/tfevents-bench-\(label)-\(getpid())"
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
