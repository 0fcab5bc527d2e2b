internal import Glibc

/// The few file-system operations the library needs, without Foundation.
enum FileSystem {
    /// Creates `path` and any missing parents (like `mkdir -p`).
    static func createDirectories(_ path: String) throws(FileDescriptor.Failure) {
        guard !path.isEmpty else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                // An existing directory is fine; anything else existing there is not.
                guard code == EEXIST, isDirectory(prefix) else {
                    throw FileDescriptor.Failure(operation: "mkdir", errno: code == EEXIST ? ENOTDIR : code)
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

    /// Joins two path components with a single `/`.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
