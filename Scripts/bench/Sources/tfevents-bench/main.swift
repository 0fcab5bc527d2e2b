// tfevents-bench NAME [ARGS...]: runs one benchmark and prints its measurements as JSON lines
// on stdout, for Scripts/bench/run.sh to put beside the peers measured in the same run.
#if canImport(Glibc)
import Glibc
#endif

let benchmarks: [String: ([String]) throws -> Void] = [
    "scalars": scalarWriteBenchmark,
    "png": pngBenchmark,
    "histograms": histogramBenchmark,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: "|")
    fputs("usage: tfevents-bench \(names) [args...]\n", stderr)
    exit(64)
}
try run(Array(arguments.dropFirst()))
