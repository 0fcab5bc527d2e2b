/// Why a log directory cannot be read at all.
///
/// Only the log directory itself can fail this way. Problems below it (an unreadable
/// subdirectory, a damaged record) never stop reading; they are reported as ``ReadProblem``s.
public struct SummaryReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var kind: Kind
    /// The log directory, as given.
    public var path: String
    /// Why, when the source said more than the kind does, such as `Permission denied (errno 13)`.
    public var reason: String?

    /// Creates an error.
    public init(_ kind: Kind, path: String, reason: String? = nil) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    init(_ failure: ByteSourceError, logdir: String) {
        switch failure.kind {
        case .notFound: self.init(.notFound, path: logdir)
        case .notADirectory: self.init(.notADirectory, path: logdir)
        case .unreadable, .replaced: self.init(.unreadable, path: logdir, reason: failure.message)
        }
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
            return "\(path): cannot list the log directory" + (reason.map { ": \($0)" } ?? "")
        }
    }
}
