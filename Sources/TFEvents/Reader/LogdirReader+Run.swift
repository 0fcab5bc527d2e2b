extension LogdirReader {
    /// A run: a directory that directly holds at least one event file.
    ///
    /// A run is named by its path relative to the log directory with `/` separators, and `.` for
    /// the log directory itself, as TensorBoard names it. Runs nest freely: `a` and `a/b` are both
    /// runs when both directories hold event files.
    public struct Run: Sendable, Hashable, Identifiable {
        /// The run's number in this reader, counting from 0 in the order runs were found.
        public let id: Int
        /// The name TensorBoard shows, such as `train` or `tbx/hp_session`; `.` for the log directory.
        public let name: String
        /// The directory's path: the log directory as given, joined with ``name``.
        public let path: String
        /// The wall time of the run's first event, which TensorBoard uses as the run's start time.
        public var firstEventWallTime: Double?
        /// The last `file_version` read, parsed as TensorBoard does (the number after
        /// `brain.Event:`; -1 when it is not a number). Version 2 or more switches purging to
        /// `SessionLog` restarts; see ``LogdirReader``.
        public var fileVersion: Double?
        /// The program that wrote the run (`source_metadata.writer`), such as
        /// `tensorflow.core.util.events_writer`; `nil` when not given or longer than 128 characters.
        public var sourceWriter: String?
        /// Whether a graph has been read: a `graph_def`, or a `meta_graph_def`, which TensorBoard
        /// takes as holding one.
        public var hasGraph: Bool
        /// Whether a `meta_graph_def` has been read.
        public var hasMetaGraph: Bool

        /// Creates a run description.
        public init(
            id: Int, name: String, path: String, firstEventWallTime: Double? = nil, fileVersion: Double? = nil,
            sourceWriter: String? = nil, hasGraph: Bool = false, hasMetaGraph: Bool = false
        ) {
            self.id = id
            self.name = name
            self.path = path
            self.firstEventWallTime = firstEventWallTime
            self.fileVersion = fileVersion
            self.sourceWriter = sourceWriter
            self.hasGraph = hasGraph
            self.hasMetaGraph = hasMetaGraph
        }
    }
}
