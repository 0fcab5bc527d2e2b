import Testing

@testable import TFEventsS3

@Suite struct S3ConfigurationTests {
    private static let credentialsFile = """
        [default]
        aws_access_key_id = AKIAFILE
        aws_secret_access_key = fileSecret
        [work]
        aws_access_key_id = AKIAWORK
        aws_secret_access_key = workSecret
        aws_session_token = workToken
        """
    private static let configFile = """
        [default]
        region = eu-central-1
        [profile work]
        region = ap-northeast-1
        s3 =
          addressing_style = virtual
          max_concurrent_requests = 3
        max_attempts = 7
        [profile minio]
        endpoint_url = http://127.0.0.1:9000
        aws_access_key_id = minioadmin
        aws_secret_access_key = minioSecret
        """

    private func resolve(_ environment: [String: String], files: Bool = true) throws -> S3Configuration {
        try S3Configuration.resolve(environment: ["HOME": "/home/u"].merging(environment) { $1 }) { path in
            guard files else { return nil }
            switch path {
            case "/home/u/.aws/credentials", "/etc/creds": return Self.credentialsFile
            case "/home/u/.aws/config": return Self.configFile
            default: return nil
            }
        }
    }

    @Test func environmentCredentialsComeFirst() throws {
        let configuration = try resolve([
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envSecret", "AWS_SESSION_TOKEN": "envToken",
        ])
        #expect(configuration.credentials?.accessKeyID == "AKIAENV")
        #expect(configuration.credentials?.sessionToken == "envToken")
        #expect(configuration.credentials?.origin == "environment")
        #expect(configuration.region == "eu-central-1")
        #expect(configuration.endpoint == nil)
        #expect(configuration.signsRequests)
    }

    @Test func defaultProfileFromTheFiles() throws {
        let configuration = try resolve([:])
        #expect(configuration.credentials?.accessKeyID == "AKIAFILE")
        #expect(configuration.credentials?.origin == "/home/u/.aws/credentials [default]")
        #expect(configuration.maxConcurrentRequests == 8)
        #expect(configuration.maxAttempts == 4)
        #expect(configuration.addressing == .automatic)
    }

    @Test func namedProfileWithSubsection() throws {
        let configuration = try resolve(["AWS_PROFILE": "work"])
        #expect(configuration.credentials?.accessKeyID == "AKIAWORK")
        #expect(configuration.credentials?.sessionToken == "workToken")
        #expect(configuration.region == "ap-northeast-1")
        #expect(configuration.addressing == .virtual)
        #expect(configuration.maxConcurrentRequests == 3)
        #expect(configuration.maxAttempts == 7)
    }

    @Test func credentialsAndEndpointInTheConfigFile() throws {
        let configuration = try resolve(["AWS_PROFILE": "minio"])
        #expect(configuration.credentials?.accessKeyID == "minioadmin")
        #expect(configuration.endpoint == "http://127.0.0.1:9000")
        #expect(configuration.region == "us-east-1")
    }

    @Test func regionAndEndpointVariablesWin() throws {
        let configuration = try resolve([
            "AWS_PROFILE": "minio", "AWS_DEFAULT_REGION": "sa-east-1", "AWS_ENDPOINT_URL": "https://generic.example",
            "AWS_ENDPOINT_URL_S3": "https://s3only.example:8443/base/",
        ])
        #expect(configuration.region == "sa-east-1")
        #expect(configuration.endpoint == "https://s3only.example:8443/base/")
        #expect(try resolve(["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "sa-east-1"]).region == "us-west-2")
    }

    @Test func tensorBoardsS3Endpoint() throws {
        #expect(try resolve(["S3_ENDPOINT": "localhost:9000"]).endpoint == "https://localhost:9000")
        #expect(try resolve(["S3_ENDPOINT": "localhost:9000", "S3_USE_HTTPS": "0"]).endpoint == "http://localhost:9000")
        #expect(
            try resolve(["S3_ENDPOINT": "localhost:9000", "AWS_ENDPOINT_URL": "http://a:1"]).endpoint == "http://a:1")
    }

    @Test func otherFilesAndUnsignedRequests() throws {
        let configuration = try resolve(["AWS_SHARED_CREDENTIALS_FILE": "/etc/creds", "AWS_NO_SIGN_REQUEST": "YES"])
        #expect(configuration.credentials?.origin == "/etc/creds [default]")
        #expect(!configuration.signsRequests)
    }

    @Test func nothingFound() throws {
        let configuration = try resolve([:], files: false)
        #expect(configuration.credentials == nil)
        #expect(configuration.region == "us-east-1")
    }

    @Test func refusesWhatCannotWork() {
        #expect(throws: S3Error.self) { try resolve(["AWS_PROFILE": "nope"]) }
        #expect(throws: S3Error.self) { try resolve(["AWS_ENDPOINT_URL": "ftp://x"]) }
        #expect(throws: S3Error.self) { try resolve(["AWS_ENDPOINT_URL": "http://"]) }
        #expect(throws: S3Error.self) { try resolve(["AWS_MAX_ATTEMPTS": "many"]) }
    }

    @Test func descriptionsNeverShowSecrets() throws {
        let configuration = try resolve(["AWS_PROFILE": "work"])
        let text = "\(configuration.credentials!) \(String(describing: configuration.credentials))"
        #expect(text.contains("AKIAWORK"))
        #expect(!text.contains("workSecret"))
        #expect(!text.contains("workToken"))
    }
}
