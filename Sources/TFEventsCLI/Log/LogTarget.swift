import Foundation
import Glibc
import TFEvents

/// The event file `tfevents log` writes into, held under an exclusive `flock` until the process
/// ends so that concurrent `tfevents log` calls never write into the same file at once.
///
/// Calls from a shell loop continue one file rather than leaving one file per call: the run's
/// last event file (in name order, the order TensorBoard reads) is appended to when
/// - its name ends in ``suffix``, so only `tfevents log` ever wrote it (a training process may
///   still hold any other file open at its own offset, and would overwrite appended records);
/// - it can be locked within ``lockWait`` (another `tfevents log` may be holding it);
/// - it is whole: it starts with a `file_version` record and every record verifies up to the
///   end, so nothing appended can be lost in damage.
/// Otherwise a new file is made, named so that it sorts after every file already in the run
/// (TensorBoard's Python loader never goes back to an earlier name).
final class LogTarget {
    /// Marks the files `tfevents log` writes: `events.out.tfevents.<secs>.<host>.<pid>.<n>.cli`.
    static let suffix = ".cli"
    /// How long to wait for another `tfevents log` to release the last file before making a new one.
    static let lockWait: TimeInterval = 1

    let writer: SummaryWriter
    private let lock: Int32

    var path: String { writer.path }

    private init(writer: SummaryWriter, lock: Int32) {
        self.writer = writer
        self.lock = lock
    }

    deinit {
        Glibc.close(lock)
    }

    /// Opens the file to write into `logdir` (the run's directory), creating the directory when
    /// it does not exist.
    ///
    /// - Throws: ``CommandFailure`` with a one-line message when the directory or the file cannot
    ///   be created or written.
    static func open(logdir: String, options: SummaryWriter.Options) throws -> LogTarget {
        try makeDirectories(logdir)
        let names = try eventFileNames(in: logdir)
        if let last = names.last, last.hasSuffix(suffix) {
            let path = join(logdir, last)
            if let lock = lockExisting(path) {
                // Still the last file once locked, and whole?
                if try eventFileNames(in: logdir).last == last && isWhole(path) {
                    do {
                        let writer = try SummaryWriter(appendingTo: path, options: options)
                        return LogTarget(writer: writer, lock: lock)
                    } catch {
                        Glibc.close(lock)
                        throw CommandFailure(error.description)
                    }
                }
                Glibc.close(lock)
            }
        }
        return try create(in: logdir, after: try eventFileNames(in: logdir).last, options: options)
    }

    /// Makes a new file whose name sorts after `last`, locks it, and starts it with the usual
    /// first records.
    private static func create(in logdir: String, after last: String?, options: SummaryWriter.Options) throws
        -> LogTarget
    {
        var wallTime = Date().timeIntervalSince1970
        if let last, let seconds = leadingSeconds(last) {
            wallTime = max(wallTime, Double(seconds))
        }
        while true {
            var name = SummaryWriter.newFileName(wallTime: wallTime, suffix: suffix)
            if let last, !last.utf8.lexicographicallyPrecedes(name.utf8), let seconds = leadingSeconds(last) {
                // Same second as the last file, but a name that sorts before it (another host or
                // a larger process id): take the next second.
                wallTime = Double(seconds + 1)
                name = SummaryWriter.newFileName(wallTime: wallTime, suffix: suffix)
            }
            let path = join(logdir, name)
            let descriptor = Glibc.open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw CommandFailure("\(path): cannot create the event file: \(systemMessage(errno))")
            }
            // Whoever else might look at the new file (another `tfevents log` finding it last)
            // finds it empty, so not whole, and lets go at once.
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            do {
                let writer = try SummaryWriter(appendingTo: path, options: options)
                return LogTarget(writer: writer, lock: descriptor)
            } catch {
                // Not even the first records fit (a full disk): leave no empty or cut file behind.
                unlink(path)
                Glibc.close(descriptor)
                throw CommandFailure(error.description)
            }
        }
    }

    /// A descriptor holding an exclusive lock on `path`, or `nil` when the file cannot be opened
    /// or stays locked by someone else for ``lockWait``.
    private static func lockExisting(_ path: String) -> Int32? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let deadline = Date().addingTimeInterval(lockWait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                Glibc.close(descriptor)
                return nil
            }
            usleep(10_000)
        }
        return descriptor
    }

    /// Whether the file starts with a `file_version` event and ends with a complete record, with
    /// every record verifying.
    private static func isWhole(_ path: String) -> Bool {
        let reader = EventFileReader(path: path)
        guard case .event(let first, _)? = reader.next(), first.fileVersion != nil else { return false }
        while let entry = reader.next() {
            if case .problem = entry { return false }
        }
        return true
    }

    /// The names of the event files directly in `logdir`, in byte order (TensorBoard's order).
    private static func eventFileNames(in logdir: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: logdir)
        } catch {
            throw CommandFailure("\(logdir): cannot list the directory")
        }
        return names.filter { name in
            guard name.contains("tfevents"), !name.hasSuffix(".profile-empty") else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: join(logdir, name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The 10-digit seconds of a name in the writers' scheme, `events.out.tfevents.<secs>.…`.
    private static func leadingSeconds(_ name: String) -> Int64? {
        let prefix = "events.out.tfevents."
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        return digits.count == 10 ? Int64(digits) : nil
    }

    /// `mkdir -p`, with a one-line error.
    private static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                var status = stat()
                let isDirectory = stat(prefix, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                guard code == EEXIST, isDirectory else {
                    let reason = code == EEXIST ? "it is not a directory" : systemMessage(code)
                    throw CommandFailure("\(prefix): cannot create the log directory: \(reason)")
                }
            }
            prefix += "/"
        }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func systemMessage(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
