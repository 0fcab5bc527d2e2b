import Dispatch
import Foundation
import TFEvents

/// What a report shows, read from its log directories: each run under the name the report gives
/// it (``RunNaming``), with every scalar point and the latest points of its other tags, and every
/// problem met while reading.
///
/// Two library reads per log directory: ``SummaryReader/contents(kinds:progress:)`` keeps every
/// scalar point (charts and statistics need them all), and a stream of each run
/// (``RunLatestPoints``) keeps only the last image and text of each tag and counts the rest, so
/// a run with gigabytes of images never sits in memory.
struct ReportInput: Sendable {
    /// One run, as the report names it.
    struct Run: Sendable {
        /// The name shown.
        var name: String
        /// The run's facts and its scalar series, every point of them.
        var contents: RunContents
        /// The run's other series: counts, last steps, and the last image and text.
        var latest: RunLatestPoints

        var hparams: [String: HParamValue] { contents.run.hparams }
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

    /// Reads every run of `set`.
    static func read(_ set: LogdirSet, progress: ProgressLine) -> ReportInput {
        var perLogdir: [[Run]] = []
        var problems: [Problem] = []
        var pointCount = 0
        for reader in set.readers {
            let done = pointCount
            let logdir = reader.logdir
            let contents = reader.contents(kinds: [.scalars]) { total in
                progress.update { "reading \(logdir): \(done + total) points" }
            }
            pointCount += contents.runs.reduce(0) { $0 + $1.series.reduce(0) { $0 + $1.points.count } }
            let latest = RunLatestPoints.read(reader, runs: reader.runs)
            var runs: [Run] = []
            for run in contents.runs {
                guard let index = reader.runs.firstIndex(where: { $0.name == run.run.name }) else { continue }
                runs.append(Run(name: run.run.name, contents: run, latest: latest[index]))
            }
            perLogdir.append(runs)
            problems += contents.problems.map { Problem(run: nil, problem: $0) }
        }
        let names = set.shownNames(perLogdir.map { $0.map(\.name) })
        var runs: [Run] = []
        for (group, names) in zip(perLogdir, names) {
            for (run, name) in zip(group, names) {
                var run = run
                run.name = name
                runs.append(run)
                problems += run.contents.problems.map { Problem(run: name, problem: $0) }
            }
        }
        return ReportInput(logdirs: set.logdirs, runs: runs, problems: problems)
    }
}
