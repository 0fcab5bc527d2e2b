/// What `tfevents summary` shows of a run: statistics of every series, in memory that depends on
/// the number of tags, never on the number of points. Made by ``SummaryReader/summarize(progress:)``.
public struct RunSummary: Sendable {
    /// The run's directory and event files, as listed.
    public var listing: LogdirListing.Run
    /// The run's facts, hyperparameters included.
    public var run: Run
    /// Scalar series (kind ``Series/Kind/scalars``), by tag.
    public var scalars: [String: ScalarStatistics] = [:]
    /// Image series, by tag: the size of the last batch and how many images it had.
    public var images: [String: LatestPoint<ImageBatchSize>] = [:]
    /// Histogram series, by tag: the last histogram.
    public var histograms: [String: LatestPoint<Histogram>] = [:]
    /// Text series, by tag: the elements of the last text, in row-major order.
    public var text: [String: LatestPoint<[String]>] = [:]
    /// The problems found in the run's files, in reading order.
    public var problems: [ReadProblem] = []

    /// The name TensorBoard shows for the run.
    public var name: String { listing.name }

    /// The width and height of an image batch, and how many images it holds.
    public struct ImageBatchSize: Sendable, Hashable {
        /// Width in pixels.
        public var width: Int
        /// Height in pixels.
        public var height: Int
        /// How many images the batch holds.
        public var samples: Int

        /// Creates a batch size.
        public init(width: Int, height: Int, samples: Int) {
            self.width = width
            self.height = height
            self.samples = samples
        }
    }
}

/// The summaries of a log directory's runs, in name order, and the problems that belong to no run.
public struct LogdirSummary: Sendable {
    /// The runs the run filter keeps, in name order.
    public var runs: [RunSummary]
    /// Directories below the log directory that could not be listed.
    public var problems: [ReadProblem]
    /// How many points were read, in every run and tag (filtered ones included).
    public var pointCount: Int
}

/// The statistics of one series, by kind: what ``RunSummary`` keeps.
enum SeriesStatistics: SeriesAccumulator {
    case scalars(ScalarStatistics)
    case images(LatestPoint<RunSummary.ImageBatchSize>)
    case histograms(LatestPoint<Histogram>)
    case text(LatestPoint<[String]>)

    /// Empty statistics for `series`, or `nil` for the kinds a summary does not cover.
    init?(series: Series) {
        switch series.kind {
        case .scalars: self = .scalars(ScalarStatistics())
        case .images: self = .images(LatestPoint())
        case .histograms: self = .histograms(LatestPoint())
        case .text: self = .text(LatestPoint())
        case .hparams, .audio, .prCurves, .other: return nil
        }
    }

    mutating func add(_ point: Point) {
        switch (self, point.value) {
        case (.scalars(var statistics), .scalar(let value)):
            statistics.add(value, step: point.step)
            self = .scalars(statistics)
        case (.images(var latest), .images(let width, let height, let images)):
            latest.add(.init(width: width, height: height, samples: images.count), step: point.step)
            self = .images(latest)
        case (.histograms(var latest), .histogram(let histogram)):
            latest.add(histogram, step: point.step)
            self = .histograms(latest)
        case (.text(var latest), .text(_, let strings)):
            latest.add(strings, step: point.step)
            self = .text(latest)
        default:
            // A value that does not have its kind's form: TensorBoard's plugin cannot show it either.
            break
        }
    }
}

extension RunSummary {
    init(_ listing: LogdirListing.Run, _ accumulation: RunAccumulation<SeriesStatistics>) {
        self.listing = listing
        self.run = accumulation.run
        self.problems = accumulation.problems
        for (series, statistics) in accumulation.series {
            switch statistics {
            case .scalars(let value): scalars[series.tag] = value
            case .images(let value): images[series.tag] = value
            case .histograms(let value): histograms[series.tag] = value
            case .text(let value): text[series.tag] = value
            }
        }
    }
}
