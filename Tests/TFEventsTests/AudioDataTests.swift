import Testing
import TestSupport

@testable import TFEvents

@Suite struct AudioDataTests {
    /// A WAV file's header fields, read back independently of ``WAVEncoder``.
    struct WAVHeader: Equatable {
        var riffSize: UInt32
        var formatSize: UInt32
        var format: UInt16
        var channels: UInt16
        var sampleRate: UInt32
        var byteRate: UInt32
        var blockAlign: UInt16
        var bitsPerSample: UInt16
        var dataSize: UInt32
        var samples: [Int16]

        init(_ wav: [UInt8]) throws {
            func u32(_ at: Int) -> UInt32 { wav[at..<at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
            func u16(_ at: Int) -> UInt16 { UInt16(wav[at]) | UInt16(wav[at + 1]) << 8 }
            func tag(_ at: Int) -> String { String(decoding: wav[at..<at + 4], as: UTF8.self) }
            guard wav.count >= 44, tag(0) == "RIFF", tag(8) == "WAVE", tag(12) == "fmt ", tag(36) == "data" else {
                throw PNGTestDecoder.Failure(description: "not a canonical WAV file")
            }
            (riffSize, formatSize, format, channels) = (u32(4), u32(16), u16(20), u16(22))
            (sampleRate, byteRate, blockAlign, bitsPerSample, dataSize) = (u32(24), u32(28), u16(32), u16(34), u32(40))
            samples = stride(from: 44, to: wav.count - 1, by: 2).map { Int16(bitPattern: u16($0)) }
        }
    }

    @Test func convertsSamplesAsTensorFlowDoes() throws {
        let samples: [Float] = [
            -1, 1, 0, -0.0, 0.5 / 32768, -0.5 / 32768, 1.5 / 32768, 2.5 / 32768, -2.5 / 32768, 32766.5 / 32768,
            1.5, -1.5, .infinity, -.infinity, 0.1, .leastNonzeroMagnitude,
        ]
        let clip = try AudioData(samples: samples, sampleRate: 16_000)
        #expect(clip.pcm == [-32768, 32767, 0, 0, 1, -1, 2, 3, -3, 32767, 32767, -32768, 32767, -32768, 3277, 0])
        #expect(clip.frameCount == 16)
        #expect(clip.channelCount == 1)
        #expect(clip.duration == 0.001)

        // Doubles are scaled and rounded in Double: ties go away from zero, the rest to the nearest.
        let doubles: [Double] = [
            0.5 / 32768, -2.5 / 32768, -32767.5 / 32768, 32767.49 / 32768, 0.49999999999 / 32768, -0.5000001 / 32768,
        ]
        #expect(try AudioData(samples: doubles, sampleRate: 1).pcm == [1, -3, -32768, 32767, 0, -1])
    }

    @Test func writesACanonicalWAVFile() throws {
        let samples: [Double] = [0.5, -0.5, 0.25, -0.25, 1, -1]
        let clip = try AudioData(samples: samples, channelCount: 2, sampleRate: 44_100)
        let header = try WAVHeader(clip.wav)
        #expect(clip.wav.count == 44 + 12)
        #expect(header.riffSize == 36 + 12)
        #expect(header.formatSize == 16)
        #expect(header.format == 1)
        #expect(header.channels == 2)
        #expect(header.sampleRate == 44_100)
        #expect(header.byteRate == 44_100 * 4)
        #expect(header.blockAlign == 4)
        #expect(header.bitsPerSample == 16)
        #expect(header.dataSize == 12)
        #expect(header.samples == [16384, -16384, 8192, -8192, 32767, -32768])
        #expect(clip.frameCount == 3)
    }

    @Test func oneArrayPerChannelIsInterleavedIntoFrames() throws {
        let left: [Float] = [0.1, 0.2, 0.3, 0.4]
        let right: [Float] = [-0.1, -0.2, -0.3, -0.4]
        let center: [Float] = [1, 1, 1, 1]
        let planar = try AudioData(channels: [left, right, center], sampleRate: 8000)
        let interleaved = try AudioData(
            samples: zip(zip(left, right), center).flatMap { [$0.0, $0.1, $1] }, channelCount: 3, sampleRate: 8000)
        #expect(planar == interleaved)
        #expect(planar.channelCount == 3)
        #expect(planar.frameCount == 4)
        #expect(try AudioData(channels: [left], sampleRate: 8000) == AudioData(samples: left, sampleRate: 8000))
    }

    @Test func anyFloatingPointCollectionGivesTheSameClip() throws {
        let floats: [Float] = (0..<100).map { Float($0) / 50 - 1 }
        let expected = try AudioData(samples: floats, sampleRate: 100)
        #expect(try AudioData(samples: floats.map(Double.init), sampleRate: 100) == expected)
        #expect(try AudioData(samples: floats.map(Float16.init), sampleRate: 100).pcm.count == 100)
        #expect(try AudioData(samples: ContiguousArray(floats), sampleRate: 100) == expected)
        #expect(try AudioData(samples: floats[...], sampleRate: 100) == expected)
        #expect(try AudioData(samples: floats.lazy.map { $0 }, sampleRate: 100) == expected)  // not contiguous
        #expect(try AudioData(channels: [floats.lazy.map { Double($0) }], sampleRate: 100) == expected)
        #expect(try AudioData(samples: [0.25, -1, 1] as [Float16], sampleRate: 1).pcm == [8192, -32768, 32767])
        // Literals are Doubles.
        #expect(try AudioData(samples: [0.25, -1], sampleRate: 1).pcm == [8192, -32768])
        #expect(try AudioData(channels: [[0.25], [-1]], sampleRate: 1).pcm == [8192, -32768])
    }

    @Test func refusesNaNWherever() {
        #expect(throws: SummaryWriterError.invalidInput("audio sample 2 is NaN; samples must be numbers in [-1, 1]")) {
            try AudioData(samples: [0, 0.5, .nan, .nan] as [Float], sampleRate: 8000)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "audio frame 1, channel 1, is NaN; samples must be numbers in [-1, 1]")
        ) {
            try AudioData(samples: [0, 0, 0, .nan] as [Double], channelCount: 2, sampleRate: 8000)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "audio frame 0, channel 1, is NaN; samples must be numbers in [-1, 1]")
        ) {
            try AudioData(channels: [[0, 0], [.nan, 0]] as [[Float]], sampleRate: 8000)
        }
        #expect(throws: SummaryWriterError.invalidInput("audio sample 1 is NaN; samples must be numbers in [-1, 1]")) {
            try AudioData(samples: [0, .nan] as [Float16], sampleRate: 8000)
        }
    }

    @Test func refusesShapesAndRatesAWAVFileCannotHold() {
        let message = { (text: String) in SummaryWriterError.invalidInput(text) }
        #expect(throws: message("an audio clip needs at least one frame, but no samples were given")) {
            try AudioData(samples: [Float](), sampleRate: 8000)
        }
        #expect(throws: message("an audio clip needs at least one frame, but no samples were given")) {
            try AudioData(channels: [[Float](), []], sampleRate: 8000)
        }
        #expect(throws: message("an audio clip must have from 1 to 32767 channels, but it has 0")) {
            try AudioData(channels: [[Float]](), sampleRate: 8000)
        }
        #expect(throws: message("an audio clip must have from 1 to 32767 channels, but it has 32768")) {
            try AudioData(samples: [Float](repeating: 0, count: 32768), channelCount: 32768, sampleRate: 1)
        }
        #expect(throws: message("an audio clip's sample rate must be at least 1 Hz, but it is 0")) {
            try AudioData(samples: [0] as [Float], sampleRate: 0)
        }
        #expect(throws: message("an audio clip's sample rate must be at least 1 Hz, but it is -44100")) {
            try AudioData(samples: [0] as [Float], sampleRate: -44_100)
        }
        #expect(
            throws: message(
                "an audio clip of 2 channels at 1073741824 Hz has a byte rate beyond a WAV file's limit of "
                    + "4294967295 bytes per second")
        ) {
            try AudioData(samples: [0, 0] as [Float], channelCount: 2, sampleRate: 1 << 30)
        }
        #expect(throws: SummaryWriterError.self) {
            try AudioData(samples: [0] as [Float], sampleRate: Int.max)
        }
        #expect(
            throws: message(
                "5 samples do not make whole frames of 2 channels; interleaved samples must hold the same number "
                    + "for every channel")
        ) {
            try AudioData(samples: [Float](repeating: 0, count: 5), channelCount: 2, sampleRate: 8000)
        }
        #expect(
            throws: message(
                "the channels of an audio clip must be equally long, but channel 0 has 3 samples and channel 2 has 2")
        ) {
            try AudioData(channels: [[0, 0, 0], [0, 0, 0], [0, 0]] as [[Float]], sampleRate: 8000)
        }
        // The largest rate that fits: 2 bytes × 1 channel × rate ≤ 2^32 - 1.
        #expect(throws: Never.self) { try AudioData(samples: [0] as [Float], sampleRate: Int(UInt32.max) / 2) }
    }
}
