/// How to reach object storage: region, endpoint, addressing, credentials, and how hard to try.
///
/// ``fromEnvironment(_:)`` resolves it as the AWS CLI does:
///
/// | setting | taken from, first found |
/// | --- | --- |
/// | credentials | `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`); the profile's keys in `~/.aws/credentials`, then in `~/.aws/config` |
/// | profile | `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, `default` |
/// | region | `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, `us-east-1` |
/// | endpoint | `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, TensorBoard's `S3_ENDPOINT` (with `S3_USE_HTTPS`), the profile's `s3.endpoint_url` or `endpoint_url`; AWS otherwise |
/// | addressing | the profile's `s3.addressing_style` (`auto`, `path`, `virtual`) |
/// | unsigned requests | `AWS_NO_SIGN_REQUEST=YES` (public buckets) |
/// | requests in flight | the profile's `s3.max_concurrent_requests`, 8 |
/// | attempts per request | `AWS_MAX_ATTEMPTS`, the profile's `max_attempts`, 4 |
///
/// The files are `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` when set.
public struct S3Configuration: Sendable, Hashable {
    /// How bucket names go into request URLs.
    public enum Addressing: String, Sendable, Hashable, CaseIterable {
        /// Virtual-hosted on AWS when the bucket name allows it (no dots, DNS-safe), path-style
        /// otherwise and on every other endpoint.
        case automatic = "auto"
        /// `https://ENDPOINT/BUCKET/KEY`: MinIO, Ceph and most self-hosted stores need it.
        case path
        /// `https://BUCKET.ENDPOINT/KEY`.
        case virtual
    }

    /// The region requests are signed for (and, on AWS, sent to). Custom endpoints often accept
    /// any region (`auto` for Cloudflare R2 and Google Cloud Storage).
    public var region: String
    /// The endpoint's base URL for S3-compatible stores, such as `http://127.0.0.1:9000`; `nil`
    /// for AWS.
    public var endpoint: String?
    /// How bucket names go into URLs.
    public var addressing: Addressing
    /// The access key, or `nil` when none was found.
    public var credentials: S3Credentials?
    /// Whether requests are signed; off for public buckets (`AWS_NO_SIGN_REQUEST`).
    public var signsRequests: Bool
    /// How many requests may be in flight at once (and so how many runs are read at once).
    public var maxConcurrentRequests: Int
    /// How many times a request is sent before its failure counts: 500, 503, throttling and
    /// network errors are retried with exponential backoff.
    public var maxAttempts: Int
    /// The first retry's delay in seconds; each later one doubles it, with jitter.
    public var retryDelay: Double
    /// Seconds to wait for a connection.
    public var connectTimeout: Double
    /// Seconds without a single byte after which a transfer is given up (and retried).
    public var stallTimeout: Double
    /// The size of each ranged GET: objects are read in blocks of this many bytes, never whole.
    public var blockSize: Int

    /// Creates a configuration; by default AWS in `us-east-1`, signed with `credentials`.
    public init(
        region: String = "us-east-1", endpoint: String? = nil, addressing: Addressing = .automatic,
        credentials: S3Credentials? = nil, signsRequests: Bool = true, maxConcurrentRequests: Int = 8,
        maxAttempts: Int = 4, retryDelay: Double = 0.1, connectTimeout: Double = 10, stallTimeout: Double = 30,
        blockSize: Int = 4 << 20
    ) {
        self.region = region
        self.endpoint = endpoint
        self.addressing = addressing
        self.credentials = credentials
        self.signsRequests = signsRequests
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.maxAttempts = max(1, maxAttempts)
        self.retryDelay = retryDelay
        self.connectTimeout = connectTimeout
        self.stallTimeout = stallTimeout
        self.blockSize = max(64 << 10, blockSize)
    }

    /// The configuration the AWS CLI would use in this process's environment.
    ///
    /// - Throws: ``S3Error`` (``S3Error/Kind/configuration``) for an endpoint that is not an
    ///   `http(s)://` URL, a profile named by `AWS_PROFILE` that neither file has, or a setting
    ///   that is not a number where one is needed. Missing credentials are not an error here: a
    ///   request without them fails, naming its URL.
    public static func fromEnvironment() throws(S3Error) -> S3Configuration {
        try resolve(environment: Environment.current(), readFile: Environment.readTextFile)
    }

