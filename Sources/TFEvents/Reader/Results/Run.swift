/// What reading a run found out about it, beyond its points.
///
/// A run is a directory that directly holds event files (see ``LogdirListing``). These facts come
/// from its events: TensorBoard uses the first wall time as the run's start time, the file version
/// to choose its purge rule, and the first `_hparams_/session_start_info` for the HPARAMS tab.
public struct Run: Sendable, Hashable {
    /// The name TensorBoard shows, such as `train` or `tbx/hp_session`; `.` for the log directory.
    public var name: String
    /// The run's directory.
    public var path: String
    /// The wall time of the run's first event, which TensorBoard uses as the run's start time.
    public var firstEventWallTime: Double?
    /// The last `file_version` read, parsed as TensorBoard does (the number after
    /// `brain.Event:`; -1 when it is not a number). Version 2 or more switches purging to
    /// `SessionLog` restarts (see ``SummaryReader``).
    public var fileVersion: Double?
    /// The program that wrote the run (`source_metadata.writer`), such as
    /// `tensorflow.core.util.events_writer`; `nil` when not given or longer than 128 characters.
    public var sourceWriter: String?
    /// Whether a graph has been read: a `graph_def`, or a `meta_graph_def`, which TensorBoard
    /// takes as holding one.
    public var hasGraph: Bool
    /// Whether a `meta_graph_def` has been read.
    public var hasMetaGraph: Bool
    /// The hyperparameters of the run's `_hparams_/session_start_info` (the first one: TensorBoard
    /// reads a tag's metadata from its first value), by name; empty when the run has none.
    public var hparams: [String: HParamValue]

    /// Creates a run description.
    init(
        name: String, path: String, firstEventWallTime: Double? = nil, fileVersion: Double? = nil,
        sourceWriter: String? = nil, hasGraph: Bool = false, hasMetaGraph: Bool = false,
        hparams: [String: HParamValue] = [:]
    ) {
        self.name = name
        self.path = path
        self.firstEventWallTime = firstEventWallTime
        self.fileVersion = fileVersion
        self.sourceWriter = sourceWriter
        self.hasGraph = hasGraph
        self.hasMetaGraph = hasMetaGraph
        self.hparams = hparams
    }
}
