import Foundation
import TFEvents

/// Everything `tfevents inspect` found: for a log directory, its runs in name order with their
/// event files in name order; for a single event file, that file.
struct InspectReport {
    enum Kind: String {
        case logdir, file
    }

    struct Run {
        /// The run's name (`.` for the log directory itself); `nil` when a single file was given.
        var name: String?
        var path: String
        var files: [FileInspection]
        /// Observations about the run as a whole (restarts that make TensorBoard drop points).
        var notes: [String] = []
    }

    /// A directory that could not be listed: damage to the log directory, not to a file.
    struct DirectoryProblem {
        var path: String
        var message: String
    }

    var path: String
    var kind: Kind
    var runs: [Run] = []
    var directoryProblems: [DirectoryProblem] = []

    var files: [FileInspection] { runs.flatMap(\.files) }
    var problemCount: Int { files.reduce(directoryProblems.count) { $0 + $1.problems.count } }
    var damagedFileCount: Int { files.filter { !$0.problems.isEmpty }.count }
    /// Whether nothing is damaged: the exit status is 0 exactly then.
    var isClean: Bool { problemCount == 0 }

    /// Inspects `path`: an event file, or a log directory.
    ///
    /// - Throws: ``CommandFailure`` when `path` does not exist, is neither a file nor a directory,
    ///   or is a directory without event files (or without runs that `filters` keep).
    static func make(path: String, filters: CompiledFilters, progress: ProgressLine) throws -> InspectReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file or directory")
        }
        guard isDirectory.boolValue else {
            let url = URL(fileURLWithPath: path)
            let file = FileInspection.read(name: url.lastPathComponent, path: path) { done, size in
                progress.update { "inspecting (\(megabytes(done)) of \(megabytes(size)) MB): \(url.lastPathComponent)" }
            }
            progress.clear()
            var run = Run(name: nil, path: url.deletingLastPathComponent().path, files: [file])
            run.notes = restartNotes(run.files)
            return InspectReport(path: path, kind: .file, runs: [run])
        }

        let listing: LogdirListing
        do {
            listing = try LogdirListing(logdir: path)
        } catch {
            throw CommandFailure(error.description)
        }
        var report = InspectReport(path: path, kind: .logdir)
        report.directoryProblems = listing.unreadable.map {
            DirectoryProblem(path: $0.path, message: "cannot list the directory: \($0.message) (errno \($0.errno))")
        }
        let runs = listing.runs.filter { filters.includes(run: $0.name) }
        guard !runs.isEmpty else {
            if !listing.runs.isEmpty {
                throw CommandFailure("\(path): none of its \(listing.runs.count) runs matches --runs")
            }
            let unreadable = report.directoryProblems.isEmpty
                ? "" : "; \(report.directoryProblems.count) directories below it cannot be listed"
            throw CommandFailure(
                "\(path): no event files (a run is a directory that directly holds a file whose name contains "
                    + "'tfevents')\(unreadable)")
        }
        let total = runs.reduce(0) { $0 + $1.files.count }
        var done = 0
        for listed in runs {
            var run = Run(name: listed.name, path: listed.path, files: [])
            for file in listed.files {
                let label = "inspecting file \(done + 1) of \(total)"
                let name = "\(listed.name)/\(file.name)"
                progress.update { "\(label): \(name)" }
                run.files.append(
                    FileInspection.read(name: file.name, path: file.path) { read, size in
                        progress.update { "\(label) (\(megabytes(read)) of \(megabytes(size)) MB): \(name)" }
                    })
                done += 1
            }
            run.notes = restartNotes(run.files)
            report.runs.append(run)
        }
        progress.clear()
        return report
    }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    /// TensorBoard's restart rule: once the run has a `file_version` of 2 or more, every
    /// `SessionLog START` but the run's first drops the points at or above its step that were
    /// written before it (tensorboardX's `purge_step`).
    private static func restartNotes(_ files: [FileInspection]) -> [String] {
        var notes: [String] = []
        var sawStart = false
        var version: Double?
        for file in files {
            if let text = file.fileVersion { version = parseVersion(text) }
            for start in file.sessionStarts {
                defer { sawStart = true }
                guard sawStart, let version, version >= 2 else { continue }
                notes.append(
                    "SessionLog START at step \(start.step) (\(file.name), byte \(start.offset)): TensorBoard drops "
                        + "the points of this run at step \(start.step) or later that were written before it")
            }
        }
        return notes
    }

    /// The number after `brain.Event:`, as TensorBoard reads it.
    private static func parseVersion(_ text: String) -> Double? {
        let marker = "brain.Event:"
        let number = text.range(of: marker, options: .backwards).map { text[$0.upperBound...] } ?? Substring(text)
        return Double(number.trimmingCharacters(in: .whitespaces))
    }
}
