// tfevents-bench media [--iterations N] [--dump DIR]
//
// Audio: 10 s of 16 kHz mono Float samples (a tone with noise). Times `AudioData(samples:)` (the
// conversion to 16-bit PCM) and `addAudio` (the WAV file, the event and its record, buffered)
// into a SummaryWriter in a temporary directory, and prints one JSON line:
// {"benchmark": "audio", "seconds", "sample_rate", "wav_bytes", "convert_median_ms", "add_median_ms",
//  "total_median_ms", "min_ms", "max_ms"}.
//
// Video: 16 frames of 64 × 64 RGB (a moving gradient with a square). Times
// `PNGEncoder.encodeAnimation` and `addVideo` (the frames as ImageData, encoded and recorded), and
// prints {"benchmark": "video", "frames", "width", "height", "apng_bytes", "still_png_bytes" (the 16
// frames as separate PNGs, summed), "raw_bytes", "encode_median_ms", "add_median_ms", "min_ms",
// "max_ms"}. With --dump DIR it writes the APNG as DIR/video.png and the frames as DIR/video.raw.
import Foundation
import TFEvents

func mediaBenchmark(_ arguments: [String]) throws {
    let iterations = option("iterations", in: arguments, default: 50)
    let dumpDirectory = arguments.firstIndex(of: "--dump").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    let logdir = scratchDirectory("media")
    defer { try? FileManager.default.removeItem(atPath: logdir) }
    let writer = try SummaryWriter(logdir: logdir)

    // Audio.
    let sampleRate = 16_000
    var noise: UInt64 = 0x9E37_79B9_7F4A_7C15
    let samples: [Float] = (0..<(10 * sampleRate)).map { index in
        noise = noise &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let jitter = Float(Int64(bitPattern: noise) >> 40) / Float(1 << 23) * 0.05
        return Float(sin(2 * Double.pi * 440 * Double(index) / Double(sampleRate))) * 0.6 + jitter
    }
    var clip = try AudioData(samples: samples, sampleRate: sampleRate)
    for step in 0..<5 { try writer.addAudio("warmup/audio", clip, step: step) }
    var convert = Measurements()
    var add = Measurements()
    var total = Measurements()
    for step in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        clip = try AudioData(samples: samples, sampleRate: sampleRate)
        let converted = DispatchTime.now().uptimeNanoseconds
        try writer.addAudio("audio", clip, step: step)
        let end = DispatchTime.now().uptimeNanoseconds
        convert.seconds.append(Double(converted - start) / 1e9)
        add.seconds.append(Double(end - converted) / 1e9)
        total.seconds.append(Double(end - start) / 1e9)
        try writer.flush()  // outside the timed part: each call starts with an empty buffer
    }
    report([
        "benchmark": "audio", "seconds": 10, "sample_rate": sampleRate, "wav_bytes": 44 + 2 * samples.count,
        "convert_median_ms": convert.median * 1e3, "add_median_ms": add.median * 1e3,
        "total_median_ms": total.median * 1e3, "min_ms": total.min * 1e3, "max_ms": total.max * 1e3,
    ])

    // Video.
    let (width, height, channels, frameCount) = (64, 64, 3, 16)
    let frames: [[UInt8]] = (0..<frameCount).map { index in
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        for y in 0..<height {
            for x in 0..<width {
                let inSquare = abs(x - (index * 4) % width) < 8 && abs(y - height / 2) < 8
                for c in 0..<channels {
                    let gradient = (x * 4 + y * 2 + c * 80 + index * 3) % 256
                    pixels[(y * width + x) * channels + c] = inSquare ? 255 : UInt8(gradient)
                }
            }
        }
        return pixels
    }
    let encoder = PNGEncoder()
    var apng = try encoder.encodeAnimation(
        frames: frames, width: width, height: height, channels: channels, framesPerSecond: 8)
    let encode = try Measurements.measure(repetitions: iterations) {
        apng = try encoder.encodeAnimation(
            frames: frames, width: width, height: height, channels: channels, framesPerSecond: 8)
    }
    var addVideo = Measurements()
    for step in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        let images = try frames.map { try ImageData(pixels: $0, width: width, height: height, channels: channels) }
        try writer.addVideo("video", frames: images, framesPerSecond: 8, step: step)
        addVideo.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        try writer.flush()
    }
    let stillBytes = try frames.reduce(0) {
        $0 + (try encoder.encode(pixels: $1, width: width, height: height, channels: channels)).count
    }
    report([
        "benchmark": "video", "frames": frameCount, "width": width, "height": height, "apng_bytes": apng.count,
        "still_png_bytes": stillBytes, "raw_bytes": frameCount * width * height * channels,
        "encode_median_ms": encode.median * 1e3, "add_median_ms": addVideo.median * 1e3,
        "min_ms": encode.min * 1e3, "max_ms": encode.max * 1e3,
    ])
    if let dumpDirectory {
        try FileManager.default.createDirectory(atPath: dumpDirectory, withIntermediateDirectories: true)
        try Data(apng).write(to: URL(fileURLWithPath: dumpDirectory + "/video.png"))
        try Data(frames.flatMap { $0 }).write(to: URL(fileURLWithPath: dumpDirectory + "/video.raw"))
    }
    try writer.close()
}
