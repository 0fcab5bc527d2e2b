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
    /// Meshes, by mesh name (not by the per-part tags): the points of the vertex part, and the
    /// vertex and triangle counts of the last mesh.
    public var meshes: [String: LatestPoint<MeshSize>] = [:]
    /// The layout the CUSTOM SCALARS dashboard draws for this run: the last point of tag
    /// `custom_scalars__config__`; `nil` when the run has none.
    public var customScalarLayout: CustomScalarLayout?
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
    /// The size of a mesh: rows of its vertex and face tensors (per mesh of a batch).
    public struct MeshSize: Sendable, Hashable {
        /// Vertices.
        public var vertices: Int
        /// Triangles; 0 when the mesh has none (a point cloud).
        public var faces: Int
    }

    /// The tag whose last layout TensorBoard's CUSTOM SCALARS dashboard draws.
    static let customScalarLayoutTag = "custom_scalars__config__"

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
        case scalars, images, histograms, text, audio, prCurves, mesh, layout
    }

    let kind: Kind
    var scalars = ScalarStatistics()
    var images = LatestPoint<RunSummary.ImageBatchSize>()
    var histograms = LatestPoint<Histogram>()
    var text = LatestPoint<[String]>()
    var audio = LatestPoint<RunSummary.AudioBatch>()
    var prCurves = LatestPoint<Int>()
    /// For meshes: the part and mesh name, and the rows of the last tensor.
    var meshComponent: MeshComponent?
    var meshRows = LatestPoint<Int>()
    var layout = LatestPoint<CustomScalarLayout>()

    /// Empty statistics for `series`, or `nil` for the kinds a summary does not cover.
    init?(series: Series) {
        switch series.kind {
        case .scalars: kind = .scalars
        case .images: kind = .images
        case .histograms: kind = .histograms
        case .text: kind = .text
        case .audio: kind = .audio
        case .prCurves: kind = .prCurves
        case .mesh:
            guard let component = series.meshComponent else { return nil }
            kind = .mesh
            meshComponent = component
        case .customScalars:
            guard series.tag == RunSummary.customScalarLayoutTag else { return nil }
            kind = .layout
        case .hparams, .other: return nil
        }
    }

    @inline(__always)
    mutating func add(_ point: ScalarPoint) {
        guard kind == .scalars else { return add(point.point) }
        scalars.add(Double(point.value), step: point.step)
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
        case .mesh:
            if case .mesh(let tensor) = point.value { meshRows.add(tensor.rowCount, step: point.step) }
        case .layout:
            if case .layout(let value) = point.value { layout.add(value, step: point.step) }
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
            case .mesh: break
            case .layout: customScalarLayout = statistics.layout.last
            }
        }
        meshes = Self.meshes(accumulation.series.compactMap { _, statistics in statistics.meshComponent.map { ($0, statistics) } })
    }

    /// Joins the parts of each mesh by name: points and last step of the vertex part, and the
    /// rows of the last vertex and face tensors.
    private static func meshes(_ parts: [(MeshComponent, SeriesStatistics)]) -> [String: LatestPoint<MeshSize>] {
        var result: [String: LatestPoint<MeshSize>] = [:]
        for name in Set(parts.map(\.0.meshName)) {
            let mine = parts.filter { $0.0.meshName == name }
            guard let vertices = mine.first(where: { $0.0.part == .vertices })?.1.meshRows,
                let lastVertices = vertices.last, let lastStep = vertices.lastStep
            else { continue }
            let faces = mine.first(where: { $0.0.part == .faces })?.1.meshRows.last ?? 0
            result[name] = LatestPoint(
                count: vertices.count, lastStep: lastStep, last: MeshSize(vertices: lastVertices, faces: faces))
        }
        return result
    }
}
