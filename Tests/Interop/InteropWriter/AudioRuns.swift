import Foundation
import TFEvents

/// Audio runs: mono and several channels, interleaved and one array per channel, Float and
/// Double samples beyond [-1, 1], a batch of clips of different lengths, channel counts and
/// rates with labels; and, in a run of its own, the legacy `Summary.Audio` form, which the two
/// loaders serve differently.
///
/// For each clip the samples are saved as given (float64, interleaved frames) so that the checker
/// can make the expected WAV file itself, with numpy and Python's `wave` module, and compare it
/// with what TensorBoard serves.
func writeAudioRuns(logdir: String, blobs: String, manifest: inout Manifest) throws {
    try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
    let run = "audio"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)
    let wall = 1_700_000_300.0
    var blobIndex = 0

    /// Saves the samples of one clip and returns its manifest entry.
    func expected(_ interleaved: [Double], channels: Int, sampleRate: Int, label: String) throws -> JSON {
        blobIndex += 1
        let name = "audio\(blobIndex)"
        var bytes = [UInt8]()
        for sample in interleaved {
            withUnsafeBytes(of: sample.bitPattern.littleEndian) { bytes += $0 }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: "\(blobs)/\(name).f64"))
        return .object([
            ("blob", .string(name)), ("channels", .int(Int64(channels))), ("sample_rate", .int(Int64(sampleRate))),
            ("frames", .int(Int64(interleaved.count / channels))), ("label", .string(label)),
        ])
    }

    func record(_ tag: String, step: Int64, _ clips: [JSON]) {
        manifest.append(
            run: run, section: "audio", tag: tag,
            .object([("step", .int(step)), ("wall_time", .number(wall + Double(step))), ("clips", .array(clips))]))
    }

    // Mono Float tones at two steps, 16 kHz.
    for step in Int64(0)..<2 {
        let tone = (0..<4000).map { Float(sin(Double($0) * 0.05 * Double(step + 1)) * 0.7) }
        try writer.addAudio(
            "mono/tone", AudioData(samples: tone, sampleRate: 16_000), step: step, wallTime: wall + Double(step))
        record("mono/tone", step: step, [try expected(tone.map(Double.init), channels: 1, sampleRate: 16_000, label: "")])
    }

    // Stereo from one array per channel, Doubles beyond [-1, 1] and infinities, with a label.
    do {
        let left = (0..<1000).map { Double($0) / 400 - 1.25 }
        var right = left.map { -$0 * 0.9 }
        right[10] = .infinity
        right[11] = -.infinity
        let clip = try AudioData(channels: [left, right], sampleRate: 44_100)
        try writer.addAudio("stereo/planar", clip, label: "left ramp, right mirrored", step: 2, wallTime: wall + 2)
        let interleaved = zip(left, right).flatMap { [$0, $1] }
        record(
            "stereo/planar", step: 2,
            [try expected(interleaved, channels: 2, sampleRate: 44_100, label: "left ramp, right mirrored")])
    }

    // Six interleaved channels at 48 kHz.
    do {
        let frames = 480
        let samples = (0..<(frames * 6)).map { index -> Float in
            let (frame, channel) = index.quotientAndRemainder(dividingBy: 6)
            return Float(sin(Double(channel + 1) * Double(frame) * 0.01))
        }
        try writer.addAudio(
            "six/channels", AudioData(samples: samples, channelCount: 6, sampleRate: 48_000), step: 3,
            wallTime: wall + 3)
        record("six/channels", step: 3, [try expected(samples.map(Double.init), channels: 6, sampleRate: 48_000, label: "")])
    }

    // A batch of three clips that differ in length, channel count and rate, labelled, at two steps
    // (every step with the same number of clips: see EventFileFormat.md §7.5).
    for step in Int64(4)..<6 {
        var clips: [AudioData] = []
        var entries: [JSON] = []
        let shapes: [(frames: Int, channels: Int, rate: Int)] = [(800, 1, 8000), (1600, 2, 16_000), (100, 1, 22_050)]
        for (index, shape) in shapes.enumerated() {
            let samples = (0..<(shape.frames * shape.channels)).map { position -> Float in
                let phase = Double(position) * 0.02 * Double(index + 1) + Double(step)
                return Float(sin(phase) * 0.5)
            }
            let label = "clip \(index) at step \(step)"
            clips.append(try AudioData(samples: samples, channelCount: shape.channels, sampleRate: shape.rate))
            entries.append(
                try expected(samples.map(Double.init), channels: shape.channels, sampleRate: shape.rate, label: label))
        }
        try writer.addAudio(
            "batch/mixed", clips, labels: (0..<3).map { "clip \($0) at step \(step)" }, step: step,
            wallTime: wall + Double(step))
        record("batch/mixed", step: step, entries)
    }

    // Fewer clips at a later step: TensorBoard 2.21's audio route fails (HTTP 500) for the sample
    // index that equals the smaller count, in both loaders (`len(values) < sample` in
    // audio_plugin.py, where the images plugin has `<=`); sample 0 works.
    for (step, count) in [(Int64(6), 2), (7, 1)] {
        let clips = try (0..<count).map { index in
            try AudioData(samples: (0..<200).map { Float(index + 1) * Float($0 % 20) / 40 }, sampleRate: 8000)
        }
        try writer.addAudio("batch/uneven", clips, step: step, wallTime: wall + Double(step))
        record(
            "batch/uneven", step: step,
            try (0..<count).map { index in
                try expected(
                    (0..<200).map { Double(Float(index + 1) * Float($0 % 20) / 40) }, channels: 1, sampleRate: 8000,
                    label: "")
            })
    }

    try writer.close()
    manifest.addFile(run: run, path: writer.path)

    try writeLegacyAudioRun(logdir: logdir, blobs: blobs, manifest: &manifest)
}

