internal import Glibc

/// The process's standard input, read in chunks as they arrive, for `tfevents log --stdin`:
/// it must know when the next read would wait, so it can flush what it has first.
///
/// `package`, so the command-line tool reads its input without system calls of its own; every
/// system call stays in this folder.
package enum StandardInput {
    /// A failed read: the message is one line, `read failed: <reason> (errno N)`.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// The C error number.
        package var errno: Int32

        package var description: String {
            "read failed: \(SystemError.message(for: errno)) (errno \(errno))"
        }
    }

    private static let descriptor = FileDescriptor(rawValue: STDIN_FILENO)

    /// Whether a read would return at once: data is waiting, or the input has ended.
    package static func isReady() -> Bool {
        descriptor.isReadable()
    }

    /// Reads what is available into `buffer`, waiting for at least one byte; 0 means the input
    /// has ended.
    package static func read(into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        do {
            return try descriptor.read(into: buffer)
        } catch {
            throw Failure(errno: error.errno)
        }
    }
}
