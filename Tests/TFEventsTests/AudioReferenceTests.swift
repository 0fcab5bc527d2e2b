import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Our WAV files and audio summaries against TensorFlow's, on the inputs of
/// `Fixtures/audio/reference.json` (made by `Scripts/audio_reference.py` with TensorFlow 2.21.0's
/// `tf.audio.encode_wav` and `tf.summary.audio`, and Python's `wave` module). Every byte must be
/// the same.
@Suite struct AudioReferenceTests {
    struct Reference: Decodable {
        var clips: [Clip]
        var summaries: [Batch]
    }

    struct Clip: Decodable {
        var name: String
        var sample_rate: Int
        var channels: Int
        var samples: [String]
        var tensorflow_wav: String
        var wave_wav: String
    }

    struct Batch: Decodable {
        var name: String
        var tag: String
        var sample_rate: Int
        var clips: Int
        var channels: Int
        var samples: [String]
        var event: String
    }

    static let reference: Reference = {
        let path = URL(fileURLWithPath: Fixtures.packageRoot + "/Fixtures/audio/reference.json")
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: path))
        } catch {
            fatalError("cannot read \(path.path): \(error)")
        }
    }()

    static func floats(_ texts: [String]) -> [Float] {
        texts.map { text in
            switch text {
            case "inf": return .infinity
            case "-inf": return -.infinity
            default:
                guard let value = Double(text) else { fatalError("not a number: \(text)") }
                return Float(value)  // exact: every value was a float32
            }
        }
    }

    @Test(arguments: reference.clips.map(\.name))
    func wavFilesMatchTensorFlowAndPythonsWaveModule(name: String) throws {
        let clip = try #require(Self.reference.clips.first { $0.name == name })
        let audio = try AudioData(
            samples: Self.floats(clip.samples), channelCount: clip.channels, sampleRate: clip.sample_rate)
        #expect(audio.wav == hex(clip.tensorflow_wav))
        #expect(audio.wav == hex(clip.wave_wav))
    }

    @Test func oneArrayPerChannelGivesTheSameFiles() throws {
        for clip in Self.reference.clips where clip.channels > 1 {
            let samples = Self.floats(clip.samples)
            let channels = (0..<clip.channels).map { channel in
                stride(from: channel, to: samples.count, by: clip.channels).map { samples[$0] }
            }
            let audio = try AudioData(channels: channels, sampleRate: clip.sample_rate)
            #expect(audio.wav == hex(clip.tensorflow_wav), "\(clip.name)")
        }
    }

    @Test(arguments: reference.summaries.map(\.name))
    func summariesMatchTensorFlowByteForByte(name: String) throws {
        let batch = try #require(Self.reference.summaries.first { $0.name == name })
        let samples = Self.floats(batch.samples)
        let perClip = samples.count / batch.clips
        let clips = try (0..<batch.clips).map { index in
            try AudioData(
                samples: samples[index * perClip..<(index + 1) * perClip], channelCount: batch.channels,
                sampleRate: batch.sample_rate)
        }
        let value = try AudioSummary.value(tag: batch.tag, clips: clips, labels: [])
        let event = Event(what: .summary(Summary(values: [value])))
        #expect(ProtobufEncoder.encode(event) == hex(batch.event))
    }
}
