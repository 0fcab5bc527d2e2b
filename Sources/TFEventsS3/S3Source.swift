public import TFEvents

/// Log directories in Amazon S3 and S3-compatible stores (MinIO, Ceph, Cloudflare R2, Google
/// Cloud Storage's XML API), read like local folders.
///
/// ```swift
/// let source = try S3Source()  // configured as the AWS CLI is, from the environment and ~/.aws
/// let reader = try SummaryReader(logdir: "s3://bucket/experiments", options: .init(source: source))
/// ```
///
/// Paths are `s3://BUCKET/KEY`. Listing uses ListObjectsV2 (page after page) with TensorBoard's
/// rule that a directory is a key prefix ending in `/`; sizes come from the listing. Objects are
/// read with ranged GETs of ``S3Configuration/blockSize`` bytes, the next blocks fetched ahead
/// while the reader parses, several requests in flight at once. Every read of an object is
/// pinned to its ETag (`If-Match`); when the ETag changes, the bytes already read are compared
/// with the new object: if they match, it only grew and reading goes on where it stopped;
/// otherwise the read fails with ``ByteSourceError/Kind/replaced`` and the reader reads the new
/// object from its start.
///
/// Errors name the request (method and URL, never a secret) and the HTTP status.
public struct S3Source: ByteSource {
    private let storage: Storage

    /// A source that reaches storage as `configuration` says.
    ///
    /// - Throws: ``S3Error`` when the configured endpoint is not a usable URL.
    public init(configuration: S3Configuration) throws(S3Error) {
        storage = try Storage(configuration: configuration)
    }

    /// A source configured from the environment and the shared AWS files, as the AWS CLI is
    /// (see ``S3Configuration/fromEnvironment()``).
    public init() throws(S3Error) {
        try self.init(configuration: S3Configuration.fromEnvironment())
    }

    /// Whether `path` is an `s3://` URL, which this source reads.
    public static func handles(_ path: String) -> Bool {
        S3Location.isS3(path)
    }

    /// The configuration in use.
    public var configuration: S3Configuration { storage.client.configuration }

    /// As many runs at once as requests may be in flight: a run waiting on the network costs a
    /// thread, not a core.
    public var readConcurrency: Int? { storage.client.configuration.maxConcurrentRequests }

    public func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        try storage.listFiles(under: root)
    }

    public func size(of path: String) throws(ByteSourceError) -> Int64 {
        try storage.size(of: path)
    }

    public func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int)
        throws(ByteSourceError) -> Int
    {
        try storage.read(path, at: offset, into: &buffer, from: start)
    }
}

extension S3Source {
    /// The state behind a source, shared by its copies and the reading threads.
    final class Storage: Sendable {
        let client: S3Client
        private let objects = Locked<[String: ObjectState]>([:])
        private let blocks: BlockCache
        private let blockSize: Int64
        /// Blocks fetched ahead of the one being read.
        private static let readAhead: Int64 = 2

        init(configuration: S3Configuration) throws(S3Error) {
            client = try S3Client(configuration: configuration)
            blockSize = Int64(configuration.blockSize)
            blocks = BlockCache(capacity: 2 * configuration.maxConcurrentRequests + 4)
        }

        // MARK: Listing

        func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
            let location = try Self.location(root)
            let listed: [ListObjectsV2Page.Object]
            do {
                listed = try client.listObjects(bucket: location.bucket, prefix: location.directoryPrefix)
            } catch {
                throw Self.failure(error, path: root)
            }
            // A key ending in '/' is a "folder" placeholder some tools create, not a file.
            let files = listed.filter { !$0.key.hasSuffix("/") }
            guard !files.isEmpty else {
                if !location.key.isEmpty && !location.key.hasSuffix("/") {
                    let object: ObjectVersion?
                    do {
                        object = try client.head(bucket: location.bucket, key: location.key)
                    } catch {
                        throw Self.failure(error, path: root)
                    }
                    if object != nil { throw ByteSourceError(.notADirectory, path: root, message: "an object, not a prefix") }
                }
                throw ByteSourceError(
                    .notFound, path: root,
                    message: "no object in bucket '\(location.bucket)' has a key starting with '\(location.directoryPrefix)'")
            }
            objects.withLock { objects in
                for file in files {
                    objects[location.path(ofKey: file.key), default: ObjectState()].latest =
                        ObjectVersion(etag: file.etag, size: file.size)
                }
            }
            return FileListing(files: files.map { FileListing.File(path: location.path(ofKey: $0.key), size: $0.size) })
        }

