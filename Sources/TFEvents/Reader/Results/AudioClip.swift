/// One encoded audio clip, with the format its WAV header gives.
public struct AudioClip: Sendable, Hashable {
    /// The encoded clip: a WAV file for every common writer.
    public var encoded: [UInt8]
    /// Samples per second, from the WAV header; `nil` when the clip is not WAV.
    public var sampleRate: Int?
    /// The number of channels, from the WAV header; `nil` when the clip is not WAV.
    public var channelCount: Int?
    /// The number of frames (samples per channel), from the WAV header; `nil` when the clip is
    /// not WAV.
    public var frameCount: Int?

    /// A clip, its format read from its header (only the header is read).
    init(_ encoded: [UInt8]) {
        self.encoded = encoded
        let header = WAVHeader(encoded)
        sampleRate = header?.sampleRate
        channelCount = header?.channelCount
        frameCount = header?.frameCount
    }
}
