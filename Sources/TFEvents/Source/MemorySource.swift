/// Bytes held in memory, as files at paths: for event files already in hand (downloaded, or
/// made by a program), for tests, and for the fuzzer, which runs the whole reader without
/// touching the disk.
///
/// ```swift
/// let source = MemorySource(files: ["logs/train/events.out.tfevents.1": bytes])
/// let reader = try SummaryReader(logdir: "logs", options: .init(source: source))
/// ```
///
/// Every path below a file's path counts as a directory: `logs` and `logs/train` above.
public struct MemorySource: ByteSource {
    /// The files by path.
    public var files: [String: [UInt8]]

    /// Creates a source holding `files`, by path.
    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let found = files.filter { $0.key.hasPrefix(prefix) }
        guard !found.isEmpty else {
            if files[root] != nil { throw ByteSourceError(.notADirectory, path: root, message: "not a directory") }
            throw ByteSourceError(.notFound, path: root, message: "no such directory")
        }
        return FileListing(files: found.map { FileListing.File(path: $0.key, size: Int64($0.value.count)) })
    }

    public func size(of path: String) throws(ByteSourceError) -> Int64 {
        guard let bytes = files[path] else { throw ByteSourceError(.notFound, path: path, message: "no such file") }
        return Int64(bytes.count)
    }

    public func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int)
        throws(ByteSourceError) -> Int
    {
        guard let bytes = files[path] else { throw ByteSourceError(.notFound, path: path, message: "no such file") }
        guard offset >= 0, offset < Int64(bytes.count), start < buffer.count else { return 0 }
        let count = min(buffer.count - start, bytes.count - Int(offset))
        buffer.replaceSubrange(start..<start + count, with: bytes[Int(offset)..<Int(offset) + count])
        return count
    }
}
