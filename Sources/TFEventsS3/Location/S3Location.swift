/// An `s3://BUCKET/KEY` path: how log directories and event files in object storage are named,
/// as TensorBoard names them.
///
/// Object storage has no directories. A "directory" is a key prefix ending in `/`, so the log
/// directory `s3://bucket/exp` holds every object whose key starts with `exp/`.
struct S3Location: Hashable, Sendable, CustomStringConvertible {
    /// What every such path starts with.
    static let scheme = "s3://"

    /// The bucket's name.
    var bucket: String
    /// The object's key, or the prefix of a "directory"; empty for the whole bucket.
    var key: String

    init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `path`, which must start with `s3://` and name a bucket.
    init(_ path: String) throws(S3Error) {
        guard path.hasPrefix(Self.scheme) else {
            throw S3Error(.invalidURL, message: "\(path): not an s3:// URL")
        }
        let rest = path.dropFirst(Self.scheme.count)
        let slash = rest.firstIndex(of: "/")
        let bucket = String(rest[..<(slash ?? rest.endIndex)])
        guard !bucket.isEmpty else {
            throw S3Error(.invalidURL, message: "\(path): no bucket name (write s3://BUCKET/PREFIX)")
        }
        guard bucket.utf8.allSatisfy(Self.isBucketCharacter) else {
            throw S3Error(
                .invalidURL,
                message: "\(path): '\(bucket)' is not a bucket name (letters, digits, '.', '-' and '_' only)")
        }
        self.bucket = bucket
        self.key = slash.map { String(rest[rest.index(after: $0)...]) } ?? ""
    }

    /// Whether `path` is an `s3://` URL (well formed or not).
    static func isS3(_ path: String) -> Bool {
        path.hasPrefix(scheme)
    }

    /// The prefix every key below this "directory" starts with: the key with a `/` after it, or
    /// nothing for the whole bucket.
    var directoryPrefix: String {
        key.isEmpty || key.hasSuffix("/") ? key : key + "/"
    }

    /// The path of the object `key` in the same bucket.
    func path(ofKey key: String) -> String {
        Self.scheme + bucket + "/" + key
    }

    /// `s3://bucket/key`.
    var description: String { path(ofKey: key) }

    private static func isBucketCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
