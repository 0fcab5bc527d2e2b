import Testing
import TFEvents
import TFEventsS3

@testable import TFEventsCLI

/// How the commands tell `s3://` log directories from local ones, and name them.
@Suite struct LogdirSourceTests {
    @Test func s3URLsGoToObjectStorageAndPathsToTheFileSystem() throws {
        #expect(try LogdirSource.source(for: "runs/exp") is FileSystemSource)
        #expect(try LogdirSource.source(for: "/tmp/s3:/x") is FileSystemSource)
        #expect(try LogdirSource.source(for: "s3://bucket/exp") is S3Source)
    }

    @Test func urlsAreNamedAsGiven() {
        #expect(RunNaming.absolutePath("s3://bucket/exp/") == "s3://bucket/exp")
        #expect(RunNaming.absolutePath("s3://bucket") == "s3://bucket")
        #expect(RunNaming.labels(for: ["s3://a/exp", "s3://b/exp"]) == ["a/exp", "b/exp"])
        #expect(RunNaming.labels(for: ["s3://a/one", "runs/two"]) == ["one", "two"])
    }

    @Test func aLogdirGivenTwiceAsAURLIsRefused() {
        #expect(throws: (any Error).self) { try LogdirSet.validate(["s3://a/exp", "s3://a/exp/"]) }
    }
}
