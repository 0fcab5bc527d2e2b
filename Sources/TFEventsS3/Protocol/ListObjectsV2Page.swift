/// One page of a ListObjectsV2 response (`GET /?list-type=2`): up to 1,000 keys with their sizes
/// and ETags, and the token for the next page when there is one.
struct ListObjectsV2Page: Hashable, Sendable {
    /// An object in the listing.
    struct Object: Hashable, Sendable {
        var key: String
        var size: Int64
        /// The ETag without its quotes: changes whenever the object is written.
        var etag: String
    }

    var objects: [Object]
    /// Whether more keys follow: then ``nextContinuationToken`` asks for them.
    var isTruncated: Bool
    var nextContinuationToken: String?

    /// Parses a response body.
    ///
    /// Keys come XML-escaped, or percent-encoded when the response says `EncodingType` `url`
    /// (decoded as S3 encodes them: `+` is a space).
    init(xml: [UInt8]) throws(XMLTree.Failure) {
        let root = try XMLTree.parse(xml)
        guard root.name == "ListBucketResult" else {
            throw XMLTree.Failure(message: "<\(root.name)> where <ListBucketResult> was expected", offset: 0)
        }
        let urlEncoded = root.value("EncodingType")?.lowercased() == "url"
        var objects: [Object] = []
        for contents in root.children(named: "Contents") {
            guard let rawKey = contents.value("Key") else {
                throw XMLTree.Failure(message: "<Contents> without <Key>", offset: 0)
            }
            guard let size = contents.value("Size").flatMap({ Int64(Self.trimmed($0)) }) else {
                throw XMLTree.Failure(message: "<Contents> of '\(rawKey)' without a valid <Size>", offset: 0)
            }
            let key = urlEncoded ? PercentEncoding.decode(rawKey, plusIsSpace: true) : rawKey
            objects.append(Object(key: key, size: size, etag: Self.bareETag(contents.value("ETag") ?? "")))
        }
        self.objects = objects
        isTruncated = root.value("IsTruncated").map { Self.trimmed($0).lowercased() == "true" } ?? false
        nextContinuationToken = root.value("NextContinuationToken").map(Self.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        if isTruncated && nextContinuationToken == nil {
            throw XMLTree.Failure(message: "<IsTruncated> is true but there is no <NextContinuationToken>", offset: 0)
        }
    }

    /// An ETag as a header or a listing gives it (`"abc"`, `W/"abc"`), without quotes or weakness.
    static func bareETag(_ etag: String) -> String {
        var text = trimmed(etag)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
