/// One HTTP request as the S3 client sends it, and what came back.
struct HTTPRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case head = "HEAD"
    }

    /// How a request is signed: AWS Signature Version 4 for `region`, service `s3`.
    struct Signing: Sendable {
        var region: String
        var credentials: S3Credentials
    }

    var method: Method
    var url: String
    /// Extra headers, such as `Range` and `If-Match`.
    var headers: [(name: String, value: String)] = []
    var signing: Signing?
    /// The most body bytes accepted: a larger body aborts the transfer.
    var maximumBodySize = 64 << 20
    var connectTimeout: Double = 10
    var stallTimeout: Double = 30

    /// `METHOD URL`, for messages: the URL carries no secret (signatures go in headers).
    var label: String { "\(method.rawValue) \(url)" }
}

struct HTTPResponse: Sendable {
    var status: Int
    /// Header values by lowercased name (the last one of each name).
    var headers: [String: String]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A request that got no HTTP answer: no connection, a timeout, a broken transfer.
struct TransportFailure: Error, Sendable {
    /// curl's error code.
    var code: Int
    /// curl's message, such as `Failed to connect to 127.0.0.1 port 9: Connection refused`.
    var message: String
    /// Whether the body was larger than the request accepts (not worth retrying).
    var bodyTooLarge = false
}
