/// Builds the summary values of TensorBoard's `hparams` plugin (EventFileFormat.md §7.7).
///
/// Each value carries its data in the metadata only: plugin `hparams` with a serialized
/// ``HParamsPluginData`` as content, under one of the fixed tags. Like TensorFlow's
/// `hp.hparams`, the value's tensor is the null tensor (`DT_FLOAT`, shape `[0]`); tensorboardX
/// leaves the value empty instead, and both loaders accept either.
enum HParamsSummary {
    /// The tensor TensorFlow puts in hparams values: no elements.
    static let nullTensor = TensorProto(dtype: .float, shape: TensorShapeProto([0]))

    /// A value holding `data` under `tag`.
    static func value(tag: String, data: HParamsPluginData) -> Summary.Value {
        let metadata = SummaryMetadata(
            pluginName: HParamsPluginData.pluginName, content: PluginContentCodec.encode(data))
        return Summary.Value(tag: tag, metadata: metadata, content: .tensor(nullTensor))
    }

    /// The `_hparams_/session_start_info` value for a session with `hparams`, started at `startTime`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for an empty name, a name or a
    ///   string holding NUL (the protobuf-c strings end there), or a number that is not finite
    ///   (TensorBoard's JSON cannot carry it).
    static func sessionStart(hparams: [String: HParamValue], startTime: Double) throws(SummaryWriterError)
        -> Summary.Value
    {
        for (name, value) in hparams.sorted(by: { $0.key < $1.key }) {
            if name.isEmpty {
                throw .invalidInput("a hyperparameter name must not be empty")
            }
            if name.utf8.contains(0) {
                throw .invalidInput("the hyperparameter name \(name.debugDescription) holds a NUL character")
            }
            switch value {
            case .string(let string) where string.utf8.contains(0):
                throw .invalidInput("hyperparameter '\(name)' is a string holding a NUL character")
            case .number(let number) where !number.isFinite:
                throw .invalidInput("hyperparameter '\(name)' must be a finite number, but it is \(number)")
            default:
                break
            }
        }
        let start = HParamsPluginData.SessionStartInfo(hparams: hparams, startTime: startTime)
        return value(tag: HParamsPluginData.sessionStartTag, data: HParamsPluginData(content: .sessionStartInfo(start)))
    }

    /// The `_hparams_/session_end_info` value for a session that ended at `endTime` with `status`.
    static func sessionEnd(status: HParamsPluginData.Status, endTime: Double) -> Summary.Value {
        let end = HParamsPluginData.SessionEndInfo(status: status, endTime: endTime)
        return value(tag: HParamsPluginData.sessionEndTag, data: HParamsPluginData(content: .sessionEndInfo(end)))
    }
}