/// A run holding one legacy `Summary.Audio` value (TensorFlow 1's form, which tensorboardX still
/// writes): the loaders serve its bytes unchanged, the Python loader as `audio/wav`, the Rust
/// loader as `application/octet-stream`, because only the Python loader's conversion to a tensor
/// records the WAV encoding (EventFileFormat.md §7.5).
private func writeLegacyAudioRun(logdir: String, blobs: String, manifest: inout Manifest) throws {
    let run = "audio_legacy"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)
    let wall = 1_700_000_400.0
    // A small valid WAV file made by hand: 16-bit mono at 8 kHz, four samples.
    var wav = Array("RIFF".utf8) + le32(36 + 8) + Array("WAVEfmt ".utf8) + le32(16)
    wav += le16(1) + le16(1) + le32(8000) + le32(16_000) + le16(2) + le16(16) + Array("data".utf8) + le32(8)
    wav += [0x00, 0x00, 0xFF, 0x3F, 0x00, 0xC0, 0xFF, 0x7F]
    try Data(wav).write(to: URL(fileURLWithPath: "\(blobs)/legacy_audio.wav"))
    let value = Summary.Value(
        tag: "legacy/clip",
        content: .audio(
            Summary.Audio(sampleRate: 8000, channelCount: 1, frameCount: 4, encodedAudio: wav, contentType: "audio/wav")
        ))
    try writer.add(Event(wallTime: wall, step: 0, what: .summary(Summary(values: [value]))))
    try writer.close()
    manifest.addFile(run: run, path: writer.path)
    manifest.append(
        run: run, section: "legacy_audio", tag: "legacy/clip",
        .object([
            ("step", .int(0)), ("wall_time", .number(wall)), ("blob", .string("legacy_audio")),
            ("content_type", .object([("python", .string("audio/wav")), ("rust", .string("application/octet-stream"))])),
        ]))
}

private func le32(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }
private func le16(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt16(value).littleEndian, Array.init) }
