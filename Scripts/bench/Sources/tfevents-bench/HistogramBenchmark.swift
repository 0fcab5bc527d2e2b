// tfevents-bench histograms [--iterations N] [--values N]
//
// Records histograms of N Float values (10,000 by default) with a SummaryWriter into a
// temporary directory, for each bucketing, and prints one JSON line per bucketing:
// {"benchmark", "bucketing", "values", "iterations", "median_us", "min_us", "max_us",
//  "bucket_median_us", "histograms_per_second"}.
// The per-call times cover bucketing, encoding and buffering the record (the writer's own
// flushes included when they fall in a call); bucket_median_us times `Histogram(values)` alone;
// histograms_per_second divides the iterations by the whole loop's time plus the final close.
import Foundation
import TFEvents

#if canImport(Glibc)
import Glibc
#endif

func histogramBenchmark(_ arguments: [String]) throws {
    var iterations = 2000
    var valueCount = 10_000
    var remaining = arguments[...]
    while let flag = remaining.popFirst() {
        guard let text = remaining.popFirst(), let number = Int(text), number > 0 else {
            throw HistogramBenchmarkError("\(flag) needs a positive number")
        }
        switch flag {
        case "--iterations": iterations = number
        case "--values": valueCount = number
        default:
            throw HistogramBenchmarkError("unknown option \(flag); usage: histograms [--iterations N] [--values N]")
        }
    }

    // Roughly normal values, the shape of weights and activations.
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func uniform() -> Double {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Double((state &* 2_685_821_657_736_338_717) >> 11) * 0x1p-53
    }
    let values: [Float] = (0..<valueCount).map { _ in Float((0..<4).map { _ in uniform() }.reduce(0, +) - 2) }

    let bucketings: [(String, Histogram.Bucketing)] = [
        ("tensorflow", .tensorFlow),
        ("tensorboardx", .tensorboardX),
        ("edges_64", .edges((0...64).map { Double($0) / 16 - 2 })),
    ]
    for (name, bucketing) in bucketings {
        let logdir = NSTemporaryDirectory() + "tfevents-bench-histograms-\(getpid())-\(name)"
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir)
        // Warm-up: first-use tables, allocator, page cache.
        for step in 0..<20 { try writer.addHistogram("warmup", values: values, bucketing: bucketing, step: step) }

        var times: [Double] = []
        times.reserveCapacity(iterations)
        let loopStart = benchmarkSeconds()
        for step in 0..<iterations {
            let start = benchmarkSeconds()
            try writer.addHistogram("weights", values: values, bucketing: bucketing, step: step)
            times.append((benchmarkSeconds() - start) * 1e6)
        }
        try writer.close()
        let total = benchmarkSeconds() - loopStart

        var bucketTimes: [Double] = []
        for _ in 0..<min(iterations, 500) {
            let start = benchmarkSeconds()
            let histogram = try Histogram(values, bucketing: bucketing)
            bucketTimes.append((benchmarkSeconds() - start) * 1e6)
            precondition(histogram.totalCount > 0)
        }
        times.sort()
        print(
            "{\"benchmark\": \"histograms\", \"bucketing\": \"\(name)\", \"values\": \(valueCount), "
                + "\"iterations\": \(iterations), \"median_us\": \(round2(median(times))), "
                + "\"min_us\": \(round2(times[0])), \"max_us\": \(round2(times[times.count - 1])), "
                + "\"bucket_median_us\": \(round2(median(bucketTimes.sorted()))), "
                + "\"histograms_per_second\": \(Int(Double(iterations) / total))}")
    }
}

private struct HistogramBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private func median(_ sorted: [Double]) -> Double {
    sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

private func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

private func benchmarkSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
