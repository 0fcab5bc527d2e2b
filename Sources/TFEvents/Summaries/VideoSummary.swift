/// Builds video summaries: the frames as one animated PNG, stored exactly like an image summary
/// so that TensorBoard's IMAGES tab plays it (EventFileFormat.md §7.11).
///
/// The value is the `[width, height, APNG]` string tensor of ``ImageSummary`` with the `images`
/// plugin. TensorBoard serves the file as it is, as `image/png`, and the browser animates it.
/// tensorboardX's `add_video` writes an animated GIF the same way; an APNG keeps every frame's
/// exact pixels and alpha, where GIF has 256 colors.
enum VideoSummary {
    /// The summary value for `frames` shown at `framesPerSecond`, encoded with `encoder`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there are no frames, when a
    ///   frame is an encoded file rather than pixels, when the frames differ in size or channel
    ///   count, or when the frame rate is out of range.
    static func value(
        tag: String, frames: [ImageData], framesPerSecond: Double, encoder: PNGEncoder
    ) throws(SummaryWriterError) -> Summary.Value {
        guard let first = frames.first else {
            throw .invalidInput("video '\(tag)' needs at least one frame, but none were given")
        }
        var pixels: [[UInt8]] = []
        pixels.reserveCapacity(frames.count)
        for (index, frame) in frames.enumerated() {
            guard case .pixels(let bytes) = frame.storage else {
                throw .invalidInput(
                    "the frames of video '\(tag)' must be pixels, but frame \(index) is an encoded image file")
            }
            guard frame.width == first.width, frame.height == first.height, frame.channels == first.channels else {
                throw .invalidInput(
                    "the frames of a video must share one size and channel count, but in '\(tag)' frame 0 is "
                        + "\(first.width) × \(first.height) × \(first.channels) and frame \(index) is "
                        + "\(frame.width) × \(frame.height) × \(frame.channels) (width × height × channels)")
            }
            pixels.append(bytes)
        }
        let apng = try encoder.encodeAnimation(
            frames: pixels, width: first.width, height: first.height, channels: first.channels,
            framesPerSecond: framesPerSecond)
        return ImageSummary.value(tag: tag, width: first.width, height: first.height, files: [apng])
    }
}
