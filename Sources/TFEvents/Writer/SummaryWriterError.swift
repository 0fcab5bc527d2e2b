/// An error from writing summaries: a failed system call, a closed writer, or input that
/// cannot be recorded (and so was not).
public struct SummaryWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var kind: Kind
    /// The file or directory involved, when there is one.
    public var path: String?

    /// Creates an error.
    public init(_ kind: Kind, path: String? = nil) {
        self.kind = kind
        self.path = path
    }

    /// The kinds of writer error.
    public enum Kind: Sendable, Hashable {
        /// A system call failed: `operation` names it (`open`, `write`, `fsync`, `mkdir`, ...),
        /// `errno` is the C error number. A failed `mkdir` names the directory that could not be
        /// created; `ENOTDIR` then means something that is not a directory is in the way.
        case io(operation: String, errno: Int32)
        /// The writer was closed before the call.
        case closed
        /// The data given cannot be recorded; the message says why. Nothing was written.
        case invalidInput(String)
    }

    /// A one-line message: `path: what happened`.
    public var description: String {
        let prefix = path.map { "\($0): " } ?? ""
        switch kind {
        case .io(let operation, let errno):
            let reason = "\(SystemError.message(for: errno)) (errno \(errno))"
            // The steps a user can act on say what could not be done; the writer opens files
            // only to create them (a file it continues but cannot open is simply not continued).
            switch operation {
            case "mkdir":
                let why = SystemError.isNotADirectory(errno) ? "it is not a directory" : reason
                return "\(prefix)cannot create the log directory: \(why)"
            case "open":
                return "\(prefix)cannot create the event file: \(reason)"
            case "opendir", "readdir":
                return "\(prefix)cannot list the directory: \(reason)"
            default:
                return "\(prefix)\(operation) failed: \(reason)"
            }
        case .closed:
            return "\(prefix)the summary writer is closed"
        case .invalidInput(let message):
            return "\(prefix)\(message)"
        }
    }

    /// The error for a failed system call on `path`, or on the path the failure names itself.
    init(_ failure: FileDescriptor.Failure, path: String) {
        self.init(.io(operation: failure.operation, errno: failure.errno), path: failure.path ?? path)
    }

    static func invalidInput(_ message: String) -> SummaryWriterError {
        SummaryWriterError(.invalidInput(message))
    }
}