        // MARK: Size

        func size(of path: String) throws(ByteSourceError) -> Int64 {
            let location = try Self.location(path)
            let latest = try latestVersion(path, location)
            let pinned = objects.withLock { $0[path]?.pinned }
            if let pinned, pinned != latest {
                try settle(path, location, from: pinned, to: latest)
            }
            if let replacement = objects.withLock({ state -> String? in
                defer { state[path]?.replacement = nil }
                return state[path]?.replacement
            }) {
                throw ByteSourceError(.replaced, path: path, message: replacement)
            }
            return latest.size
        }

        /// The newest version known, from the last listing or else a HEAD request.
        private func latestVersion(_ path: String, _ location: S3Location) throws(ByteSourceError) -> ObjectVersion {
            if let latest = objects.withLock({ $0[path]?.latest }) { return latest }
            let found: ObjectVersion?
            do {
                found = try client.head(bucket: location.bucket, key: location.key)
            } catch {
                throw Self.failure(error, path: path)
            }
            guard let found else { throw ByteSourceError(.notFound, path: path, message: "no such object") }
            objects.withLock { $0[path, default: ObjectState()].latest = found }
            return found
        }

        // MARK: Reading

        func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int)
            throws(ByteSourceError) -> Int
        {
            let wanted = buffer.count - start
            guard wanted > 0 else { return 0 }
            let location = try Self.location(path)
            var version = try pinnedVersion(path, location)
            if let replacement = objects.withLock({ state -> String? in
                defer { state[path]?.replacement = nil }
                return state[path]?.replacement
            }), offset > 0 {
                throw ByteSourceError(.replaced, path: path, message: replacement)
            }
            var total = 0
            var changes = 0
            var lastBlock: Int64?
            while total < wanted {
                let position = offset + Int64(total)
                guard position < version.size else { break }
                let index = position / blockSize
                let key = BlockCache.Key(path: path, version: version, index: index)
                let result: S3Client.RangeResult
                do {
                    result = try blocks.block(key) { () throws(S3Error) in try fetch(key, location, permitHeld: false) }
                } catch {
                    throw Self.failure(error, path: path)
                }
                switch result {
                case .bytes(let block):
                    let inBlock = Int(position - index * blockSize)
                    guard inBlock < block.count else {
                        // The object holds fewer bytes than its version said: its end.
                        return total
                    }
                    let count = min(wanted - total, block.count - inBlock)
                    let range = start + total..<start + total + count
                    buffer.replaceSubrange(range, with: block[inBlock..<inBlock + count])
                    objects.withLock { $0[path]?.fingerprint.record(block[inBlock..<inBlock + count], at: position) }
                    total += count
                    lastBlock = index
                case .changed:
                    // Written again since it was pinned: go on if it only grew, otherwise say so.
                    changes += 1
                    guard changes <= 3 else {
                        throw ByteSourceError(.unreadable, path: path, message: "the object keeps changing while it is read")
                    }
                    let newest: ObjectVersion?
                    do {
                        newest = try client.head(bucket: location.bucket, key: location.key)
                    } catch {
                        throw Self.failure(error, path: path)
                    }
                    guard let newest else { throw ByteSourceError(.notFound, path: path, message: "the object was deleted") }
                    objects.withLock { $0[path, default: ObjectState()].latest = newest }
                    try settle(path, location, from: version, to: newest)
                    version = newest
                    if let replacement = objects.withLock({ state -> String? in
                        defer { state[path]?.replacement = nil }
                        return state[path]?.replacement
                    }), position > 0 {
                        throw ByteSourceError(.replaced, path: path, message: replacement)
                    }
                case .missing:
                    throw ByteSourceError(.notFound, path: path, message: "the object was deleted")
                }
            }
            if let lastBlock { readAhead(path, location, version, after: lastBlock) }
            return total
        }

        /// The version reads of `path` are pinned to, pinning the newest known if none is yet.
        private func pinnedVersion(_ path: String, _ location: S3Location) throws(ByteSourceError) -> ObjectVersion {
            if let pinned = objects.withLock({ $0[path]?.pinned }) { return pinned }
            let latest = try latestVersion(path, location)
            return objects.withLock { state in
                if let pinned = state[path]?.pinned { return pinned }
                state[path, default: ObjectState()].pinned = latest
                return latest
            }
        }

        private func fetch(_ key: BlockCache.Key, _ location: S3Location, permitHeld: Bool) throws(S3Error)
            -> S3Client.RangeResult
        {
            let start = key.index * blockSize
            let count = Int(min(blockSize, key.version.size - start))
            guard count > 0 else { return .bytes([]) }
            return try client.getRange(
                bucket: location.bucket, key: location.key, version: key.version, offset: start, count: count,
                permitHeld: permitHeld)
        }

        /// Fetches the blocks after `index` in the background, when request slots are free.
        private func readAhead(_ path: String, _ location: S3Location, _ version: ObjectVersion, after index: Int64) {
            for next in index + 1...index + Self.readAhead where next * blockSize < version.size {
                let key = BlockCache.Key(path: path, version: version, index: next)
                blocks.prefetch(key, reserve: client.reservePermit) { [self] in
                    defer { client.releasePermit() }
                    return Result { () throws(S3Error) in try fetch(key, location, permitHeld: true) }
                }
            }
        }

        // MARK: Changed objects

        /// Moves reading of `path` from version `old` to `new`: it goes on where it stopped if the
        /// bytes read so far are the same in `new` (the object grew); otherwise what was read is
        /// forgotten and a replacement is noted for the reader.
        private func settle(_ path: String, _ location: S3Location, from old: ObjectVersion, to new: ObjectVersion)
            throws(ByteSourceError)
        {
            let fingerprint = objects.withLock { $0[path]?.fingerprint ?? ReadFingerprint() }
            var same = true
            for sample in fingerprint.samples {
                guard sample.offset + Int64(sample.bytes.count) <= new.size else {
                    same = false
                    break
                }
                let result: S3Client.RangeResult
                do {
                    result = try client.getRange(
                        bucket: location.bucket, key: location.key, version: new, offset: sample.offset,
                        count: sample.bytes.count)
                } catch {
                    throw Self.failure(error, path: path)
                }
                guard case .bytes(let bytes) = result, bytes == sample.bytes else {
                    same = false
                    break
                }
            }
            blocks.forget(path)
            objects.withLock { state in
                state[path, default: ObjectState()].pinned = new
                if !same {
                    state[path]?.fingerprint = ReadFingerprint()
                    state[path]?.replacement =
                        "its ETag changed from \(old.etag) to \(new.etag) (\(old.size) to \(new.size) bytes) and the "
                        + "\(fingerprint.end) bytes read before no longer match"
                }
            }
        }

        // MARK: Errors

        private static func location(_ path: String) throws(ByteSourceError) -> S3Location {
            do {
                return try S3Location(path)
            } catch {
                throw ByteSourceError(.notFound, path: path, message: error.message)
            }
        }

        /// A failed request as the reader sees it: the path, and the request with its status.
        private static func failure(_ error: S3Error, path: String) -> ByteSourceError {
            ByteSourceError(error.kind == .noSuchKey ? .notFound : .unreadable, path: path, message: error.description)
        }
    }
}
