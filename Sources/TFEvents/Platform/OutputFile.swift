internal import Glibc

/// A file the command-line tool writes, or its standard output: created (or emptied), written in
/// full, closed.
///
/// Owner-less like ``FileDescriptor``: nothing is closed unless ``close()`` is called, and
/// ``standardOutput`` is never closed by its users. Writes are not buffered here.
package struct OutputFile: Sendable {
    private let descriptor: FileDescriptor

    private init(descriptor: FileDescriptor) {
        self.descriptor = descriptor
    }

    /// The process's standard output.
    package static let standardOutput = OutputFile(descriptor: FileDescriptor(rawValue: STDOUT_FILENO))

    /// Creates the file at `path`, or empties the file there, for writing; a new file gets the
    /// permissions 0644 less the umask.
    ///
    /// - Parameter followingLinks: When `false`, a symbolic link at `path` (its last component)
    ///   fails with `ELOOP` ("Too many levels of symbolic links") instead of being written
    ///   through. The corresponding C call is `open` with `O_NOFOLLOW`.
    package init(creatingOrTruncating path: String, followingLinks: Bool = true) throws(SystemCallFailure) {
        do {
            descriptor = try FileDescriptor.createOrTruncate(path, followingLinks: followingLinks)
        } catch {
            throw SystemCallFailure(error)
        }
    }

    /// Writes `bytes` from offset `written` on, advancing `written`, until all are written or a
    /// call fails; interrupted calls are retried. After a failure `written` counts the bytes that
    /// did get written, so a caller can keep the rest. A closed pipe fails with `EPIPE`
    /// (``SystemCallFailure/isBrokenPipe``) when `SIGPIPE` is ignored
    /// (``ProcessSignals/ignoreBrokenPipe()``).
    package func write(_ bytes: [UInt8], written: inout Int) throws(SystemCallFailure) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(SystemCallFailure) in try write(raw, written: &written) }
        }
        try result.get()
    }

    /// ``write(_:written:)`` for bytes in memory the caller owns.
    package func write(_ bytes: UnsafeRawBufferPointer, written: inout Int) throws(SystemCallFailure) {
        guard written < bytes.count else { return }
        let result = descriptor.writeAll(UnsafeRawBufferPointer(rebasing: bytes[written...]))
        written += result.written
        if let failure = result.failure { throw SystemCallFailure(failure) }
    }

    /// Writes all of `bytes`.
    package func write(_ bytes: [UInt8]) throws(SystemCallFailure) {
        var written = 0
        try write(bytes, written: &written)
    }

    /// Closes the file. A failure here can mean that data written earlier was lost (as on NFS).
    package func close() throws(SystemCallFailure) {
        do {
            try descriptor.close()
        } catch {
            throw SystemCallFailure(error)
        }
    }
}
