/// The facts a RIFF/WAVE file's header gives: what TensorBoard's AUDIO dashboard plays and what
/// `tfevents summary` reports of a clip. Only the header is read, never the samples.
struct WAVHeader: Sendable, Hashable {
    /// Samples per second.
    var sampleRate: Int
    /// The number of channels.
    var channelCount: Int
    /// The number of frames (one sample per channel each), from the `data` chunk's size.
    var frameCount: Int

    /// The header of `bytes`, or `nil` when they are not a RIFF/WAVE file with a `fmt ` chunk
    /// before its `data` chunk. The declared sizes are not trusted beyond the bytes present: a
    /// `data` chunk that claims more than the file holds counts the frames the file holds.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WAVE".utf8)
        else { return nil }
        var position = 12
        var format: (channels: Int, rate: Int, blockAlign: Int)?
        while position + 8 <= bytes.count {
            let id = Array(bytes[position..<position + 4])
            let size = Int(Self.uint32(bytes, position + 4))
            let body = position + 8
            if id == Array("fmt ".utf8) {
                guard size >= 16, body + 16 <= bytes.count else { return nil }
                format = (
                    Int(Self.uint16(bytes, body + 2)), Int(Self.uint32(bytes, body + 4)),
                    Int(Self.uint16(bytes, body + 12))
                )
            } else if id == Array("data".utf8) {
                guard let format, format.channels > 0, format.blockAlign > 0 else { return nil }
                let present = min(size, bytes.count - body)
                self.init(sampleRate: format.rate, channelCount: format.channels, frameCount: present / format.blockAlign)
                return
            }
            // Chunks are padded to an even size.
            let (next, overflow) = body.addingReportingOverflow(size + (size & 1))
            guard !overflow, next > position else { return nil }
            position = next
        }
        return nil
    }

    init(sampleRate: Int, channelCount: Int, frameCount: Int) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.frameCount = frameCount
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
