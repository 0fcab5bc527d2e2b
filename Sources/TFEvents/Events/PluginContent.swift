/// The content messages of the plugins other than hparams, stored serialized in
/// ``SummaryMetadata/PluginData/content`` (EventFileFormat.md §7).
///
/// Each has a `version` that must be 0 for TensorBoard 2.21 (the images and text plugins skip
/// data with a newer one). Empty content decodes as version 0 with every option off, so writers
/// that need no option write no content at all, as TensorFlow does.
enum PluginContent {
    /// `ScalarPluginData`, `HistogramPluginData` and `TextPluginData`: a version and nothing
    /// else, so the three share one wire format.
    struct Versioned: Sendable, Hashable {
        var version: Int32 = 0
    }

    /// `ImagePluginData`.
    struct Image: Sendable, Hashable {
        var version: Int32 = 0
        /// Set by TensorBoard's own conversion of legacy images; writers leave it off.
        var convertedToTensor = false
    }

    /// `AudioPluginData`.
    struct Audio: Sendable, Hashable {
        var version: Int32 = 0
        var encoding: Encoding = .unknown
        /// Set by TensorBoard's own conversion of legacy audio; writers leave it off.
        var convertedToTensor = false

        /// How the clips are encoded. TensorBoard serves them as `audio/wav` only for ``wav``.
        struct Encoding: RawRepresentable, Sendable, Hashable {
            var rawValue: Int32
            static let unknown = Encoding(rawValue: 0)
            static let wav = Encoding(rawValue: 11)
        }
    }

    /// `PrCurvePluginData`.
    struct PrCurve: Sendable, Hashable {
        var version: Int32 = 0
        /// The number of thresholds, the second dimension of the `[6, n]` tensor.
        var thresholdCount: UInt32 = 0
    }
}
