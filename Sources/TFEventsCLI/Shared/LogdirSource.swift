import TFEvents
import TFEventsS3

/// Where a log directory's bytes come from: object storage for `s3://BUCKET/PREFIX`, the local
/// file system otherwise. The one place the CLI tells them apart; every command that takes a log
/// directory (or an event file) asks here.
enum LogdirSource {
    /// The source that reads `path`.
    ///
    /// - Throws: ``CommandFailure`` when `path` is an `s3://` URL and the S3 settings cannot be
    ///   used (an endpoint that is not a URL, a profile that does not exist).
    static func source(for path: String) throws -> any ByteSource {
        guard S3Source.handles(path) else { return FileSystemSource() }
        do {
            return try shared.get()
        } catch {
            throw CommandFailure("\(path): \(error.description)")
        }
    }

    /// Reader options for `path` with the run and tag filters.
    static func options(for path: String, runs: NameFilter = .all, tags: NameFilter = .all) throws
        -> SummaryReader.Options
    {
        SummaryReader.Options(runs: runs, tags: tags, source: try source(for: path))
    }

    /// One S3 source for the whole process, configured once from the environment, so that log
    /// directories in the same store share connections and request slots.
    private static let shared: Result<S3Source, S3Error> = Result { () throws(S3Error) in try S3Source() }
}
