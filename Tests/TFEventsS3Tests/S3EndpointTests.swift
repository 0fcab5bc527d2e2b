import Testing

@testable import TFEventsS3

@Suite struct S3EndpointTests {
    private func endpoint(_ url: String?, _ addressing: S3Configuration.Addressing = .automatic) throws -> S3Endpoint {
        try S3Endpoint(configuration: S3Configuration(endpoint: url, addressing: addressing))
    }

    @Test func awsUsesVirtualHostsWhenTheNameAllows() throws {
        let aws = try endpoint(nil)
        #expect(aws.isAWS)
        #expect(
            aws.url(bucket: "logs", key: "exp/run 1/events", region: "eu-west-3")
                == "https://logs.s3.eu-west-3.amazonaws.com/exp/run%201/events")
        #expect(
            aws.url(bucket: "logs", key: "", query: [("list-type", "2"), ("prefix", "exp/")], region: "us-east-1")
                == "https://logs.s3.us-east-1.amazonaws.com/?list-type=2&prefix=exp%2F")
        // Dots break the wildcard certificate; capitals are not host names.
        #expect(
            aws.url(bucket: "my.logs", key: "a", region: "us-east-1") == "https://s3.us-east-1.amazonaws.com/my.logs/a")
        #expect(aws.url(bucket: "Logs", key: "a", region: "us-east-1") == "https://s3.us-east-1.amazonaws.com/Logs/a")
    }

    @Test func customEndpointsArePathStyle() throws {
        let minio = try endpoint("http://127.0.0.1:9000")
        #expect(!minio.isAWS)
        #expect(minio.url(bucket: "logs", key: "exp/a", region: "us-east-1") == "http://127.0.0.1:9000/logs/exp/a")
        #expect(
            minio.url(bucket: "logs", key: "", query: [("list-type", "2")], region: "auto")
                == "http://127.0.0.1:9000/logs?list-type=2")
    }

    @Test func addressingCanBeForced() throws {
        #expect(
            try endpoint("https://acct.r2.cloudflarestorage.com", .virtual).url(bucket: "logs", key: "a", region: "auto")
                == "https://logs.acct.r2.cloudflarestorage.com/a")
        #expect(
            try endpoint(nil, .path).url(bucket: "logs", key: "a", region: "us-west-2")
                == "https://s3.us-west-2.amazonaws.com/logs/a")
    }

    @Test func basePathsAndBadEndpoints() throws {
        #expect(
            try endpoint("https://proxy.example/s3/").url(bucket: "b", key: "k", region: "x")
                == "https://proxy.example/s3/b/k")
        #expect(throws: S3Error.self) { try endpoint("127.0.0.1:9000") }
        #expect(throws: S3Error.self) { try endpoint("http://user:pw@host") }
    }
}
