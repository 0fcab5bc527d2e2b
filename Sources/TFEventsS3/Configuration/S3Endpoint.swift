/// Where requests go: AWS's regional endpoint or an S3-compatible store's URL, and whether the
/// bucket goes into the host name (virtual-hosted) or the path (path-style).
struct S3Endpoint: Hashable, Sendable {
    /// `http` or `https`.
    var scheme: String
    /// The host, with its port when one is given; `nil` for AWS, whose host depends on the region.
    var host: String?
    /// A path the endpoint's URL carries (`/s3` behind a reverse proxy), without a trailing `/`.
    var basePath: String
    var addressing: S3Configuration.Addressing

    init(configuration: S3Configuration) throws(S3Error) {
        if let endpoint = configuration.endpoint {
            self = try Self.parse(endpoint)
        } else {
            scheme = "https"
            host = nil
            basePath = ""
        }
        addressing = configuration.addressing
    }

    /// Parses an endpoint URL such as `http://127.0.0.1:9000` or `https://ACCOUNT.r2.cloudflarestorage.com`.
    static func parse(_ url: String) throws(S3Error) -> S3Endpoint {
        let lowered = url.lowercased()
        guard let scheme = ["https", "http"].first(where: { lowered.hasPrefix($0 + "://") }) else {
            throw S3Error(.configuration, message: "the endpoint '\(url)' is not an http:// or https:// URL")
        }
        let rest = url.dropFirst(scheme.count + 3)
        let slash = rest.firstIndex(of: "/")
        let host = String(rest[..<(slash ?? rest.endIndex)])
        guard !host.isEmpty, !host.contains("@"), !host.contains("?"), !host.contains("#") else {
            throw S3Error(.configuration, message: "the endpoint '\(url)' has no usable host")
        }
        var path = slash.map { String(rest[$0...]) } ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        return S3Endpoint(scheme: scheme, host: host, basePath: path, addressing: .automatic)
    }

    private init(scheme: String, host: String?, basePath: String, addressing: S3Configuration.Addressing) {
        self.scheme = scheme
        self.host = host
        self.basePath = basePath
        self.addressing = addressing
    }

    /// Whether this is AWS itself.
    var isAWS: Bool { host == nil }

    /// Whether `bucket` goes into the host name.
    func usesVirtualHost(for bucket: String) -> Bool {
        switch addressing {
        case .path: false
        case .virtual: true
        case .automatic: isAWS && Self.isDNSSafe(bucket)
        }
    }

    /// The URL of `key` in `bucket` (the bucket itself when `key` is empty) with `query`.
    func url(bucket: String, key: String, query: [(name: String, value: String)] = [], region: String) -> String {
        let host = self.host ?? "s3.\(region).amazonaws.com"
        var url = scheme + "://"
        var path = basePath
        if usesVirtualHost(for: bucket) {
            url += bucket + "." + host
        } else {
            url += host
            path += "/" + PercentEncoding.encode(bucket, keepingSlashes: false)
        }
        path += "/" + PercentEncoding.encode(key, keepingSlashes: true)
        if !usesVirtualHost(for: bucket) && key.isEmpty { path.removeLast() }
        url += path.isEmpty ? "/" : path
        if !query.isEmpty { url += "?" + PercentEncoding.query(query) }
        return url
    }

    /// Whether `bucket` can be a host name label under a wildcard TLS certificate: lowercase
    /// letters, digits and inner hyphens, 3 to 63 of them, and no dots.
    static func isDNSSafe(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}
