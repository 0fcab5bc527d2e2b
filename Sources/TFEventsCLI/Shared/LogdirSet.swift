import ArgumentParser
import TFEvents

/// The log directories a command compares (`summary`, `report`, `plot`): opened together, so a
/// missing one fails before any work; filtered by `--runs`, which also matches `LOGDIR/RUN` when
/// there are several; and their runs named as ``RunNaming`` says.
struct LogdirSet {
    /// The log directories, as given.
    let logdirs: [String]
    /// One reader per log directory, with the run and tag filters.
    let readers: [SummaryReader]

    /// Refuses a log directory given twice (a usage error, before anything is read).
    static func validate(_ logdirs: [String]) throws {
        var seen: [String: String] = [:]
        for logdir in logdirs {
            let absolute = RunNaming.absolutePath(logdir)
            if let earlier = seen[absolute] {
                throw ValidationError("The log directory '\(logdir)' is given twice (also as '\(earlier)').")
            }
            seen[absolute] = logdir
        }
    }

    /// Lists every log directory.
    ///
    /// - Throws: ``CommandFailure`` when one is missing, cannot be listed or holds no run.
    init(_ logdirs: [String], filters: CompiledFilters) throws {
        self.logdirs = logdirs
        let labels = RunNaming.labels(for: logdirs)
        var readers: [SummaryReader] = []
        for (index, logdir) in logdirs.enumerated() {
            let label = labels[index]
            let several = logdirs.count > 1
            let runs = NameFilter { name in
                filters.includes(run: name) || (several && filters.includes(run: RunNaming.labelled(name, label: label)))
            }
            let options = try LogdirSource.options(for: logdir, runs: runs, tags: filters.tags)
            do {
                readers.append(try SummaryReader(logdir: logdir, options: options))
            } catch {
                throw CommandFailure(error.description)
            }
            if readers[index].listing.runs.isEmpty {
                throw CommandFailure("\(logdir): no runs: no file whose name contains 'tfevents' is in it or below it.")
            }
        }
        self.readers = readers
    }

    /// The names shown for `runs` (TensorBoard run names, one array per log directory).
    func shownNames(_ runs: [[String]]) -> [[String]] {
        RunNaming.names(runs, allRunNames: readers.map { $0.listing.runs.map(\.name) }, logdirs: logdirs)
    }
}
