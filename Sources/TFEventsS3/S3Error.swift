/// Why object storage could not be used: a bad `s3://` URL or configuration, or a request that
/// failed, with the request (method and URL, never a secret) and the HTTP status.
///
/// ``description`` is one line, such as
/// `GET http://127.0.0.1:9000/logs?list-type=2&prefix=exp%2F: HTTP 404 NoSuchBucket: The specified bucket does not exist`.
public struct S3Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly.
    public var kind: Kind
    /// The request that failed, as `METHOD URL`, when one was made.
    public var request: String?
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// What went wrong, in a few words (the server's error code and message when it sent them).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, request: String? = nil, status: Int? = nil, message: String) {
        self.kind = kind
        self.request = request
        self.status = status
        self.message = message
    }

    /// The broad kinds of failure.
    public enum Kind: Sendable, Hashable {
        /// A path that is not a valid `s3://BUCKET/KEY` URL.
        case invalidURL
        /// A setting that cannot be used: an endpoint URL, a profile that does not exist.
        case configuration
        /// No credentials were found, and unsigned requests were not asked for.
        case noCredentials
        /// The server refused the credentials or the request (HTTP 403).
        case accessDenied
        /// The bucket does not exist.
        case noSuchBucket
        /// The object does not exist.
        case noSuchKey
        /// The bucket is in another region than the one the request was signed for.
        case wrongRegion
        /// The server did not answer: it could not be reached, or timed out.
        case noAnswer
        /// The server kept answering with a status worth retrying (500, 503, throttling).
        case unavailable
        /// Any other status, or an answer that could not be understood.
        case badResponse
    }

    /// `METHOD URL: HTTP STATUS message`, one line.
    public var description: String {
        var parts: [String] = []
        if let request { parts.append(request) }
        parts.append((status.map { "HTTP \($0) " } ?? "") + message)
        return parts.joined(separator: ": ")
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// This error with every occurrence of each secret replaced, so that nothing a server echoes
    /// back (or a message quotes) can show a secret.
    func redacting(_ secrets: [String]) -> S3Error {
        var copy = self
        copy.message = Self.redact(message, secrets)
        copy.request = request.map { Self.redact($0, secrets) }
        return copy
    }

    static func redact(_ text: String, _ secrets: [String]) -> String {
        var text = text
        for secret in secrets where secret.count >= 4 {
            text = text.replacing(secret, with: "[redacted]")
        }
        return text
    }
}
