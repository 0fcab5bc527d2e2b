/// Builds 64-bit scalar summaries, as PyTorch writes them with `double_precision=True`
/// (EventFileFormat.md §7.1): a rank-0 `DT_DOUBLE` tensor whose metadata names the `scalars`
/// plugin with empty content.
///
/// The eight bytes go in `tensor_content`, as TensorFlow stores tensors (PyTorch uses
/// `double_val`; every reader takes both). TensorBoard's Python loader shows the value exactly;
/// its Rust loader shows only `DT_FLOAT` scalars and leaves the tag out altogether.
enum DoubleScalarSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "scalars"

    /// The summary value holding `value`.
    static func value(tag: String, _ value: Double) -> Summary.Value {
        Summary.Value(
            tag: tag, metadata: SummaryMetadata(pluginName: pluginName),
            content: .tensor(TensorProto(doubles: [value], shape: [])))
    }
}
