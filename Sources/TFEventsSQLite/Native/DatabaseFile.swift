internal import Glibc
internal import Synchronization

/// Where a database is built and how it gets to its place: a hidden file beside the output,
/// `.<name>.<pid>-<n>.tfevents-tmp` (`n` counts the exports of this process, so two at once never
/// share a file), synced and renamed over the output only once it is complete.
///
/// `rename(2)` within a directory replaces the old file in one step, so whoever opens the output
/// path finds the old database or the new one, whole, whatever happens to this process, even
/// `SIGKILL`. A killed export leaves its temporary file behind; the next export into the same
/// directory removes those whose process is gone.
struct DatabaseFile {
    /// The output path, as given.
    let output: String
    /// The temporary file's path.
    let temporary: String
    /// The output's directory as a path prefix: up to its last `/`, or empty.
    private let directoryPrefix: String
    /// The directory, for calls that take one.
    private let directory: String
    /// What every temporary file of this output starts with.
    private let prefix: String

    init(output: String) {
        self.output = output
        let slash = output.lastIndex(of: "/")
        directoryPrefix = slash.map { String(output[...$0]) } ?? ""
        directory = directoryPrefix.isEmpty ? "." : directoryPrefix == "/" ? "/" : String(directoryPrefix.dropLast())
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        prefix = "." + name + "."
        let number = Self.exports.add(1, ordering: .relaxed).newValue
        temporary = directoryPrefix + prefix + String(getpid()) + "-" + String(number) + Self.suffix
    }

    private static let suffix = ".tfevents-tmp"
    /// Exports made by this process so far.
    private static let exports = Atomic<Int>(0)

    /// Removes what an earlier export into the same output left when it was killed: temporary
    /// files whose process no longer exists, and a file at this export's own name.
    func removeLeftovers() {
        unlink(temporary)
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = Self.name(of: entry)
            guard name.hasPrefix(prefix), name.hasSuffix(Self.suffix) else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(Self.suffix.count)
            guard let pid = middle.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
            // ESRCH: no such process. EPERM means it exists under another user: keep its file.
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directoryPrefix + name)
            }
        }
    }

    /// Removes the temporary file, after a failure.
    func discard() {
        unlink(temporary)
    }

    /// Syncs the complete temporary file, renames it over the output and syncs the directory,
    /// so the new database is the one at the output path even after a power cut.
    func moveIntoPlace() throws(FileFailure) {
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        if fsync(descriptor) != 0 {
            let failed = failure("fsync", temporary)
            close(descriptor)
            throw failed
        }
        close(descriptor)
        guard rename(temporary, output) == 0 else { throw failure("rename", output) }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            // Some file systems cannot sync a directory (EINVAL); the rename itself is done.
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Whether the directory the output goes into exists.
    var directoryExists: Bool {
        var status = stat()
        return stat(directory, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The name in a directory entry, read in place: `readdir` returns records only as long as
    /// their names, so copying the whole `dirent` (256 bytes of name) can read past the end of
    /// the buffer, which crashed when the record was the last before an unmapped page.
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    private func failure(_ operation: String, _ path: String) -> FileFailure {
        let code = errno
        return FileFailure(operation: operation, path: path, errno: code, reason: String(cString: strerror(code)))
    }
}
