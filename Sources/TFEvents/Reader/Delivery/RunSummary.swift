/// What `tfevents summary` shows of a run: statistics of every series, in memory that depends on
/// the number of tags, never on the number of points (an audio point's clips are looked at for
/// their count and the first one's format, and not kept). Made by ``SummaryReader/summarize(progress:)``.
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
    /// Audio series, by tag: how many clips the last point held, and the first clip's format.
    public var audio: [String: LatestPoint<AudioBatch>] = [:]
    /// PR-curve series, by tag: the number of thresholds of the last curve.
    public var prCurves: [String: LatestPoint<Int>] = [:]
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
        init(width: Int, height: Int, samples: Int) {
            self.width = width
            self.height = height
            self.samples = samples
        }
    }
}

extension RunSummary {
    /// A point of an audio series: how many clips it holds, and the format of its first clip
    /// when that is a WAV file (every common writer encodes WAV; `nil` fields otherwise).
    public struct AudioBatch: Sendable, Hashable {
        /// The number of clips.
        public var clips: Int
        /// The first clip's samples per second.
        public var sampleRate: Int?
        /// The first clip's number of channels.
        public var channelCount: Int?
        /// The first clip's number of frames (samples per channel).
        public var frameCount: Int?

        init(_ clips: [AudioClip]) {
            self.clips = clips.count
            sampleRate = clips.first?.sampleRate
            channelCount = clips.first?.channelCount
            frameCount = clips.first?.frameCount
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

/// The statistics of one series, by kind: what ``RunSummary`` keeps. A struct with a field per
/// kind rather than an enum, so that a point updates the statistics in place.
struct SeriesStatistics: SeriesAccumulator {
    enum Kind {
        case scalars, images, histograms, text, audio, prCurves
    }

    let kind: Kind
    var scalars = ScalarStatistics()
    var images = LatestPoint<RunSummary.ImageBatchSize>()
    var histograms = LatestPoint<Histogram>()
    var text = LatestPoint<[String]>()
    var audio = LatestPoint<RunSummary.AudioBatch>()
    var prCurves = LatestPoint<Int>()

    /// Empty statistics for `series`, or `nil` for the kinds a summary does not cover.
    init?(series: Series) {
        switch series.kind {
        case .scalars: kind = .scalars
        case .images: kind = .images
        case .histograms: kind = .histograms
        case .text: kind = .text
        case .audio: kind = .audio
        case .prCurves: kind = .prCurves
        case .hparams, .other: return nil
        }
    }

    mutating func add(_ point: Point) {
        // A value that does not have its kind's form is left out: TensorBoard's plugin cannot show it either.
        switch kind {
        case .scalars:
            if case .scalar(let value) = point.value { scalars.add(value, step: point.step) }
        case .images:
            if case .images(let width, let height, let batch) = point.value {
                images.add(.init(width: width, height: height, samples: batch.count), step: point.step)
            }
        case .histograms:
            if case .histogram(let histogram) = point.value { histograms.add(histogram, step: point.step) }
        case .text:
            if case .text(_, let strings) = point.value { text.add(strings, step: point.step) }
        case .audio:
            if case .audio(let clips) = point.value { audio.add(RunSummary.AudioBatch(clips), step: point.step) }
        case .prCurves:
            if case .prCurve(let curve) = point.value { prCurves.add(curve.thresholdCount, step: point.step) }
        }
    }
}

extension RunSummary {
    init(_ listing: LogdirListing.Run, _ accumulation: RunAccumulation<SeriesStatistics>) {
        self.listing = listing
        self.run = accumulation.run
        self.problems = accumulation.problems
        for (series, statistics) in accumulation.series {
            switch statistics.kind {
            case .scalars: scalars[series.tag] = statistics.scalars
            case .images: images[series.tag] = statistics.images
            case .histograms: histograms[series.tag] = statistics.histograms
            case .text: text[series.tag] = statistics.text
            case .audio: audio[series.tag] = statistics.audio
            case .prCurves: prCurves[series.tag] = statistics.prCurves
            }
        }
    }
}
