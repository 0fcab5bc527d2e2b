/// Bytes from the local file system: the default ``ByteSource``.
///
/// Listing walks the directory tree recursively and follows symbolic links, as TensorBoard does,
/// but enters each directory (by device and inode) once, so links cannot make it loop; when two
/// paths reach the same directory, the first in name order is kept. A path that cannot be
/// examined (such as a broken link) counts as a file, as in Python's `os.walk`.
public struct FileSystemSource: ByteSource {
    /// Creates a source for the local file system.
    public init() {}

    public func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        let status: FileSystem.Status
        do {
            status = try FileSystem.status(root)
        } catch {
            throw ByteSourceError(
                error.isNotFound ? .notFound : .unreadable, path: root, message: Self.message(error),
                errno: error.errno)
        }
        guard status.isDirectory else {
            throw ByteSourceError(.notADirectory, path: root, message: "not a directory")
        }
        let names: [String]
        do {
            names = try FileSystem.contentsOfDirectory(root)
        } catch {
            throw ByteSourceError(.unreadable, path: root, message: Self.message(error), errno: error.errno)
        }
        var walk = Walk()
        walk.visited.insert(DirectoryIdentity(status))
        walk.visit(root, names: names)
        return FileListing(files: walk.files, unreadable: walk.unreadable)
    }

    public func size(of path: String) throws(ByteSourceError) -> Int64 {
        do {
            return try FileSystem.status(path).size
        } catch {
            throw ByteSourceError(
                error.isNotFound ? .notFound : .unreadable, path: path, message: Self.message(error),
                errno: error.errno)
        }
    }

    public func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int)
        throws(ByteSourceError) -> Int
    {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.openForReading(path)
        } catch {
            throw ByteSourceError(
                error.isNotFound ? .notFound : .unreadable, path: path, message: Self.message(error),
                errno: error.errno)
        }
        defer { try? file.close() }
        var total = 0
        while start + total < buffer.count {
            let filled = start + total
            let result = buffer.withUnsafeMutableBytes { raw in
                Result { () throws(FileDescriptor.Failure) in
                    try file.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]), at: offset + Int64(total))
                }
            }
            switch result {
            case .success(0): return total
            case .success(let count): total += count
            case .failure(let error):
                throw ByteSourceError(.unreadable, path: path, message: Self.message(error), errno: error.errno)
            }
        }
        return total
    }

    /// The system's message and the error number, such as `Permission denied (errno 13)`.
    static func message(_ failure: FileDescriptor.Failure) -> String {
        "\(SystemError.message(for: failure.errno)) (errno \(failure.errno))"
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: FileSystem.Status) {
            device = status.device
            inode = status.inode
        }
    }

    /// A depth-first walk in name order, so that the first path to a directory in name order is
    /// the one kept.
    private struct Walk {
        var files: [FileListing.File] = []
        var unreadable: [ByteSourceError] = []
        var visited: Set<DirectoryIdentity> = []

        mutating func visit(_ path: String, names: [String]) {
            var subdirectories: [(path: String, status: FileSystem.Status)] = []
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let entry = FileSystem.join(path, name)
                let status = try? FileSystem.status(entry)
                if let status, status.isDirectory {
                    subdirectories.append((entry, status))
                } else {
                    files.append(FileListing.File(path: entry, size: status?.size ?? 0))
                }
            }
            for directory in subdirectories where visited.insert(DirectoryIdentity(directory.status)).inserted {
                do {
                    visit(directory.path, names: try FileSystem.contentsOfDirectory(directory.path))
                } catch {
                    unreadable.append(
                        ByteSourceError(.unreadable, path: directory.path, message: message(error), errno: error.errno))
                }
            }
        }

        private func message(_ failure: FileDescriptor.Failure) -> String {
            FileSystemSource.message(failure)
        }
    }
}
