/// Where the reader gets its bytes: the local file system, memory, and later object stores.
///
/// The seam is deliberately narrow (list, size, read a range), so that a new kind of storage adds
/// no reading rule: everything TensorBoard decides about runs, files, records, purges and values
/// happens above it, the same way for every source.
///
/// Paths are strings with `/` separators, as a log directory is given to `tensorboard --logdir`.
/// A source must be safe to share between threads: the reader reads several runs at once.
public protocol ByteSource: Sendable {
    /// Every file below `root`, recursively, with its size when listed, and the directories below
    /// `root` that could not be listed.
    ///
    /// Directories are not listed themselves: a run is found from the files it holds.
    ///
    /// - Throws: ``ByteSourceError`` when `root` itself is missing, is not a directory, or cannot be
    ///   listed.
    func listFiles(under root: String) throws(ByteSourceError) -> FileListing

    /// The current size of the file at `path`, in bytes.
    func size(of path: String) throws(ByteSourceError) -> Int64

    /// Reads bytes of the file at `path`, starting at `offset`, into `buffer` from index `start`
    /// up to its end, and returns how many were read: fewer than asked only at the end of the
    /// file (0 there).
    func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int) throws(ByteSourceError)
        -> Int

    /// How many runs the reader should read at once, or `nil` for one per core.
    ///
    /// A source whose reads mostly wait on a network round trip serves more runs at once than
    /// there are cores: each waiting run costs a thread, not a core.
    var readConcurrency: Int? { get }
}

extension ByteSource {
    /// One run per core: local storage is as fast as the reader can parse.
    public var readConcurrency: Int? { nil }
}

/// What ``ByteSource/listFiles(under:)`` found.
public struct FileListing: Sendable, Hashable {
    /// A file, found below the listed directory.
    public struct File: Sendable, Hashable {
        /// The file's path: the listed directory joined with the path below it.
        public var path: String
        /// Its size in bytes when it was listed.
        public var size: Int64

        /// Creates a listed file.
        public init(path: String, size: Int64) {
            self.path = path
            self.size = size
        }
    }

    /// The files, in any order.
    public var files: [File]
    /// The directories below the listed one that could not be listed, with why.
    public var unreadable: [ByteSourceError]

    /// Creates a listing.
    public init(files: [File], unreadable: [ByteSourceError] = []) {
        self.files = files
        self.unreadable = unreadable
    }
}

/// A path a ``ByteSource`` could not list or read, and why.
public struct ByteSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly; ``message`` says exactly.
    public var kind: Kind
    /// The path concerned.
    public var path: String
    /// Why, in a few words without the path, such as `Permission denied (errno 13)`.
    public var message: String
    /// The system's error number, when a system call failed.
    public var errno: Int32?

    /// Creates an error.
    public init(_ kind: Kind, path: String, message: String, errno: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.errno = errno
    }

    /// The broad kinds of failure.
    public enum Kind: Sendable, Hashable {
        /// Nothing exists at the path.
        case notFound
        /// The path names a file where a directory is needed.
        case notADirectory
        /// The path exists but cannot be listed or read (permissions, I/O errors, ...).
        case unreadable
        /// The file was replaced by a different one while it was being read: the bytes read
        /// before no longer match it. Only sources that can tell (an object store's version tag)
        /// say so; the next read from offset 0 reads the new file.
        case replaced
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
