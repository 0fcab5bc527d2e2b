/// Finds the runs of a log directory by TensorBoard's rules (`io_wrapper.GetLogdirSubdirectories`,
/// `IsTensorFlowEventsFile`, `IsSummaryEventsFile`).
///
/// - An event file is a non-directory whose name contains `tfevents`.
/// - A run is a directory that directly holds one; a name ending in `.profile-empty` makes a run
///   but is never read (TensorBoard's Python loader skips those placeholders).
/// - The walk is recursive and follows symbolic links, but enters each directory (by device and
///   inode) once, so links cannot make it loop; the first path found in name order wins.
/// - Names are compared byte by byte (UTF-8), as Python compares the path strings.
struct LogdirScanner {
    /// An event file to read.
    struct File: Sendable, Hashable {
        var name: String
        var path: String
        /// The size when the directory was listed.
        var size: Int64
    }

    /// A run's directory and its readable event files in name order.
    struct RunDirectory: Sendable, Hashable {
        var name: String
        var path: String
        var files: [File]
    }

    let logdir: String
    /// Lists a directory; tests replace it to simulate directories that cannot be read.
    var listDirectory: (String) throws(FileDescriptor.Failure) -> [String] = FileSystem.contentsOfDirectory

    init(logdir: String) {
        self.logdir = logdir
    }

    /// Checks that `logdir` is a directory that can be listed.
    static func validate(_ logdir: String) throws(LogdirReaderError) {
        let status: FileSystem.Status
        do {
            status = try FileSystem.status(logdir)
        } catch {
            throw LogdirReaderError(error.isNotFound ? .notFound : .unreadable, path: logdir, errno: error.errno)
        }
        guard status.isDirectory else { throw LogdirReaderError(.notADirectory, path: logdir) }
        do {
            _ = try FileSystem.contentsOfDirectory(logdir)
        } catch {
            throw LogdirReaderError(.unreadable, path: logdir, errno: error.errno)
        }
    }

    /// Every run under the log directory, and the directories that could not be listed with why.
    func scan() -> (runs: [RunDirectory], unreadable: [(path: String, failure: FileDescriptor.Failure)]) {
        var runs: [RunDirectory] = []
        var unreadable: [(path: String, failure: FileDescriptor.Failure)] = []
        var visited: Set<DirectoryIdentity> = []
        do {
            let root = try FileSystem.status(logdir)
            visited.insert(DirectoryIdentity(root))
        } catch {
            return ([], [(logdir, error)])
        }
        walk(logdir, name: nil, visited: &visited, runs: &runs, unreadable: &unreadable)
        return (runs, unreadable)
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: FileSystem.Status) {
            device = status.device
            inode = status.inode
        }
    }

    private func walk(
        _ path: String, name: String?, visited: inout Set<DirectoryIdentity>, runs: inout [RunDirectory],
        unreadable: inout [(path: String, failure: FileDescriptor.Failure)]
    ) {
        let names: [String]
        do {
            names = try listDirectory(path)
        } catch {
            unreadable.append((path, error))
            return
        }
        var files: [File] = []
        var holdsEventFile = false
        var subdirectories: [(name: String, status: FileSystem.Status)] = []
        for entry in names.sorted(by: Self.byteOrder) {
            let entryPath = FileSystem.join(path, entry)
            // A path that cannot be stat'ed (such as a broken link) is not a directory, as in Python.
            let status = try? FileSystem.status(entryPath)
            if let status, status.isDirectory {
                subdirectories.append((entry, status))
            } else if entry.utf8.firstRange(of: "tfevents".utf8) != nil {
                holdsEventFile = true
                if !entry.hasSuffix(".profile-empty") {
                    files.append(File(name: entry, path: entryPath, size: status?.size ?? 0))
                }
            }
        }
        if holdsEventFile {
            runs.append(RunDirectory(name: name ?? ".", path: path, files: files))
        }
        for subdirectory in subdirectories where visited.insert(DirectoryIdentity(subdirectory.status)).inserted {
            walk(
                FileSystem.join(path, subdirectory.name),
                name: name.map { $0 + "/" + subdirectory.name } ?? subdirectory.name, visited: &visited, runs: &runs,
                unreadable: &unreadable)
        }
    }

    /// Byte order of the UTF-8 encodings, which is Python's order for `str`.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
