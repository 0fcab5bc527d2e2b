/// Builds audio summaries in TensorFlow 2's form, which TensorBoard's `audio` plugin reads.
///
/// The value is a `DT_STRING` tensor of shape `[k, 2]`, one row `[WAV file, label]` per clip,
/// as `tf.summary.audio` writes it (EventFileFormat.md §7.5). The metadata names the `audio`
/// plugin with `AudioPluginData { encoding: WAV }`: without that encoding TensorBoard serves the
/// clips as `application/octet-stream` instead of `audio/wav`, and browsers will not play them.
///
/// Each row is a complete WAV file with its own header, so the clips of one value may differ in
/// length, channel count and sample rate; `tf.summary.audio` only cannot express that, because
/// its input is one `[k, t, c]` array. TensorBoard never shows the labels (§7.11); they are kept
/// for other readers, as TensorFlow 1's `audio_pb` kept them.
enum AudioSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "audio"

    /// The plugin content every audio value carries: version 0, encoding WAV, which is the two
    /// bytes `10 0b` on the wire, as TensorFlow writes them.
    static let content = PluginContentCodec.encode(PluginContent.Audio(encoding: .wav))

    /// The summary value for a batch of clips and their labels.
    ///
    /// - Parameter labels: One label per clip, or none at all (every label empty, as TensorFlow 2
    ///   writes them).
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when `clips` is empty or when
    ///   there are labels but not one per clip.
    static func value(tag: String, clips: [AudioData], labels: [String]) throws(SummaryWriterError) -> Summary.Value {
        guard !clips.isEmpty else {
            throw .invalidInput("audio summary '\(tag)' needs at least one clip, but none were given")
        }
        guard labels.isEmpty || labels.count == clips.count else {
            throw .invalidInput(
                "audio summary '\(tag)' has \(clips.count) clips but \(labels.count) labels; give one label "
                    + "per clip, or none")
        }
        var strings: [[UInt8]] = []
        strings.reserveCapacity(2 * clips.count)
        for (index, clip) in clips.enumerated() {
            strings.append(clip.wav)
            strings.append(labels.isEmpty ? [] : Array(labels[index].utf8))
        }
        let tensor = TensorProto(
            dtype: .string, shape: TensorShapeProto([Int64(clips.count), 2]), stringValues: strings)
        return Summary.Value(
            tag: tag, metadata: SummaryMetadata(pluginName: pluginName, content: content), content: .tensor(tensor))
    }
}
