/// Builds text summaries in TensorFlow 2's form, which TensorBoard's `text` plugin reads.
///
/// The value is a rank-0 `DT_STRING` tensor holding the UTF-8 bytes of the text, which
/// TensorBoard renders as Markdown (EventFileFormat.md §7.4). The bytes are stored with their
/// length, so any character, NUL included, is kept. The metadata names the `text` plugin with
/// empty content. Unlike tensorboardX, the tag is used as given (no `/text_summary` suffix) and
/// the tensor is rank 0, so the text is not wrapped in a one-cell table.
enum TextSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "text"

    /// The summary value holding `markdown`.
    static func value(tag: String, markdown: String) -> Summary.Value {
        let tensor = TensorProto(dtype: .string, shape: TensorShapeProto(), stringValues: [Array(markdown.utf8)])
        return Summary.Value(tag: tag, metadata: SummaryMetadata(pluginName: pluginName), content: .tensor(tensor))
    }
}
