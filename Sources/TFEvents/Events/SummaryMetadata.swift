/// Which plugin a summary value belongs to and how to present it: `tensorboard.SummaryMetadata`.
public struct SummaryMetadata: Sendable, Hashable {
    /// The plugin and its serialized content message.
    public var pluginData: PluginData?
    /// A display name; TensorBoard shows the tag when it is empty.
    public var displayName: String
    /// A Markdown description.
    public var summaryDescription: String
    /// The kind of series. TensorFlow's writers leave it unset, and so do we.
    public var dataClass: DataClass

    /// Creates summary metadata.
    public init(
        pluginData: PluginData? = nil, displayName: String = "", summaryDescription: String = "",
        dataClass: DataClass = .unknown
    ) {
        self.pluginData = pluginData
        self.displayName = displayName
        self.summaryDescription = summaryDescription
        self.dataClass = dataClass
    }

    /// Metadata that names only a plugin, with empty content: what TensorFlow writes for scalars.
    public init(pluginName: String, content: [UInt8] = []) {
        self.init(pluginData: PluginData(pluginName: pluginName, content: content))
    }

    /// A plugin name and the plugin's own serialized content message.
    public struct PluginData: Sendable, Hashable {
        /// For example `"scalars"`, `"images"`, `"histograms"`, `"text"` or `"hparams"`.
        public var pluginName: String
        /// A serialized plugin-specific message; empty means version 0 with no options.
        public var content: [UInt8]

        /// Creates plugin data.
        public init(pluginName: String, content: [UInt8] = []) {
            self.pluginName = pluginName
            self.content = content
        }
    }

    /// The kind of series a value belongs to. Values not listed here are kept as they are.
    public struct DataClass: RawRepresentable, Sendable, Hashable {
        public var rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Not given.
        public static let unknown = DataClass(rawValue: 0)
        /// A scalar series.
        public static let scalar = DataClass(rawValue: 1)
        /// A tensor series.
        public static let tensor = DataClass(rawValue: 2)
        /// A blob sequence series (images, audio).
        public static let blobSequence = DataClass(rawValue: 3)
    }
}
