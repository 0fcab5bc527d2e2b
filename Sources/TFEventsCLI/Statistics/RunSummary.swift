import TFEvents

/// What `tfevents summary` knows about one run: statistics per tag, hyperparameters, files and
/// problems. Its size depends on the number of tags, never on the number of points.
struct RunSummary: Sendable {
    /// The name shown: TensorBoard's run name (`.` for the log directory itself), prefixed with
    /// the log directory when several log directories are compared and names clash.
    var name: String
    /// TensorBoard's name for the run within its log directory.
    var runName: String
    /// The run's directory.
    var path: String
    /// The basenames of the run's event files (names containing `tfevents`), in name order.
    var files: [String] = []
    /// Scalar series (plugin `scalars`), by tag.
    var scalars: [String: ScalarStatistics] = [:]
    /// Image series (plugin `images`), by tag: the size of the last batch.
    var images: [String: LatestPoint<ImageSize>] = [:]
    /// Histogram series (plugin `histograms`), by tag: the last histogram.
    var histograms: [String: LatestPoint<Histogram>] = [:]
    /// Text series (plugin `text`), by tag: the elements of the last text, in row-major order.
    var text: [String: LatestPoint<[String]>] = [:]
    /// The hyperparameters of the run's `_hparams_/session_start_info`, if any.
    var hparams: [String: HParamValue] = [:]
    /// The damaged records found in the run's files, in reading order.
    var problems: [LogdirReader.Problem] = []

    /// The width and height of an image series' last batch, and how many images it had.
    struct ImageSize: Sendable, Hashable {
        var width: Int
        var height: Int
        var samples: Int
    }
}

/// How many points a series has, and its last one: enough to summarize images, histograms and
/// text, whose points are too big to keep.
struct LatestPoint<Value: Sendable>: Sendable {
    /// The number of points.
    private(set) var count = 0
    /// The step of the last point, in TensorBoard's order; `nil` while there is none.
    private(set) var lastStep: Int64?
    /// The value of the last point; `nil` while there is none.
    private(set) var last: Value?

    /// Adds the next point.
    mutating func add(_ value: Value, step: Int64) {
        count += 1
        lastStep = step
        last = value
    }

    /// Forgets every point, as after a purge.
    mutating func reset() {
        self = LatestPoint()
    }
}