    /// Resolves the configuration from `environment` and the files `readFile` gives (by path).
    static func resolve(
        environment: [String: String], readFile: (String) -> String?
    ) throws(S3Error) -> S3Configuration {
        func variable(_ name: String) -> String? {
            environment[name].map(ListObjectsV2Page.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        }
        let home = variable("HOME") ?? "~"
        let credentialsPath = variable("AWS_SHARED_CREDENTIALS_FILE") ?? home + "/.aws/credentials"
        let configPath = variable("AWS_CONFIG_FILE") ?? home + "/.aws/config"
        let credentialsFile = AWSConfigFile(parsing: readFile(credentialsPath) ?? "")
        let configFile = AWSConfigFile(parsing: readFile(configPath) ?? "")
        let explicitProfile = variable("AWS_PROFILE") ?? variable("AWS_DEFAULT_PROFILE")
        let profileName = explicitProfile ?? "default"
        let fromCredentials = credentialsFile.credentialsProfile(profileName)
        let fromConfig = configFile.configProfile(profileName)
        if let explicitProfile, fromCredentials == nil, fromConfig == nil {
            throw S3Error(
                .configuration,
                message: "the profile '\(explicitProfile)' (AWS_PROFILE) is in neither \(credentialsPath) nor \(configPath)")
        }
        let profile = fromConfig ?? [:]

        var configuration = S3Configuration()
        configuration.credentials = credentials(
            environment: variable, profile: profileName, credentialsFile: fromCredentials, credentialsPath: credentialsPath,
            configFile: fromConfig, configPath: configPath)
        configuration.region = variable("AWS_REGION") ?? variable("AWS_DEFAULT_REGION") ?? profile["region"] ?? "us-east-1"

        var endpoint: String?
        if let value = variable("AWS_ENDPOINT_URL_S3") ?? variable("AWS_ENDPOINT_URL") {
            endpoint = value
        } else if let value = variable("S3_ENDPOINT") {
            // TensorBoard's (TensorFlow's) variable: a host and port, with S3_USE_HTTPS=0 for http.
            let secure = variable("S3_USE_HTTPS").map { !["0", "false", "no"].contains($0.lowercased()) } ?? true
            endpoint = value.contains("://") ? value : (secure ? "https://" : "http://") + value
        } else if variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() != "true" {
            endpoint = profile["s3.endpoint_url"] ?? profile["endpoint_url"]
        }
        if let endpoint {
            _ = try S3Endpoint.parse(endpoint)
            configuration.endpoint = endpoint
        }

        if let style = profile["s3.addressing_style"] {
            guard let addressing = Addressing(rawValue: style.lowercased()) else {
                throw S3Error(
                    .configuration, message: "s3.addressing_style = \(style) in \(configPath): use auto, path or virtual")
            }
            configuration.addressing = addressing
        }
        configuration.signsRequests = !["1", "true", "yes"].contains(variable("AWS_NO_SIGN_REQUEST")?.lowercased() ?? "")
        if let text = profile["s3.max_concurrent_requests"] {
            guard let count = Int(text), count >= 1, count <= 256 else {
                throw S3Error(
                    .configuration, message: "s3.max_concurrent_requests = \(text) in \(configPath): use 1 to 256")
            }
            configuration.maxConcurrentRequests = count
        }
        if let text = variable("AWS_MAX_ATTEMPTS") ?? profile["max_attempts"] {
            guard let count = Int(text), count >= 1, count <= 20 else {
                throw S3Error(.configuration, message: "max_attempts (AWS_MAX_ATTEMPTS) = \(text): use 1 to 20")
            }
            configuration.maxAttempts = count
        }
        return configuration
    }

    private static func credentials(
        environment variable: (String) -> String?, profile: String, credentialsFile: [String: String]?,
        credentialsPath: String, configFile: [String: String]?, configPath: String
    ) -> S3Credentials? {
        if let id = variable("AWS_ACCESS_KEY_ID"), let secret = variable("AWS_SECRET_ACCESS_KEY") {
            return S3Credentials(
                accessKeyID: id, secretAccessKey: secret,
                sessionToken: variable("AWS_SESSION_TOKEN") ?? variable("AWS_SECURITY_TOKEN"), origin: "environment")
        }
        for (settings, path) in [(credentialsFile, credentialsPath), (configFile, configPath)] {
            guard let settings, let id = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"],
                !id.isEmpty, !secret.isEmpty
            else { continue }
            return S3Credentials(
                accessKeyID: id, secretAccessKey: secret,
                sessionToken: settings["aws_session_token"] ?? settings["aws_security_token"],
                origin: "\(path) [\(profile)]")
        }
        return nil
    }

    /// The strings no message may show.
    var secrets: [String] { credentials?.secrets ?? [] }
}
