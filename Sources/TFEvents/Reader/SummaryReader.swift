/// Reads a TensorBoard log directory the way TensorBoard's own loader does: which directories are
/// runs, which points each series holds, in which order, and how each value is decoded.
///
/// ```swift
/// let contents = try SummaryReader(logdir: "runs", options: .init(tags: "loss")).contents()
/// for row in contents.scalars {
///     print(row.run, row.tag, row.step, row.value)
/// }
/// ```
///
/// A reader lists the log directory when it is made (``listing``) and reads the runs its run filter
/// keeps (``runs``) in one of four ways:
/// - ``contents(kinds:progress:)``: every point in memory, with ``LogdirContents/scalars`` as rows
///   and ``LogdirContents/scalarTables`` as one table per run (tbparse's `pivot`);
/// - ``summarize(progress:)``: statistics of every series (count, first, last, min, max, mean, the
///   last image, histogram or text), in memory that does not grow with the points;
/// - ``read(_:)``: the points of one run streamed in reading order, in bounded memory;
/// - ``follow(every:from:)``: an `AsyncSequence` of what is written from now on (or from the start),
///   for watching live runs.
///
/// Runs are read in parallel, one per core, by ``contents(kinds:progress:)`` and
/// ``summarize(progress:)``; a file of 4 MiB or more is read in parallel chunks by every way of
/// reading it (``RunReader`` too), on the cores the runs leave free, with exactly the result of
/// reading it from start to end.
///
/// ## What TensorBoard shows
///
/// The reader follows TensorBoard's Python loader (`--load_fast=false`), the one that checks every
/// CRC, and keeps every point (TensorBoard samples 1,000 scalars per series for display).
///
/// - **Runs**: see ``LogdirListing``. A run's files are read one after another in name order, never
///   going back to an earlier one: data added to a file after the run moved on to a later one is
///   reported as `late_write` and ignored, as TensorBoard ignores it.
/// - **Steps and purges**: points stay in file order, duplicates included, except after a writer
///   restart. In a run with `file_version` 2 or more (every current writer), every `SessionLog`
///   `START` after the run's first drops the points written before it at or after its step;
///   without a file version, a summary event whose step goes back drops the earlier points of its
///   own tags at or after its step (see ``Rewind``).
/// - **Values**: legacy values are converted as TensorBoard converts them (`simple_value` to a
///   `scalars` series, legacy images, histograms and audio to theirs); a tag's metadata comes from
///   its first value that carries metadata in the run, and decides how every point of the series
///   is decoded, even points read before it; a value without a tag is stored under its node name.
///
/// ## Where it does better than TensorBoard
///
/// A damaged record is reported as a ``ReadProblem`` with its file, byte offset and kind, and
/// reading goes on at the next position where a length, its CRC and the data CRC all verify;
/// TensorBoard silently stops reading the file there. An incomplete last record is waited for
/// while following live files and reported as `truncated` when the files are complete. A length
/// field is never trusted with an allocation.
public struct SummaryReader: Sendable {
    /// What to read, and how; given when the reader is made.
    public struct Options: Sendable {
        /// Which runs to read, by name (TensorBoard's run names: `.` for the log directory itself).
        public var runs: NameFilter
        /// Which tags to deliver. Every series is still read, as TensorBoard's rules need them all,
        /// but the points of other tags are not kept.
        public var tags: NameFilter
        /// Where the bytes come from: the local file system by default.
        public var source: any ByteSource
        /// Whether the event files are complete (their writers are done): an incomplete record at
        /// the end of a file is then reported as `truncated` and passed over instead of being
        /// waited for. Ignored by ``SummaryReader/follow(every:from:)``, which always waits.
        public var filesAreComplete: Bool
        /// Whether records may take the hand-written fast paths; tests turn them off to compare
        /// with protobuf-c alone.
        package var usesFastPaths = true
        /// How large files are read in parallel chunks; tests choose tiny chunks, or none, to
        /// compare with the sequential reader.
        var chunking: ChunkPlan? = .standard

        /// Creates options; by default every run and tag of the local file system, files complete.
        public init(
            runs: NameFilter = .all, tags: NameFilter = .all, source: any ByteSource = FileSystemSource(),
            filesAreComplete: Bool = true
        ) {
            self.runs = runs
            self.tags = tags
            self.source = source
            self.filesAreComplete = filesAreComplete
        }
    }

    /// The log directory, as given.
    public let logdir: String
    /// The options given.
    public let options: Options
    /// The log directory's runs and files when the reader was made, every run included.
    public let listing: LogdirListing

    /// Lists the log directory `logdir` (what you would give to `tensorboard --logdir`).
    ///
    /// - Throws: ``SummaryReaderError`` when `logdir` is missing, is not a directory or cannot be
    ///   listed. Anything below it that cannot be read is reported as a ``ReadProblem`` instead.
    public init(logdir: String, options: Options = Options()) throws(SummaryReaderError) {
        self.logdir = logdir
        self.options = options
        self.listing = try LogdirListing(logdir: logdir, source: options.source)
    }

    /// The runs the run filter keeps, in name order.
    public var runs: [LogdirListing.Run] {
        listing.runs.filter { options.runs.includes($0.name) }
    }

    /// Streams the points of `run` exactly as TensorBoard shows them; see ``RunReader``.
    public func read(_ run: LogdirListing.Run) -> RunReader {
        RunReader(run, options: options)
    }

    /// Statistics of every scalar, image, histogram, text, audio and PR-curve series of every run,
    /// read in parallel.
    ///
    /// - Parameter progress: Called now and then with the number of points read so far, one call at
    ///   a time, from the reading threads.
    public func summarize(progress: (@Sendable (Int) -> Void)? = nil) -> LogdirSummary {
        let counter = ProgressCounter(progress)
        let options = self.options
        let runs = ParallelRuns.map(self.runs, concurrency: options.source.readConcurrency) { listing in
            RunSummary(
                listing,
                RunAccumulation(listing, options: options, progress: counter, make: SeriesStatistics.init(series:)))
        }
        return LogdirSummary(runs: runs, problems: listing.problems, pointCount: counter.count)
    }

    /// Every point of every run, in memory, read in parallel.
    ///
    /// - Parameters:
    ///   - kinds: The kinds of series to keep; every kind by default.
    ///   - progress: Called now and then with the number of points read so far.
    public func contents(
        kinds: Set<Series.Kind> = Set(Series.Kind.allCases), progress: (@Sendable (Int) -> Void)? = nil
    ) -> LogdirContents {
        let counter = ProgressCounter(progress)
        let options = self.options
        let runs = ParallelRuns.map(self.runs, concurrency: options.source.readConcurrency) { listing in
            let accumulation = RunAccumulation(listing, options: options, progress: counter) { series in
                kinds.contains(series.kind) ? PointList() : nil
            }
            return RunContents(
                run: accumulation.run,
                series: accumulation.series.map { SeriesContents(series: $0.series, points: $0.accumulator.points) },
                problems: accumulation.problems)
        }
        return LogdirContents(runs: runs, problems: listing.problems)
    }

    /// Every scalar point of every run, as rows; see ``LogdirContents/scalars``.
    public func scalars() -> [ScalarRow] {
        contents(kinds: [.scalars]).scalars
    }
}
