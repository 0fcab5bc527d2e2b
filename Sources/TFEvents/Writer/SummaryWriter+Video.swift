extension SummaryWriter {
    /// Records a video, a sequence of frames, as an animated PNG that TensorBoard's IMAGES tab
    /// plays in a loop.
    ///
    /// The frames are encoded as one APNG (at ``Options/imageCompressionLevel``) before the call
    /// returns, each frame whole, shown for `1 / framesPerSecond` seconds; the file's still
    /// image, which viewers without animation show, is the first frame. The value is stored
    /// exactly like an image, so both TensorBoard loaders serve it unchanged.
    ///
    /// ```swift
    /// let frames = try states.map { try ImageData(pixels: $0, width: 64, height: 64, channels: 3) }
    /// try writer.addVideo("rollout", frames: frames, framesPerSecond: 8, step: episode)
    /// ```
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - frames: The frames in order, at least one, all pixels (in any ``ImageLayout`` or
    ///     element type ``ImageData`` takes) of one size and channel count.
    ///   - framesPerSecond: The frame rate, from 1/65535 to 65535; rates such as 24, 25, 30 and
    ///     29.97 are kept exactly.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range, no frames, a frame that is an encoded file or differs from the first in size or
    ///   channel count, a frame rate out of range, or a tag holding NUL (nothing is written
    ///   then), when the writer is closed, or when an earlier flush failed.
    @inlinable
    public func addVideo(
        _ tag: String, frames: [ImageData], framesPerSecond: Double, step: some BinaryInteger,
        wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordVideo(tag, frames, framesPerSecond: framesPerSecond, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The one video path under the generic entry point.
    @usableFromInline
    func recordVideo(_ tag: String, _ frames: [ImageData], framesPerSecond: Double, step: Int64, wallTime: Double?)
        throws(SummaryWriterError)
    {
        let encoder = PNGEncoder(compressionLevel: options.imageCompressionLevel)
        let value = try VideoSummary.value(tag: tag, frames: frames, framesPerSecond: framesPerSecond, encoder: encoder)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
