/// Why a log directory cannot be read at all.
///
/// Only the log directory itself can fail this way. Problems below it (an unreadable
/// subdirectory, a damaged record) do not stop a scan; they arrive as
/// ``LogdirReader/Item/problem(_:)`` items.
public struct LogdirReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var kind: Kind
    /// The log directory, as given.
    public var path: String
    /// The C error number behind ``Kind/unreadable``, or 0.
    public var errno: Int32

    /// Creates an error.
    public init(_ kind: Kind, path: String, errno: Int32 = 0) {
        self.kind = kind
        self.path = path
        self.errno = errno
    }

    /// The ways a log directory can be unusable.
    public enum Kind: Sendable, Hashable {
        /// Nothing exists at the path.
        case notFound
        /// The path names a file, not a directory.
        case notADirectory
        /// The directory exists but cannot be listed (for example, no permission).
        case unreadable
    }

    /// `path: what is wrong`.
    public var description: String {
        switch kind {
        case .notFound:
            return "\(path): no such log directory"
        case .notADirectory:
            return "\(path): not a directory (give the directory that holds the runs, not an event file)"
        case .unreadable:
            return "\(path): cannot list the log directory: \(SystemError.message(for: errno)) (errno \(errno))"
        }
    }
}
