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
        let source = try LogdirSource.source(for: path)
        if let (directory, name) = try fileParts(path, source: source) {
            let size = (try? source.size(of: path)) ?? 0
            let file = FileInspection.read(name: name, path: path, size: size, source: source) { done, size in
                progress.update { "inspecting (\(megabytes(done)) of \(megabytes(size)) MB): \(name)" }
            }
            progress.clear()
            var run = Run(name: nil, path: directory, files: [file])
            // The file read alone, as if it were its run's only file.
            let listing = LogdirListing.Run(
                name: ".", path: directory, files: [LogdirListing.File(name: name, path: path, size: size)])
            run.notes = try purgeNotes(SummaryReader(logdir: directory, options: .init(source: source)).read(listing))
            return InspectReport(path: path, kind: .file, runs: [run])
        }

        let reader: SummaryReader
        do {
            reader = try SummaryReader(logdir: path, options: .init(runs: filters.runs, source: source))
        } catch {
            throw CommandFailure(error.description)
        }
        var report = InspectReport(path: path, kind: .logdir)
        report.directoryProblems = reader.listing.problems.map { DirectoryProblem(path: $0.path, message: $0.message) }
        let runs = reader.runs
        guard !runs.isEmpty else {
            if !reader.listing.runs.isEmpty {
                throw CommandFailure("\(path): none of its \(reader.listing.runs.count) runs matches --runs")
            }
            let unreadable = report.directoryProblems.isEmpty
                ? "" : "; \(report.directoryProblems.count) directories below it cannot be listed"
            throw CommandFailure(
                "\(path): no event files (a run is a directory that directly holds a file whose name contains "
                    + "'tfevents')\(unreadable)")
        }
        let total = runs.reduce(0) { $0 + $1.readFiles.count }
        var done = 0
        for listed in runs {
            var run = Run(name: listed.name, path: listed.path, files: [])
            for file in listed.readFiles {
                let label = "inspecting file \(done + 1) of \(total)"
                let name = "\(listed.name)/\(file.name)"
                progress.update { "\(label): \(name)" }
                run.files.append(
                    FileInspection.read(name: file.name, path: file.path, size: file.size, source: source) { read, size in
                        progress.update { "\(label) (\(megabytes(read)) of \(megabytes(size)) MB): \(name)" }
                    })
                done += 1
            }
            progress.update { "inspecting run \(listed.name): restarts" }
            run.notes = purgeNotes(reader.read(listed))
            report.runs.append(run)
        }
        progress.clear()
        return report
    }

    /// The directory and name of `path` when it is a file; `nil` when it is a directory.
    ///
    /// - Throws: ``CommandFailure`` when nothing is at `path`.
    private static func fileParts(_ path: String, source: any ByteSource) throws -> (directory: String, name: String)? {
        if source is FileSystemSource {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("\(path): no such file or directory")
            }
            guard !isDirectory.boolValue else { return nil }
            let url = URL(fileURLWithPath: path)
            return (url.deletingLastPathComponent().path, url.lastPathComponent)
        }
        // Object storage has no directories: a path is one when keys start with it and a '/'.
        do {
            _ = try source.listFiles(under: path)
            return nil
        } catch where error.kind == .notADirectory {
            let slash = path.lastIndex(of: "/") ?? path.startIndex
            return (String(path[..<slash]), String(path[path.index(after: slash)...]))
        } catch where error.kind == .notFound {
            throw CommandFailure("\(path): no such file or directory")
        } catch {
            // The log directory's reader says what is wrong with it.
            return nil
        }
    }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    /// A note for every purge TensorBoard applies to the run: the points it drops.
    private static func purgeNotes(_ stream: RunReader) -> [String] {
        while stream.next() != nil {}
        return stream.purges.map { purge in
            let location = purge.path.map { path in
                " (\(path.split(separator: "/").last.map(String.init) ?? path)"
                    + (purge.offset.map { ", byte \($0)" } ?? "") + ")"
            } ?? ""
            switch purge.reason {
            case .restart:
                return "SessionLog START at step \(purge.step)\(location): TensorBoard drops the points of this run "
                    + "at step \(purge.step) or later that were written before it"
            case .stepWentBack, .metadata:
                let tags = (purge.series ?? []).map { stream.series($0).tag }.joined(separator: ", ")
                return "step went back to \(purge.step) for \(tags)\(location): TensorBoard drops the points of "
                    + "these tags at step \(purge.step) or later that were written before it"
            }
        }
    }
}
