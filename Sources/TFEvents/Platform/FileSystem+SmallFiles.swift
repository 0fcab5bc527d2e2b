internal import Glibc

/// Whole small files, for the files the embedding projector reads (EventFileFormat.md §7.10): made
/// once and never appended to, or replaced in one step, so a reader sees a file either as it was
/// or as it is, never half written.
extension FileSystem {
    /// Creates the directory `path` (permissions 0755 less the umask). Fails with `EEXIST` when
    /// anything is there already: the caller owns what it creates, as with `O_EXCL`.
    static func createDirectoryExclusively(_ path: String) throws(FileDescriptor.Failure) {
        if mkdir(path, 0o755) != 0 { throw FileDescriptor.Failure(operation: "mkdir", errno: errno, path: path) }
    }

    /// Removes the empty directory at `path`, when a half-made one would only mislead; failures
    /// are ignored.
    static func removeEmptyDirectory(_ path: String) {
        rmdir(path)
    }

    /// Creates the file `path`, which must not exist, with `bytes` as its whole content. A file
    /// that cannot be written in full is removed again.
    static func writeNewFile(_ path: String, _ bytes: [UInt8], sync: Bool = false) throws(FileDescriptor.Failure) {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.createExclusively(path)
        } catch {
            throw FileDescriptor.Failure(operation: error.operation, errno: error.errno, path: path)
        }
        var failure = bytes.withUnsafeBytes { file.writeAll($0) }.failure
        if failure == nil && sync {
            do throws(FileDescriptor.Failure) { try file.sync() } catch { failure = error }
        }
        do throws(FileDescriptor.Failure) { try file.close() } catch { failure = failure ?? error }
        if let failure {
            removeFile(path)
            throw FileDescriptor.Failure(operation: failure.operation, errno: failure.errno, path: path)
        }
    }

    /// The whole content of the file at `path`, or `nil` when there is no file there.
    static func contentsOfFile(_ path: String) throws(FileDescriptor.Failure) -> [UInt8]? {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.openForReading(path)
        } catch where error.isNotFound {
            return nil
        } catch {
            throw FileDescriptor.Failure(operation: error.operation, errno: error.errno, path: path)
        }
        defer { try? file.close() }
        var contents: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count: Int
            do {
                count = try file.read(into: chunk, at: Int64(contents.count))
            } catch {
                throw FileDescriptor.Failure(operation: error.operation, errno: error.errno, path: path)
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[..<count])
        }
    }

    /// Replaces the file at `path` with one holding `bytes`, in one step: the bytes go to a new
    /// file beside it, which is synced and then renamed over `path`. A reader opens either the
    /// old file or the new one, whole; a crash leaves the old one (and at worst the new one as a
    /// stray `.tmp` file).
    static func replaceFile(
        _ path: String, with bytes: [UInt8], temporarySuffix: String
    ) throws(FileDescriptor.Failure) {
        let temporary = path + temporarySuffix
        try writeNewFile(temporary, bytes, sync: true)
        if rename(temporary, path) != 0 {
            let code = errno
            removeFile(temporary)
            throw FileDescriptor.Failure(operation: "rename", errno: code, path: path)
        }
    }

    /// Runs `body` holding an exclusive `flock` on the directory at `path`, which other processes
    /// take the same way before they change a file in it. Waits as long as another holder keeps
    /// it. On a file system without `flock`, `body` runs unlocked.
    static func withDirectoryLocked<Result>(
        _ path: String, _ body: () throws(FileDescriptor.Failure) -> Result
    ) throws(FileDescriptor.Failure) -> Result {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileDescriptor.Failure(operation: "open", errno: errno, path: path) }
        let directory = FileDescriptor(rawValue: descriptor)
        // Closing the descriptor releases the lock.
        defer { try? directory.close() }
        _ = directory.lockExclusively()
        return try body()
    }
}
