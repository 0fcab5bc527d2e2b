import Testing

@testable import TFEventsS3

@Suite struct S3LocationTests {
    @Test func splitsBucketAndKey() throws {
        let location = try S3Location("s3://logs/exp/run-1")
        #expect(location.bucket == "logs")
        #expect(location.key == "exp/run-1")
        #expect(location.directoryPrefix == "exp/run-1/")
        #expect(location.path(ofKey: "exp/a") == "s3://logs/exp/a")
    }

    @Test func wholeBucketHasAnEmptyPrefix() throws {
        for path in ["s3://logs", "s3://logs/"] {
            let location = try S3Location(path)
            #expect(location.bucket == "logs")
            #expect(location.key == "")
            #expect(location.directoryPrefix == "")
        }
    }

    @Test func keepsATrailingSlash() throws {
        #expect(try S3Location("s3://logs/exp/").directoryPrefix == "exp/")
    }

    @Test func rejectsWhatIsNotAnS3URL() {
        #expect(throws: S3Error.self) { try S3Location("gs://logs/exp") }
        #expect(throws: S3Error.self) { try S3Location("s3:///exp") }
        #expect(throws: S3Error.self) { try S3Location("s3://my bucket/exp") }
        #expect(S3Location.isS3("s3://x"))
        #expect(!S3Location.isS3("/tmp/s3://x"))
    }

    @Test func keysKeepEveryCharacter() throws {
        let location = try S3Location("s3://logs/a b/ü+%/events.out.tfevents.1")
        #expect(location.key == "a b/ü+%/events.out.tfevents.1")
    }
}
