/// Writes 16-bit PCM samples as a WAV file, byte for byte as TensorFlow's `tf.audio.encode_wav`
/// and Python's `wave` module write them (EventFileFormat.md §7.5).
///
/// The file is a RIFF container with two chunks and no padding: a 44-byte header, then the
/// samples. Every number is little-endian.
///
/// | Offset | Bytes | Field |
/// |---|---|---|
/// | 0 | 4 | `RIFF` |
/// | 4 | 4 | the size of what follows: 36 + the data size |
/// | 8 | 4 | `WAVE` |
/// | 12 | 4 | `fmt ` |
/// | 16 | 4 | 16, the size of the format chunk |
/// | 20 | 2 | 1, PCM (also for more than two channels, as TensorFlow writes it) |
/// | 22 | 2 | the channel count |
/// | 24 | 4 | the sample rate |
/// | 28 | 4 | the byte rate: sample rate × channels × 2 |
/// | 32 | 2 | the frame size: channels × 2 |
/// | 34 | 2 | 16 bits per sample |
/// | 36 | 4 | `data` |
/// | 40 | 4 | the data size: samples × 2 |
/// | 44 | | the samples, interleaved, as signed 16-bit integers |
enum WAVEncoder {
    /// The size of the header before the samples.
    static let headerSize = 44

    /// The WAV file for `pcm`, interleaved samples whose format ``AudioData`` has checked
    /// against the header's field sizes.
    static func encode(pcm: [Int16], channelCount: Int, sampleRate: Int) -> [UInt8] {
        let dataSize = pcm.count * 2
        return [UInt8](unsafeUninitializedCapacity: headerSize + dataSize) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            func put(_ text: StaticString) {
                text.withUTF8Buffer { ascii in
                    UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + 4])
                        .copyMemory(from: UnsafeRawBufferPointer(ascii))
                }
                offset += 4
            }
            func put32(_ value: Int) {
                raw.storeBytes(of: UInt32(value).littleEndian, toByteOffset: offset, as: UInt32.self)
                offset += 4
            }
            func put16(_ value: Int) {
                raw.storeBytes(of: UInt16(value).littleEndian, toByteOffset: offset, as: UInt16.self)
                offset += 2
            }
            put("RIFF")
            put32(headerSize - 8 + dataSize)
            put("WAVE")
            put("fmt ")
            put32(16)
            put16(1)
            put16(channelCount)
            put32(sampleRate)
            put32(sampleRate * channelCount * 2)
            put16(channelCount * 2)
            put16(16)
            put("data")
            put32(dataSize)
            #if _endian(little)
            // The samples are already in file order: one copy.
            pcm.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: raw[offset...]).copyMemory(from: $0) }
            offset += dataSize
            #else
            for sample in pcm {
                raw.storeBytes(of: sample.littleEndian, toByteOffset: offset, as: Int16.self)
                offset += 2
            }
            #endif
            precondition(offset == headerSize + dataSize, "WAV size miscounted")
            count = offset
        }
    }
}
