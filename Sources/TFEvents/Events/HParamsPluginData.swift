/// The content of an `hparams` plugin summary value: `tensorboard.hparams.HParamsPluginData`.
///
/// The hparams plugin keeps its data in the metadata of summary values that carry no data of
/// their own, under three fixed tags (EventFileFormat.md §7.7):
/// - ``experimentTag`` holds an ``Experiment``: the hyperparameters and metrics of the whole log
///   directory. It is optional; without it TensorBoard infers the experiment from the sessions.
/// - ``sessionStartTag`` holds a ``SessionStartInfo``: the run is a *session* (a row of the
///   HPARAMS table) with these hyperparameter values.
/// - ``sessionEndTag`` holds a ``SessionEndInfo``: how and when the session ended.
struct HParamsPluginData: Sendable, Hashable {
    /// The content's format version; TensorBoard 2.21 reads only 0.
    var version: Int32 = 0
    /// The message carried, or `nil` when the content holds none.
    var content: Content?

    /// The `data` oneof: exactly one of these, or none.
    enum Content: Sendable, Hashable {
        /// The experiment: which hyperparameters and metrics the HPARAMS tab shows.
        case experiment(Experiment)
        /// The start of a session, with its hyperparameter values.
        case sessionStartInfo(SessionStartInfo)
        /// The end of a session.
        case sessionEndInfo(SessionEndInfo)
    }

    /// The plugin name in ``SummaryMetadata/PluginData``.
    static let pluginName = "hparams"
    /// The tag of the value carrying an ``Experiment``.
    static let experimentTag = "_hparams_/experiment"
    /// The tag of the value carrying a ``SessionStartInfo``.
    static let sessionStartTag = "_hparams_/session_start_info"
    /// The tag of the value carrying a ``SessionEndInfo``.
    static let sessionEndTag = "_hparams_/session_end_info"
}

extension HParamsPluginData {
    /// The start of a session: `tensorboard.hparams.SessionStartInfo`.
    struct SessionStartInfo: Sendable, Hashable {
        /// The hyperparameter values by name. On the wire this is a `map<string, Value>`; values
        /// of the kinds TensorBoard ignores (null, list, struct) are left out when decoding.
        var hparams: [String: HParamValue]
        /// Where the trained model is, if anywhere.
        var modelURI: String = ""
        /// A page for monitoring the session, if any.
        var monitorURL: String = ""
        /// The session group (a row of the HPARAMS table). Empty means the run's own name.
        var groupName: String = ""
        /// When the session started, in seconds since the Unix epoch.
        var startTime: Double = 0
    }

    /// The end of a session: `tensorboard.hparams.SessionEndInfo`.
    struct SessionEndInfo: Sendable, Hashable {
        /// How the session ended.
        var status: Status
        /// When the session ended, in seconds since the Unix epoch.
        var endTime: Double = 0
    }

    /// How a session ended (`tensorboard.hparams.Status`). Values not listed here are kept as they are.
    struct Status: RawRepresentable, Sendable, Hashable {
        var rawValue: Int32
        init(rawValue: Int32) { self.rawValue = rawValue }

        /// Not known.
        static let unknown = Status(rawValue: 0)
        /// The session finished normally.
        static let success = Status(rawValue: 1)
        /// The session failed.
        static let failure = Status(rawValue: 2)
        /// The session is still running.
        static let running = Status(rawValue: 3)
    }
}
