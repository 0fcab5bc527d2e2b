/// Which event file a writer made by ``SummaryWriter/init(continuing:marker:options:)`` writes
/// into: the run's last file when it can safely be continued, a new last file otherwise.
///
/// The run's last event file (in byte order of names, the order TensorBoard reads) is continued
/// when
/// - its name ends with the marker, so only writers of this kind ever wrote it (a training
///   process may still hold any other file open at its own offset, and would overwrite what is
///   appended);
/// - an exclusive `flock` on it is taken within ``lockWait`` (another such writer may hold it);
/// - it is still the last file once locked (another writer may have made a newer one meanwhile);
/// - it is whole (``isWholeEventFile(_:)``), so nothing appended can be lost in damage.
/// Otherwise a new file is made whose name sorts after every file already in the run
/// (TensorBoard's Python loader never goes back to an earlier name), and locked.
enum RunContinuation {
    /// How long to wait for another writer to release the last file before making a new one.
    static let lockWait: Duration = .seconds(1)

    /// The file a continuing writer writes into, opened for appending and locked.
    struct Target {
        var path: String
        var file: FileDescriptor
        /// Whether the file was made now, so it still needs its first records.
        var isNew: Bool
    }

    /// Refuses a marker that cannot end the name of a file in the run's directory.
    static func checkMarker(_ marker: String) throws(SummaryWriterError) {
        if marker.isEmpty {
            throw .invalidInput(
                "the marker is empty; it must end only the names of files that continuing writers made")
        }
        if marker.utf8.contains(UInt8(ascii: "/")) || marker.utf8.contains(0) {
            throw .invalidInput("the marker \(marker.debugDescription) must not hold '/' or NUL: it ends a file name")
        }
    }

    /// Opens and locks the file to write into `logdir`, which must exist.
    ///
    /// - Parameters:
    ///   - marker: The end of the names of the files that may be continued, and of a new file.
    ///   - suffix: Put before the marker in a new file's name (``SummaryWriter/Options/filenameSuffix``).
    static func open(logdir: String, marker: String, suffix: String) throws(SummaryWriterError) -> Target {
        if let last = try listEventFiles(logdir).last, last.hasSuffix(marker) {
            let path = FileSystem.join(logdir, last)
            // A file that cannot be opened for writing is no more ours to continue than a locked one.
            if let file = try? FileDescriptor.openExistingForAppending(path) {
                do throws(SummaryWriterError) {
                    if file.lockExclusively(within: lockWait), try listEventFiles(logdir).last == last,
                        isWholeEventFile(path)
                    {
                        return Target(path: path, file: file, isNew: false)
                    }
                } catch {
                    try? file.close()
                    throw error
                }
                try? file.close()
            }
        }
        return try create(in: logdir, after: listEventFiles(logdir).last, suffix: suffix + marker)
    }

    /// Makes a new file whose name sorts after `last` and ends with `suffix`, and locks it.
    private static func create(in logdir: String, after last: String?, suffix: String) throws(SummaryWriterError)
        -> Target
    {
        var wallTime = ProcessInfo.wallTime()
        if let last, let seconds = leadingSeconds(last) {
            wallTime = max(wallTime, Double(seconds))
        }
        while true {
            var name = EventFileName.next(wallTime: wallTime, suffix: suffix)
            if let last, !last.utf8.lexicographicallyPrecedes(name.utf8), let seconds = leadingSeconds(last) {
                // Same second as the last file, but a name that sorts before it (another host or
                // a larger process id): take the next second.
                wallTime = Double(seconds + 1)
                name = EventFileName.next(wallTime: wallTime, suffix: suffix)
            }
            let path = FileSystem.join(logdir, name)
            let file: FileDescriptor
            do {
                file = try FileDescriptor.createExclusively(path, appending: true)
            } catch where error.isAlreadyExists {
                continue  // Someone else has this name: take the next.
            } catch {
                throw SummaryWriterError(error, path: path)
            }
            // Whoever else looks at the new file (another writer finding it last) finds it empty,
            // so not whole, and makes its own. Where the file system has no locks, the result is
            // ignored: then no file can be locked, so none is ever continued and the files made
            // with O_EXCL never have two writers.
            _ = file.lockExclusively()
            return Target(path: path, file: file, isNew: true)
        }
    }

    /// The event files directly in `logdir` (the run `.` of the directory, by the one rule of
    /// ``LogdirListing``), by name in byte order, which is the order TensorBoard reads them in.
    static func listEventFiles(_ logdir: String) throws(SummaryWriterError) -> [String] {
        let files: FileListing
        do {
            files = try FileSystemSource().listFiles(under: logdir)
        } catch {
            throw SummaryWriterError(.io(operation: "opendir", errno: error.errno ?? 0), path: error.path)
        }
        return LogdirListing(logdir: logdir, listing: files).run(named: ".")?.readFiles.map(\.name) ?? []
    }

    /// Whether the event file at `path` is whole, so that records appended to it will be read:
    /// it starts with a `file_version` event and ``EventFileReader`` finds no problem in it, no
    /// damaged record and no partial record at the end (what a writer that died mid-write leaves).
    static func isWholeEventFile(_ path: String) -> Bool {
        let reader = EventFileReader(path: path)
        guard case .event(let first, _)? = reader.next(), first.fileVersion != nil else { return false }
        while let entry = reader.next() {
            if case .problem = entry { return false }
        }
        return true
    }

    /// The 10-digit seconds of a name in the writers' scheme, `events.out.tfevents.<secs>.…`.
    private static func leadingSeconds(_ name: String) -> Int64? {
        let prefix = "events.out.tfevents."
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        return digits.count == 10 ? Int64(digits) : nil
    }
}
