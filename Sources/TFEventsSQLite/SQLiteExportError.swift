/// Why an export to SQLite failed, with the database file it was writing.
///
/// A failed export never leaves a partial database: the output path keeps the file it had
/// before (or none), and the temporary file the database was being built in is removed.
///
/// ```text
/// runs.db: cannot build the database: step: database or disk is full (SQLite code 13)
/// ```
public struct SQLiteExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The output path given to ``SQLiteExport/write(to:progress:)``.
    public var path: String
    /// What failed.
    public var kind: Kind
    /// A one-line explanation.
    public var message: String

    /// The kinds of failure.
    public enum Kind: Sendable, Hashable {
        /// SQLite failed, with its extended result code (13, `SQLITE_FULL`, for a full disk).
        case sqlite(code: Int32)
        /// A file-system call failed (creating, syncing or renaming the file), with `errno`.
        case system(errno: Int32)
        /// The output's directory does not exist.
        case noDirectory
    }

    /// Creates an error.
    public init(path: String, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    init(path: String, _ failure: SQLiteFailure) {
        self.init(
            path: path, kind: .sqlite(code: failure.code), message: "cannot build the database: \(failure)")
    }

    init(path: String, _ failure: FileFailure) {
        let what = failure.path == path ? "" : " " + failure.path
        self.init(
            path: path, kind: .system(errno: failure.errno),
            message: "\(failure.operation)\(what) failed: \(failure.reason) (errno \(failure.errno))")
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
