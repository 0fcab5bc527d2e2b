internal import Glibc

/// The few file-system operations the library needs, without Foundation.
///
/// `package` for the command-line tool's exports, which must not write through symbolic links
/// (``createDirectoryNotFollowingLinks(_:)``, ``resolvedPath(_:)``); the rest is internal.
package enum FileSystem {
    /// Creates `path` and any missing parents (like `mkdir -p`). The failure names the component
    /// that could not be created in its `path`; a component that exists but is not a directory
    /// fails with `ENOTDIR`.
    static func createDirectories(_ path: String) throws(FileDescriptor.Failure) {
        guard !path.isEmpty else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                // An existing directory is fine; anything else existing there is not.
                guard code == EEXIST, isDirectory(prefix) else {
                    throw FileDescriptor.Failure(
                        operation: "mkdir", errno: code == EEXIST ? ENOTDIR : code, path: prefix)
                }
            }
            prefix += "/"
        }
    }

    /// Whether `path` names a directory (following symlinks).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Removes the file at `path` (`unlink`), when nothing else can be done about a failure and a
    /// half-made file would only mislead.
    static func removeFile(_ path: String) {
        unlink(path)
    }

    /// Joins two path components with a single `/`.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

extension FileSystem {
    /// What `stat` (which follows symbolic links) says about a path.
    struct Status: Sendable, Hashable {
        /// The device and inode: equal for two paths that reach the same file or directory.
        var device: UInt64
        var inode: UInt64
        var isDirectory: Bool
        var size: Int64
    }

    /// `stat` of `path`, following symbolic links.
    static func status(_ path: String) throws(FileDescriptor.Failure) -> Status {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileDescriptor.Failure(operation: "stat", errno: errno) }
        return Status(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR, size: Int64(info.st_size))
    }

    /// The names in the directory at `path`, without `.` and `..`, in no particular order.
    static func contentsOfDirectory(_ path: String) throws(FileDescriptor.Failure) -> [String] {
        guard let directory = opendir(path) else { throw FileDescriptor.Failure(operation: "opendir", errno: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw FileDescriptor.Failure(operation: "readdir", errno: errno) }
                return names
            }
            // Read in place: `readdir` returns records only as long as their names, so copying
            // the `dirent` (256 bytes of name) can read past the end of its buffer.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
            let name = String(
                cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
    }
}

extension FileSystem {
    /// Why ``createDirectoryNotFollowingLinks(_:)`` failed.
    package enum DirectoryFailure: Error, Sendable, Hashable, CustomStringConvertible {
        /// `mkdir` failed, for another reason than something being there already.
        case cannotCreate(SystemCallFailure)
        /// What is at the path is not a directory: a file, or a symbolic link (even to a directory).
        case notADirectory

        package var description: String {
            switch self {
            case .cannotCreate(let failure): failure.description
            case .notADirectory: "not a directory (a symbolic link or a file)"
            }
        }
    }

    /// Creates the directory `path` (permissions 0755 less the umask) unless there is one already,
    /// then checks with `lstat`, which does not follow a symbolic link, that a directory itself is
    /// there and not a link to one: nothing written below it afterwards goes through a link at its
    /// last component. The components before it are followed as usual, so a caller that must
    /// stay below a directory creates the levels one at a time from that directory's
    /// ``resolvedPath(_:)``.
    package static func createDirectoryNotFollowingLinks(_ path: String) throws(DirectoryFailure) {
        if mkdir(path, 0o755) != 0 {
            let code = errno
            guard code == EEXIST else { throw .cannotCreate(SystemCallFailure(call: "mkdir", errno: code)) }
        }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory }
    }

    /// The absolute path that `path` names, with every symbolic link, `.` and `..` resolved. The
    /// corresponding C function is `realpath`.
    package static func resolvedPath(_ path: String) throws(SystemCallFailure) -> String {
        guard let resolved = realpath(path, nil) else { throw SystemCallFailure(call: "realpath", errno: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
