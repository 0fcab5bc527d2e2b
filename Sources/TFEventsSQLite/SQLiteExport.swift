public import TFEvents

/// Writes what a `SummaryReader` reads into an SQLite database, to query log directories with
/// SQL: one view per kind of data TensorBoard shows (`scalars`, `histograms`, `images`, `text`,
/// `audio`, `pr_curves`, `meshes`, `hparams`, `runs`, `problems`, ...), described in
/// <doc:DatabaseSchema>.
///
/// ```swift
/// let reader = try SummaryReader(logdir: "runs", options: .init(tags: "loss|accuracy"))
/// let counts = try SQLiteExport(reader: reader).write(to: "runs.db")
/// print(counts.scalars, "scalar points")
/// ```
///
/// The points are exactly those the reader streams (`SummaryReader.read(_:)`): purges
/// applied, nothing downsampled, the reader's run and tag filters applied.
///
/// **All or nothing.** The database is built in a hidden temporary file beside the output
/// (`.NAME.PID-N.tfevents-tmp`), synced, and renamed over the output only when complete. Whoever
/// opens the output path finds the previous file or the new database, whole: a failed export
/// removes its temporary file, and one killed even with `SIGKILL` leaves the output as it was
/// (its temporary file is removed by the next export into the same directory).
///
/// **Speed.** Runs are read on a second thread while rows are inserted, in one transaction with
/// prepared statements reused and no journal; indexes are made once at the end.
public struct SQLiteExport: Sendable {
    /// The reader whose runs are exported.
    public let reader: SummaryReader

    /// Prepares an export of the runs `reader` keeps.
    public init(reader: SummaryReader) {
        self.reader = reader
    }

    /// Builds the database and puts it at `path`, replacing any file there.
    ///
    /// - Parameters:
    ///   - path: The database file to write. Its directory must exist.
    ///   - progress: Called on the calling thread when a run starts and every 65,536 points.
    /// - Returns: What was exported, and the problems met while reading.
    /// - Throws: ``SQLiteExportError`` when the database cannot be built or put in place; the
    ///   file at `path` is then untouched.
    @discardableResult
    public func write(to path: String, progress: ((Progress) -> Void)? = nil) throws(SQLiteExportError) -> Counts {
        let file = DatabaseFile(output: path)
        guard file.directoryExists else {
            throw SQLiteExportError(path: path, kind: .noDirectory, message: "the directory of the file does not exist")
        }
        file.removeLeftovers()
        let counts: Counts
        do {
            counts = try build(at: file.temporary, progress: progress)
        } catch {
            file.discard()
            throw SQLiteExportError(path: path, error)
        }
        do {
            try file.moveIntoPlace()
        } catch {
            file.discard()
            throw SQLiteExportError(path: path, error)
        }
        return counts
    }

    /// Builds the whole database at `temporary`, closed when this returns.
    private func build(at temporary: String, progress: ((Progress) -> Void)?) throws(SQLiteFailure) -> Counts {
        let connection = try SQLiteConnection(path: temporary, mode: .create)
        // The builder and its statements are gone before the connection closes.
        let counts = try fill(connection, progress: progress)
        try connection.close()
        return counts
    }

    /// Writes every row into the new database and commits.
    private func fill(_ connection: SQLiteConnection, progress: ((Progress) -> Void)?) throws(SQLiteFailure) -> Counts {
        let runs = reader.runs
        let builder = try DatabaseBuilder(connection, logdir: reader.logdir)
        try builder.add(listingProblems: reader.listing.problems)
        let feed = RunFeed(reader: reader, runs: runs)
        // Every 65,536 points, and when a run starts.
        func report(after before: Int?) {
            guard let progress, before.map({ $0 >> 16 != builder.pointCount >> 16 }) ?? true else { return }
            progress(
                Progress(
                    run: builder.runName, runIndex: builder.runIndex, runCount: runs.count,
                    points: builder.pointCount))
        }
        do {
            while let message = feed.next() {
                let before = builder.pointCount
                switch message {
                case .run(_, let listing):
                    try builder.startRun(listing)
                    report(after: nil)
                case .items(let items):
                    for item in items { try builder.add(item) }
                    report(after: before)
                case .scalars(let block):
                    try builder.add(block)
                    report(after: before)
                case .runEnd(let run, let dropped):
                    try builder.endRun(run, droppedPointCounts: dropped)
                }
            }
        } catch {
            feed.cancel()
            throw error
        }
        try builder.finish()
        return builder.counts
    }
}
