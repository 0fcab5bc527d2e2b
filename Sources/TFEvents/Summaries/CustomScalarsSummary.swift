/// Builds the custom scalars value, which TensorBoard's `custom_scalars` plugin reads
/// (EventFileFormat.md §7.8).
///
/// The value is a rank-0 `DT_STRING` tensor holding one serialized `Layout`, under the fixed tag
/// ``configTag``, with metadata naming the plugin and empty content, as TensorBoard's own
/// `custom_scalar.summary.pb` writes it.
enum CustomScalarsSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "custom_scalars"
    /// The tag the server reads layouts from; any other tag is ignored.
    static let configTag = "custom_scalars__config__"

    /// The summary value holding `layout`.
    static func value(_ layout: CustomScalarLayout) -> Summary.Value {
        let tensor = TensorProto(
            dtype: .string, shape: TensorShapeProto(), stringValues: [PluginContentCodec.encode(layout)])
        return Summary.Value(
            tag: configTag, metadata: SummaryMetadata(pluginName: pluginName), content: .tensor(tensor))
    }

    /// Refuses a layout holding a NUL character in any text: protobuf-c's strings end at the
    /// first NUL, so the text would be cut short silently.
    static func check(_ layout: CustomScalarLayout) throws(SummaryWriterError) {
        func check(_ text: String, _ what: @autoclosure () -> String) throws(SummaryWriterError) {
            if text.utf8.contains(0) {
                throw .invalidInput(
                    "the custom scalar layout's \(what()) \(text.debugDescription) holds a NUL character")
            }
        }
        for category in layout.categories {
            try check(category.title, "category title")
            for chart in category.charts {
                try check(chart.title, "chart title")
                switch chart.content {
                case .multiline(let patterns):
                    for pattern in patterns { try check(pattern, "tag pattern") }
                case .margin(let series):
                    for item in series {
                        try check(item.value, "margin value tag")
                        try check(item.lower, "margin lower tag")
                        try check(item.upper, "margin upper tag")
                    }
                }
            }
        }
    }
}
