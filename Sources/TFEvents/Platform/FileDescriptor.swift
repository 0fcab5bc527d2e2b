internal import Glibc

/// A thin owner-less wrapper over a POSIX file descriptor: the system calls the writer and the
/// reader need, retried on `EINTR`, failing with the C error number.
struct FileDescriptor: Sendable {
    let rawValue: Int32

    /// The error of a failed call: which call, and `errno`.
    struct Failure: Error, Sendable {
        var operation: String
        var errno: Int32
        /// The path the call failed on, when the caller cannot tell which one it was (`mkdir -p`
        /// stops at the first component it cannot create).
        var path: String? = nil

        /// Whether the call failed because the file already exists.
        var isAlreadyExists: Bool { errno == EEXIST }

        /// Whether the call failed because the path does not exist.
        var isNotFound: Bool { errno == ENOENT }
    }

    /// Opens `path` read-only.
    static func openForReading(_ path: String) throws(Failure) -> FileDescriptor {
        try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
    }

    /// Creates `path`, failing with `EEXIST` rather than touching a file that is already there.
    /// With `appending`, every write lands at the end of the file (`O_APPEND`).
    static func createExclusively(
        _ path: String, mode: mode_t = 0o644, appending: Bool = false
    ) throws(Failure) -> FileDescriptor {
        try open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | (appending ? O_APPEND : 0), mode: mode)
    }

    /// Opens the existing file at `path` for appending (`O_APPEND`): every write lands at the end,
    /// even when someone else appended meanwhile.
    static func openExistingForAppending(_ path: String) throws(Failure) -> FileDescriptor {
        try open(path, flags: O_WRONLY | O_APPEND | O_CLOEXEC, mode: 0)
    }

    /// Creates `path` or empties the file there, for writing. Without `followingLinks`, a symbolic
    /// link at `path` (its last component) fails with `ELOOP` instead of being written through.
    static func createOrTruncate(_ path: String, mode: mode_t = 0o644, followingLinks: Bool) throws(Failure)
        -> FileDescriptor
    {
        try open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW), mode: mode)
    }

    private static func open(_ path: String, flags: Int32, mode: mode_t) throws(Failure) -> FileDescriptor {
        while true {
            let fd = Glibc.open(path, flags, mode)
            if fd >= 0 { return FileDescriptor(rawValue: fd) }
            if errno != EINTR { throw Failure(operation: "open", errno: errno) }
        }
    }

    /// Writes bytes until all are written or a call fails. Returns how many were written, so a
    /// caller can keep the rest after a failure.
    func writeAll(_ bytes: UnsafeRawBufferPointer) -> (written: Int, failure: Failure?) {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(rawValue, bytes.baseAddress! + written, bytes.count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                // write(2) returning 0 for a non-empty request means no progress is possible.
                return (written, Failure(operation: "write", errno: result < 0 ? errno : EIO))
            }
        }
        return (written, nil)
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(Failure) -> Int {
        while true {
            let result = pread(rawValue, buffer.baseAddress, buffer.count, off_t(offset))
            if result >= 0 { return result }
            if errno != EINTR { throw Failure(operation: "read", errno: errno) }
        }
    }

    /// The file's current size in bytes.
    func size() throws(Failure) -> Int64 {
        var info = stat()
        if fstat(rawValue, &info) != 0 { throw Failure(operation: "fstat", errno: errno) }
        return Int64(info.st_size)
    }

    /// Asks the kernel to put the file's data on stable storage.
    func sync() throws(Failure) {
        while fsync(rawValue) != 0 {
            if errno != EINTR { throw Failure(operation: "fsync", errno: errno) }
        }
    }

    /// Reads what is available, up to `buffer.count` bytes, waiting for at least one; 0 means
    /// the end of the input. For pipes and terminals, which have no offsets.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        while true {
            let result = Glibc.read(rawValue, buffer.baseAddress, buffer.count)
            if result >= 0 { return result }
            if errno != EINTR { throw Failure(operation: "read", errno: errno) }
        }
    }

    /// Whether a read would return at once: data is waiting, or the input has ended.
    func isReadable() -> Bool {
        var request = pollfd(fd: rawValue, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    /// Takes an exclusive `flock` on the file, waiting as long as another holder keeps it.
    /// Returns `false` when the file system does not lock.
    func lockExclusively() -> Bool {
        while flock(rawValue, LOCK_EX) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }

    /// Takes an exclusive `flock` on the file if it becomes free within `timeout`, trying every
    /// 10 ms (a blocking `flock` cannot be given a deadline). Returns whether it was taken.
    func lockExclusively(within timeout: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while flock(rawValue, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now < deadline else { return false }
            usleep(10_000)
        }
        return true
    }

    /// Closes the descriptor.
    func close() throws(Failure) {
        // Retrying close after EINTR is wrong on Linux (the descriptor is already gone).
        if Glibc.close(rawValue) != 0 && errno != EINTR {
            throw Failure(operation: "close", errno: errno)
        }
    }
}
