import Testing

@testable import TFEventsS3

@Suite struct S3ErrorTests {
    private let configuration = S3Configuration(
        endpoint: "http://127.0.0.1:9000",
        credentials: S3Credentials(accessKeyID: "AKIAKEY", secretAccessKey: "s3cr3t/KEY", sessionToken: "T0KEN"))

    private func response(_ status: Int, _ body: String = "", headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    @Test func oneLineWithRequestAndStatus() {
        let error = S3Error(.noSuchBucket, request: "GET http://h/b", status: 404, message: "NoSuchBucket: gone\nreally")
        #expect(error.description == "GET http://h/b: HTTP 404 NoSuchBucket: gone really")
        #expect(S3Error(.noAnswer, request: "GET u", message: "no answer").description == "GET u: no answer")
    }

    @Test func secretsAreRedacted() {
        let error = S3Error(.accessDenied, request: "GET u?x=s3cr3t/KEY", status: 403, message: "echo s3cr3t/KEY and T0KEN")
            .redacting(configuration.secrets)
        #expect(!error.description.contains("s3cr3t"))
        #expect(!error.description.contains("T0KEN"))
        #expect(error.description.contains("[redacted]"))
    }

    @Test func statusesBecomeKinds() throws {
        let client = try S3Client(configuration: configuration)
        let noBucket = client.failure(
            response(404, "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>"),
            label: "GET http://127.0.0.1:9000/b?list-type=2", bucket: "b", key: nil)
        #expect(noBucket.kind == .noSuchBucket)
        #expect(
            noBucket.description
                == "GET http://127.0.0.1:9000/b?list-type=2: HTTP 404 NoSuchBucket: The specified bucket does not exist")

        let denied = client.failure(
            response(403, "<Error><Code>SignatureDoesNotMatch</Code><Message>bad s3cr3t/KEY</Message></Error>"),
            label: "GET x", bucket: "b", key: "k")
        #expect(denied.kind == .accessDenied)
        #expect(denied.description.contains("AKIAKEY"))
        #expect(!denied.description.contains("s3cr3t"))

        let region = client.failure(response(301, headers: ["x-amz-bucket-region": "eu-west-3"]), label: "HEAD x", bucket: "b", key: "k")
        #expect(region.kind == .wrongRegion)
        #expect(region.description.contains("AWS_REGION=eu-west-3"))

        #expect(client.failure(response(404), label: "HEAD x", bucket: "b", key: "k").kind == .noSuchKey)
        #expect(client.failure(response(503), label: "GET x", bucket: "b", key: "k").kind == .unavailable)
        #expect(client.failure(response(418, "teapot"), label: "GET x", bucket: "b", key: "k").kind == .badResponse)
    }

    @Test func retriesWhatIsWorthIt() {
        for status in [500, 502, 503, 504, 429] { #expect(RetryPolicy.isRetryable(status: status, code: nil)) }
        #expect(RetryPolicy.isRetryable(status: 400, code: "RequestTimeout"))
        #expect(RetryPolicy.isRetryable(status: 503, code: "SlowDown"))
        #expect(!RetryPolicy.isRetryable(status: 403, code: "AccessDenied"))
        #expect(!RetryPolicy.isRetryable(status: 404, code: "NoSuchKey"))
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 0.1)
        #expect(policy.delay(after: 1, jitter: 1) == 0.1)
        #expect(policy.delay(after: 3, jitter: 1) == 0.4)
        #expect(policy.delay(after: 3, jitter: 0) == 0.2)
        #expect(policy.delay(after: 30, jitter: 1) == 5)
    }

    @Test func missingCredentialsFailBeforeAnyRequest() throws {
        let source = try S3Source(configuration: S3Configuration(endpoint: "http://127.0.0.1:9"))
        #expect {
            try source.listFiles(under: "s3://logs/exp")
        } throws: { error in
            let text = "\(error)"
            return text.contains("no AWS credentials") && text.contains("GET http://127.0.0.1:9/logs?list-type=2")
        }
    }
}
