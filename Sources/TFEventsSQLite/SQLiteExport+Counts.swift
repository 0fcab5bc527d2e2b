public import TFEvents

extension SQLiteExport {
    /// What an export wrote.
    public struct Counts: Sendable, Hashable {
        /// Runs.
        public var runs = 0
        /// Scalar points (rows of `scalars`).
        public var scalars = 0
        /// Histogram points; each is one row per bucket in `histograms`.
        public var histograms = 0
        /// Images (rows of `images`: each image of a batch counts).
        public var images = 0
        /// Text points (rows of `text`).
        public var text = 0
        /// Audio clips (rows of `audio`).
        public var audio = 0
        /// PR curves; each is one row per threshold in `pr_curves`.
        public var prCurves = 0
        /// Mesh parts (rows of `meshes`).
        public var meshes = 0
        /// Custom scalars layouts; each is one row per chart in `custom_scalars`.
        public var layouts = 0
        /// Points kept only as counts in `tags` (hyperparameter summaries, graphs, and data that
        /// does not have the form of its kind).
        public var other = 0
        /// Points left out because a restarted writer purged them, as TensorBoard does.
        public var purged = 0
        /// What could not be read (damaged records, unreadable files), in reading order; also in
        /// the `problems` view.
        public var problems: [ReadProblem] = []

        /// Creates empty counts.
        public init() {}
    }

    /// How far an export is: given to the `progress` closure of ``SQLiteExport/write(to:progress:)``.
    public struct Progress: Sendable, Hashable {
        /// The run being read.
        public var run: String
        /// Its position among the runs, from 0.
        public var runIndex: Int
        /// The number of runs.
        public var runCount: Int
        /// Points written so far, all runs together.
        public var points: Int
    }
}
