import TFEvents

/// What a report shows, read from its log directories: each run under the name the report gives
/// it (``RunNaming``), with every scalar point and the latest points of its other tags
/// (``RunScan``), and every problem met while reading.
struct ReportInput: Sendable {
    /// One run, as the report names it.
    struct Run: Sendable {
        /// The name shown.
        var name: String
        /// What was read of it.
        var scan: RunScan

        var hparams: [String: HParamValue] { scan.run.hparams }
    }

    /// A problem, with the name of the run it belongs to (`nil` for the log directory's own).
    struct Problem: Sendable, CustomStringConvertible {
        var run: String?
        var problem: ReadProblem

        var description: String { problem.description }
    }

    /// The log directories, as given.
    var logdirs: [String]
    /// The runs, log directory by log directory, each in name order.
    var runs: [Run]
    /// Damaged records, unreadable files and directories, data TensorBoard ignores.
    var problems: [Problem]

    /// Reads every run of `set`, each once.
    static func read(_ set: LogdirSet, progress: ProgressLine) -> ReportInput {
        var perLogdir: [[RunScan]] = []
        var problems: [Problem] = []
        for reader in set.readers {
            let logdir = reader.logdir
            let runs = reader.runs
            perLogdir.append(
                RunScan.read(reader, runs: runs) { points in
                    progress.update { "reading \(logdir): \(runs.count) runs, \(points) points" }
                })
            problems += reader.listing.problems.map { Problem(run: nil, problem: $0) }
        }
        let names = set.shownNames(perLogdir.map { $0.map(\.run.name) })
        var runs: [Run] = []
        for (scans, names) in zip(perLogdir, names) {
            for (scan, name) in zip(scans, names) {
                runs.append(Run(name: name, scan: scan))
                problems += scan.problems.map { Problem(run: name, problem: $0) }
            }
        }
        return ReportInput(logdirs: set.logdirs, runs: runs, problems: problems)
    }
}
