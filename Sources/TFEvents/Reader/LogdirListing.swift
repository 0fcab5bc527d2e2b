/// The runs of a log directory and their event files, found by the same rules as
/// ``LogdirReader`` (recursive walk, `tfevents` in the name, `.profile-empty` files not read,
/// runs and files in byte order), for tools that look at the files one at a time, such as
/// `tfevents inspect`.
package struct LogdirListing: Sendable {
    /// A run: a directory that directly holds event files.
    package struct Run: Sendable, Hashable {
        /// The run's name: its path below the log directory, `.` for the log directory itself.
        package var name: String
        /// The directory's path.
        package var path: String
        /// Its event files in name order (TensorBoard's reading order).
        package var files: [File]
    }

    /// An event file.
    package struct File: Sendable, Hashable {
        /// The file's name.
        package var name: String
        /// Its path: the run's path joined with the name.
        package var path: String
        /// Its size when the directory was listed.
        package var size: Int64
    }

    /// A directory below the log directory that could not be listed.
    package struct Unreadable: Sendable, Hashable {
        package var path: String
        /// The C error number.
        package var errno: Int32
        /// The system's message for it, such as "Permission denied".
        package var message: String { SystemError.message(for: errno) }
    }

    /// The runs in name order.
    package var runs: [Run]
    /// The directories that could not be listed (their runs are missing from ``runs``).
    package var unreadable: [Unreadable]

    /// Lists `logdir`.
    ///
    /// - Throws: ``LogdirReaderError`` when `logdir` does not exist, is not a directory or
    ///   cannot be listed.
    package init(logdir: String) throws(LogdirReaderError) {
        try LogdirScanner.validate(logdir)
        let scan = LogdirScanner(logdir: logdir).scan()
        runs = scan.runs.sorted { LogdirScanner.byteOrder($0.name, $1.name) }.map { directory in
            Run(
                name: directory.name, path: directory.path,
                files: directory.files.map { File(name: $0.name, path: $0.path, size: $0.size) })
        }
        unreadable = scan.unreadable.map { Unreadable(path: $0.path, errno: $0.failure.errno) }
    }
}
