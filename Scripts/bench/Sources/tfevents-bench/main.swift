// tfevents-bench NAME [ARGS...]: runs one benchmark and prints its measurements as JSON lines
// on stdout, for Scripts/bench/run.sh to put beside the peers measured in the same run.
import Foundation

let benchmarks: [String: ([String]) throws -> Void] = [
    "scalars": scalarWriteBenchmark,
    "png": pngBenchmark,
    "concurrent": concurrentWriteBenchmark,
    "read": readBenchmark,
    "histograms": histogramBenchmark,
    "prcurves": prCurveBenchmark,
    "media": mediaBenchmark,
    "runs": manyRunsBenchmark,
    "sqlite": sqliteBenchmark,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: "|")
    FileHandle.standardError.write(Data("usage: tfevents-bench \(names) [args...]\n".utf8))
    exit(64)
}
try run(Array(arguments.dropFirst()))
