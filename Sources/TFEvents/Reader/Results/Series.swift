/// One tag of one run: a time series of points.
///
/// Its metadata is the metadata of the tag's first value *that carries metadata* in the run,
/// after TensorBoard's read-time conversions (a legacy `simple_value` becomes plugin `scalars`
/// with the tag as display name, and so on). Metadata on later values is ignored, as both of
/// TensorBoard's loaders ignore it.
public struct Series: Sendable, Hashable, Identifiable {
    /// The series' number within its run, counting from 0 in the order series were found;
    /// ``Point/series`` refers to it.
    public let id: Int
    /// The name of the run the series belongs to.
    public let run: String
    /// The tag.
    public let tag: String
    /// The metadata, or `nil` while no value of the tag has carried any.
    public var metadata: SummaryMetadata?
    /// What the series holds, from the plugin name and data class of ``metadata``.
    public var kind: Kind

    /// Creates a series description.
    init(id: Int, run: String, tag: String, metadata: SummaryMetadata? = nil, kind: Kind = .other) {
        self.id = id
        self.run = run
        self.tag = tag
        self.metadata = metadata
        self.kind = kind
    }

    /// The plugin named in ``metadata``, or `""`.
    public var pluginName: String { metadata?.pluginData?.pluginName ?? "" }

    /// The kinds of series, by the TensorBoard plugin that shows them.
    ///
    /// As in TensorBoard, a plugin shows a series only when both its plugin name and its data
    /// class match; anything else is ``other``.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Plugin `scalars`, data class scalar: points are ``Point/Value/scalar(_:)``.
        case scalars
        /// Plugin `images`, data class blob sequence: points are ``Point/Value/images(width:height:images:)``.
        case images
        /// Plugin `histograms`, data class tensor: points are ``Point/Value/histogram(_:)``.
        case histograms
        /// Plugin `text`, data class tensor: points are ``Point/Value/text(shape:strings:)``.
        case text
        /// Plugin `hparams`: the data is in the metadata (see ``Run/hparams``); points carry an
        /// empty tensor.
        case hparams
        /// Plugin `audio`, data class blob sequence: points are ``Point/Value/audio(_:)``.
        case audio
        /// Plugin `pr_curves`, data class tensor: points are ``Point/Value/prCurve(_:)``.
        case prCurves = "pr_curves"
        /// Plugin `mesh`, data class tensor: one part of a mesh (``meshComponent`` says which);
        /// points are ``Point/Value/mesh(_:)``.
        case mesh
        /// Plugin `custom_scalars`, data class tensor: points are ``Point/Value/layout(_:)``.
        /// TensorBoard reads the layout of tag `custom_scalars__config__` only.
        case customScalars = "custom_scalars"
        /// Anything else (graphs, a series without metadata, ...): raw tensors.
        case other

        /// The plugin that shows a series with `metadata`: TensorBoard's plugins list series by
        /// plugin name and data class.
        init(_ metadata: SummaryMetadata) {
            switch (metadata.pluginData?.pluginName ?? "", metadata.dataClass) {
            case ("scalars", .scalar): self = .scalars
            case ("images", .blobSequence): self = .images
            case ("audio", .blobSequence): self = .audio
            case ("histograms", .tensor): self = .histograms
            case ("text", .tensor): self = .text
            case ("pr_curves", .tensor): self = .prCurves
            case ("mesh", .tensor): self = .mesh
            case ("custom_scalars", .tensor): self = .customScalars
            case ("hparams", _): self = .hparams
            default: self = .other
            }
        }
    }
}
