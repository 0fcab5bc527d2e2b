internal import Glibc

/// A failed system call, for the `package` side of this folder: which call, and the C error
/// number. Its ``description`` is one line, `open failed: No such file or directory (errno 2)`;
/// ``reason`` alone is the C library's text, for callers that word their own messages.
package struct SystemCallFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The C function that failed, such as `open` or `mkdir`.
    package var call: String
    /// The C error number.
    package var errno: Int32

    package init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    /// What the C library says about ``errno``, e.g. "No such file or directory".
    package var reason: String { SystemError.message(for: errno) }

    package var description: String { "\(call) failed: \(reason) (errno \(errno))" }

    /// Whether the call failed because the reader of a pipe went away (`EPIPE`).
    package var isBrokenPipe: Bool { errno == EPIPE }
}

extension SystemCallFailure {
    init(_ failure: FileDescriptor.Failure) {
        self.init(call: failure.operation, errno: failure.errno)
    }
}
