extension SummaryWriter {
    /// Records one audio clip at a step, played in TensorBoard's AUDIO tab.
    ///
    /// The clip is written as a 16-bit PCM WAV file in TensorFlow 2's form (what
    /// `tf.summary.audio` writes), which both TensorBoard loaders serve as `audio/wav`.
    ///
    /// ```swift
    /// let clip = try AudioData(samples: waveform, sampleRate: 16_000)
    /// try writer.addAudio("eval/speech", clip, step: 100)
    /// ```
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - clip: The clip.
    ///   - label: A label stored with the clip; TensorBoard does not show it.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range or a tag holding NUL (nothing is written then), when the writer is closed, or when
    ///   an earlier flush failed. Clips that cannot be recorded are refused by ``AudioData``.
    @inlinable
    public func addAudio(
        _ tag: String, _ clip: AudioData, label: String = "", step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordAudio(tag, [clip], labels: [label], step: Self.eventStep(step), wallTime: wallTime)
    }

    /// Records a batch of audio clips at one step, shown as samples of one tag (TensorBoard's
    /// slider).
    ///
    /// Each clip is a WAV file of its own, so the clips of a batch may differ in length, channel
    /// count and sample rate.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - clips: The clips, at least one.
    ///   - labels: One label per clip, or none (the default); TensorBoard does not show them.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range, an empty batch, labels that are not one per clip, or a tag holding NUL (nothing is
    ///   written then), when the writer is closed, or when an earlier flush failed.
    @inlinable
    public func addAudio(
        _ tag: String, _ clips: [AudioData], labels: [String] = [], step: some BinaryInteger,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordAudio(tag, clips, labels: labels, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The one audio path under the generic entry points.
    @usableFromInline
    func recordAudio(_ tag: String, _ clips: [AudioData], labels: [String], step: Int64, wallTime: Double?)
        throws(SummaryWriterError)
    {
        let value = try AudioSummary.value(tag: tag, clips: clips, labels: labels)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
