/// An access key for signing requests (AWS Signature Version 4), as the AWS tools take it.
///
/// Its description names the access key ID only: the secret and the session token are never
/// printed.
public struct S3Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key ID (`AKIA…`, or an HMAC key's ID for Google Cloud Storage).
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `x-amz-security-token`.
    public var sessionToken: String?
    /// Where they were found, such as `environment` or `~/.aws/credentials [work]`.
    public var origin: String

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, origin: String = "given") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.origin = origin
    }

    /// `access key AKIA… (from ORIGIN)`: never the secret.
    public var description: String { "access key \(accessKeyID) (from \(origin))" }

    /// The strings that must never appear in a message.
    var secrets: [String] { [secretAccessKey] + (sessionToken.map { [$0] } ?? []) }
}
