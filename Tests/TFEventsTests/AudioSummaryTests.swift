import Foundation
import Testing
import TestSupport

@testable import TFEvents

@Suite struct AudioSummaryTests {
    static let tone = (0..<400).map { Float(sin(Double($0) * 0.3) * 0.8) }

    @Test func writesOneRowOfFileAndLabelPerClip() throws {
        let mono = try AudioData(samples: Self.tone, sampleRate: 8000)
        let stereo = try AudioData(channels: [Self.tone, Self.tone.map { -$0 }], sampleRate: 16_000)
        let value = try AudioSummary.value(tag: "eval/speech", clips: [mono, stereo], labels: ["first", "*second*"])

        #expect(value.tag == "eval/speech")
        #expect(value.metadata == SummaryMetadata(pluginName: "audio", content: [0x10, 0x0B]))
        #expect(value.metadata?.dataClass == .unknown)
        #expect(PluginContentCodec.decodeAudio([0x10, 0x0B]) == PluginContent.Audio(encoding: .wav))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dtype == .string)
        #expect(tensor.dimensions == [2, 2])
        #expect(tensor.stringValues == [mono.wav, Array("first".utf8), stereo.wav, Array("*second*".utf8)])
        #expect(tensor.tensorContent.isEmpty)
    }

    @Test func labelsDefaultToEmpty() throws {
        let clip = try AudioData(samples: Self.tone, sampleRate: 8000)
        let value = try AudioSummary.value(tag: "a", clips: [clip, clip, clip], labels: [])
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dimensions == [3, 2])
        #expect(tensor.stringValues == [clip.wav, [], clip.wav, [], clip.wav, []])
    }

    @Test func refusesAnEmptyBatchAndLabelsThatDoNotPair() throws {
        let clip = try AudioData(samples: Self.tone, sampleRate: 8000)
        #expect(
            throws: SummaryWriterError.invalidInput("audio summary 'a' needs at least one clip, but none were given")
        ) {
            try AudioSummary.value(tag: "a", clips: [], labels: [])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "audio summary 'a' has 2 clips but 1 labels; give one label per clip, or none")
        ) {
            try AudioSummary.value(tag: "a", clips: [clip, clip], labels: ["x"])
        }
    }

    @Test func theWriterRecordsClipsThatTheReaderGivesBack() throws {
        let logdir = try makeTemporaryDirectory("audio")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let short = try AudioData(samples: Self.tone.prefix(100), sampleRate: 8000)
        let long = try AudioData(samples: Self.tone, channelCount: 2, sampleRate: 44_100)
        let writer = try SummaryWriter(logdir: logdir)
        try writer.addAudio("speech", short, label: "hello", step: 1, wallTime: 10)
        try writer.addAudio("speech", [short, long], labels: ["a", "b"], step: UInt8(2), wallTime: 11)
        // Refused calls write nothing.
        #expect(throws: SummaryWriterError.self) { try writer.addAudio("speech", [AudioData](), step: 3) }
        #expect(throws: SummaryWriterError.self) { try writer.addAudio("speech", [short], labels: ["a", "b"], step: 3) }
        #expect(throws: SummaryWriterError.self) { try writer.addAudio("bad\0tag", short, step: 3) }
        try writer.close()

        let run = try #require(try SummaryReader(logdir: logdir).contents().runs.first)
        let series = try #require(run.series(tag: "speech"))
        #expect(series.series.kind == .audio)
        #expect(series.points.map(\.step) == [1, 2])
        #expect(series.points.map(\.wallTime) == [10, 11])
        #expect(
            series.points.map(\.value) == [
                .audio([AudioClip(short.wav)]), .audio([AudioClip(short.wav), AudioClip(long.wav)]),
            ])
        // The reader takes each clip's format from its WAV header.
        guard case .audio(let clips) = series.points.last?.value else { return }
        #expect(clips.map(\.sampleRate) == [8000, 44_100])
        #expect(clips.map(\.channelCount) == [1, 2])
        #expect(clips.map(\.frameCount) == [100, long.frameCount])
    }
}
