extension HParamsPluginData {
    /// The hyperparameters and metrics of a log directory: `tensorboard.hparams.Experiment`.
    ///
    /// TensorBoard uses at most one per log directory (with several, it picks one arbitrarily),
    /// so independent writers should not write one; without any, TensorBoard infers the
    /// experiment from the sessions' values and scalar tags.
    struct Experiment: Sendable, Hashable {
        /// A Markdown description.
        var description: String = ""
        /// Who ran the experiment.
        var user: String = ""
        /// When the experiment was created, in seconds since the Unix epoch.
        var timeCreated: Double = 0
        /// The hyperparameters, in the order the table shows them.
        var hparamInfos: [HParamInfo] = []
        /// The metrics, in the order the table shows them.
        var metricInfos: [MetricInfo] = []
        /// A name for the experiment.
        var name: String = ""
    }

    /// One hyperparameter of an experiment: `tensorboard.hparams.HParamInfo`.
    struct HParamInfo: Sendable, Hashable {
        /// The name, the key in ``SessionStartInfo/hparams``.
        var name: String
        /// A name to show instead; the table shows ``name`` when it is empty.
        var displayName: String = ""
        /// A Markdown description.
        var description: String = ""
        /// The kind of value.
        var type: DataType = .unset
        /// The values it may take, when known.
        var domain: Domain? = nil
        /// Whether the sessions have different values for it.
        var differs: Bool = false
    }

    /// The values a hyperparameter may take (the `domain` oneof).
    enum Domain: Sendable, Hashable {
        /// One of these values (`domain_discrete`, a `ListValue`).
        case discrete([HParamValue])
        /// A number from `min` to `max` (`domain_interval`).
        case interval(min: Double, max: Double)
    }

    /// The kind of a hyperparameter's value (`tensorboard.hparams.DataType`). Values not listed
    /// here are kept as they are.
    struct DataType: RawRepresentable, Sendable, Hashable {
        var rawValue: Int32
        init(rawValue: Int32) { self.rawValue = rawValue }

        /// Not given.
        static let unset = DataType(rawValue: 0)
        /// A string.
        static let string = DataType(rawValue: 1)
        /// A Boolean.
        static let bool = DataType(rawValue: 2)
        /// A 64-bit float.
        static let float64 = DataType(rawValue: 3)
    }

    /// One metric of an experiment: `tensorboard.hparams.MetricInfo`.
    struct MetricInfo: Sendable, Hashable {
        /// The scalar series the metric's value is read from.
        var name: MetricName
        /// A name to show instead of the tag.
        var displayName: String = ""
        /// A Markdown description.
        var description: String = ""
        /// Which data the metric was computed on.
        var datasetType: DatasetType = .unknown
    }

    /// Where a metric's value is: `tensorboard.hparams.MetricName`.
    ///
    /// A session's value of the metric is the last point of scalar tag ``tag`` in the run
    /// `<session run>/<group>`; an empty ``group`` means the session's run itself.
    struct MetricName: Sendable, Hashable {
        /// A sub-run of the session's run, or empty for the run itself.
        var group: String = ""
        /// The scalar tag.
        var tag: String
    }

    /// The data a metric was computed on (`tensorboard.hparams.DatasetType`). Values not listed
    /// here are kept as they are.
    struct DatasetType: RawRepresentable, Sendable, Hashable {
        var rawValue: Int32
        init(rawValue: Int32) { self.rawValue = rawValue }

        /// Not given.
        static let unknown = DatasetType(rawValue: 0)
        /// Training data.
        static let training = DatasetType(rawValue: 1)
        /// Validation data.
        static let validation = DatasetType(rawValue: 2)
    }
}
