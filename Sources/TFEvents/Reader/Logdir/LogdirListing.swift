internal import Glibc

/// The runs of a log directory and their event files, found by TensorBoard's rules without
/// reading any event file. This is the one place those rules live; every reader of a log
/// directory starts from it.
///
/// - An event file is a file whose name contains `tfevents` (TensorBoard's
///   `IsTensorFlowEventsFile`); nothing else about the name matters.
/// - A run is a directory that directly holds one, named by its path below the log directory with
///   `/` separators, and `.` for the log directory itself. Runs nest freely: `a` and `a/b` are both
///   runs when both hold event files. The walk is recursive (see the ``ByteSource`` for links).
/// - A file whose name ends in `.profile-empty` makes its directory a run but is never read: the
///   profiler's placeholder, which TensorBoard's Python loader skips.
/// - Runs, and the files of a run, are in byte order of their UTF-8 names, which is Python's
///   order for `str` and so the order TensorBoard reads files in.
public struct LogdirListing: Sendable, Hashable {
    /// A run: a directory that directly holds event files.
    public struct Run: Sendable, Hashable {
        /// The run's name as TensorBoard shows it (`.` for the log directory itself).
        public var name: String
        /// The directory: the log directory joined with ``name``.
        public var path: String
        /// Its event files in name order, the placeholders included.
        public var files: [File]

        /// The files that are read: every file but the placeholders.
        public var readFiles: [File] { files.filter { !$0.isPlaceholder } }

        /// The total size of the files that are read, in bytes.
        public var byteCount: Int64 { readFiles.reduce(0) { $0 + $1.size } }

        /// Describes a run: to read event files as one run, such as a single file of a directory.
        public init(name: String, path: String, files: [File]) {
            self.name = name
            self.path = path
            self.files = files
        }
    }

    /// An event file.
    public struct File: Sendable, Hashable {
        /// The file's name (its last path component).
        public var name: String
        /// Its path: the run's path joined with ``name``.
        public var path: String
        /// Its size when the directory was listed.
        public var size: Int64
        /// Whether it is a `.profile-empty` placeholder, which is never read.
        public var isPlaceholder: Bool

        /// Describes an event file.
        public init(name: String, path: String, size: Int64, isPlaceholder: Bool = false) {
            self.name = name
            self.path = path
            self.size = size
            self.isPlaceholder = isPlaceholder
        }
    }

    /// The log directory, as given.
    public var logdir: String
    /// The runs, in name order.
    public var runs: [Run]
    /// Directories below the log directory that could not be listed (their runs are missing from
    /// ``runs``), as `io` problems.
    public var problems: [ReadProblem]

    /// Lists `logdir` in `source`.
    ///
    /// - Throws: ``SummaryReaderError`` when `logdir` is missing, is not a directory or cannot be
    ///   listed. Directories below it that cannot be listed are ``problems`` instead.
    public init(logdir: String, source: any ByteSource = FileSystemSource()) throws(SummaryReaderError) {
        let listing: FileListing
        do {
            listing = try source.listFiles(under: logdir)
        } catch {
            throw SummaryReaderError(error, logdir: logdir)
        }
        self.init(logdir: logdir, listing: listing)
    }

    /// Applies TensorBoard's rules to a listing of `logdir`.
    init(logdir: String, listing: FileListing) {
        self.logdir = logdir
        let prefix = logdir.hasSuffix("/") ? logdir : logdir + "/"
        var byDirectory: [String: [File]] = [:]
        let prefixCount = prefix.utf8.count
        for file in listing.files {
            // The path split at its last `/` in UTF-8, which never splits a character: going by
            // characters cost more than the rest of reading a small run.
            guard file.path.hasPrefix(prefix) else { continue }
            let utf8 = file.path.utf8
            let relative = utf8.index(utf8.startIndex, offsetBy: prefixCount)
            let slash = utf8[relative...].lastIndex(of: UInt8(ascii: "/"))
            let nameStart = slash.map { utf8.index(after: $0) } ?? relative
            guard Self.containsMarker(utf8[nameStart...]) else { continue }
            let name = String(file.path[nameStart...])
            let directory = slash.map { String(file.path[relative..<$0]) } ?? "."
            byDirectory[directory, default: []].append(
                File(
                    name: name, path: file.path, size: file.size,
                    isPlaceholder: name.hasSuffix(Self.placeholderSuffix)))
        }
        runs = byDirectory.map { directory, files in
            Run(
                name: directory, path: directory == "." ? logdir : FileSystem.join(logdir, directory),
                files: files.sorted { Self.byteOrder($0.name, $1.name) })
        }.sorted { Self.byteOrder($0.name, $1.name) }
        problems = listing.unreadable.map { failure in
            ReadProblem(
                kind: .io, path: failure.path,
                message: "cannot list the directory: \(failure.message); runs below it are not read")
        }
    }

    /// The run named `name`, if there is one.
    public func run(named name: String) -> Run? {
        runs.first { $0.name == name }
    }

    /// What every event file's name contains.
    static let marker: StaticString = "tfevents"
    /// The profiler's placeholder files end with this; they are never read.
    static let placeholderSuffix = ".profile-empty"

    /// Byte order of the UTF-8 encodings, which is Python's order for `str`.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        // Compared as contiguous bytes: going through `String.UTF8View`'s indices cost about a
        // thousand instructions per comparison, which sorting ten thousand runs felt.
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }

    /// Whether a file name holds ``marker``.
    private static func containsMarker(_ name: Substring.UTF8View) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let marker = Self.marker
            let length = marker.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            let first = marker.utf8Start.pointee
            for start in 0...(bytes.count - length) where bytes[start] == first {
                if memcmp(bytes.baseAddress! + start, marker.utf8Start, length) == 0 { return true }
            }
            return false
        }
        if let found = name.withContiguousStorageIfAvailable(search) { return found }
        return Array(name).withUnsafeBufferPointer(search)
    }
}
