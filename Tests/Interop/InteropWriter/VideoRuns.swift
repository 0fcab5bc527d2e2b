import Foundation
import TFEvents

/// Video runs: frames in every layout and element type, with 1 to 4 channels, at frame rates
/// whose delays are whole (8 fps), exact fractions (29.97 fps) or longer than a second (0.5 fps),
/// and a video of one frame. For each video the expected HWC frames are computed here
/// independently of the library and saved with the APNG that ``PNGEncoder`` makes from them, for
/// the checker to compare with what TensorBoard serves (byte for byte) and with what Pillow
/// decodes it to (frame count, delays and every frame's pixels).
func writeVideoRuns(logdir: String, blobs: String, manifest: inout Manifest) throws {
    try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
    let run = "video"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)
    let wall = 1_700_000_500.0
    var blobIndex = 0

    /// Saves the expected frames and APNG, and records the video in the manifest.
    func record(
        _ tag: String, step: Int64, _ frames: [[UInt8]], width: Int, height: Int, channels: Int,
        framesPerSecond: Double, delay: (numerator: Int, denominator: Int)
    ) throws {
        blobIndex += 1
        let name = "video\(blobIndex)"
        let apng = try PNGEncoder().encodeAnimation(
            frames: frames, width: width, height: height, channels: channels, framesPerSecond: framesPerSecond)
        try Data(apng).write(to: URL(fileURLWithPath: "\(blobs)/\(name).png"))
        try Data(frames.flatMap { $0 }).write(to: URL(fileURLWithPath: "\(blobs)/\(name).raw"))
        manifest.append(
            run: run, section: "videos", tag: tag,
            .object([
                ("step", .int(step)), ("wall_time", .number(wall + Double(step))), ("blob", .string(name)),
                ("width", .int(Int64(width))), ("height", .int(Int64(height))), ("channels", .int(Int64(channels))),
                ("frames", .int(Int64(frames.count))),
                ("delay", .array([.int(Int64(delay.numerator)), .int(Int64(delay.denominator))])),
                ("bytes", .int(Int64(apng.count))),
            ]))
    }

    /// A moving pattern: frame `index`, HWC bytes.
    func pattern(_ index: Int, width: Int, height: Int, channels: Int) -> [UInt8] {
        var hwc = [UInt8](repeating: 0, count: width * height * channels)
        for y in 0..<height {
            for x in 0..<width {
                let inSquare = abs(x - index * 2 % width) < 3 && abs(y - height / 2) < 3
                for c in 0..<channels {
                    let isAlpha = (channels == 2 && c == 1) || (channels == 4 && c == 3)
                    let value = isAlpha ? 255 - (x * 7) % 200 : (inSquare ? 250 : (x * 9 + y * 5 + c * 70 + index) % 200)
                    hwc[(y * width + x) * channels + c] = UInt8(value)
                }
            }
        }
        return hwc
    }

    // RGB bytes, HWC, 16 frames of 16 × 12 at 8 fps (125 ms), at two steps.
    for step in Int64(0)..<2 {
        let (width, height) = (16, 12)
        let frames = (0..<16).map { pattern($0 + Int(step), width: width, height: height, channels: 3) }
        try writer.addVideo(
            "rgb/hwc", frames: frames.map { try ImageData(pixels: $0, width: width, height: height, channels: 3) },
            framesPerSecond: 8, step: step, wallTime: wall + Double(step))
        try record(
            "rgb/hwc", step: step, frames, width: width, height: height, channels: 3, framesPerSecond: 8,
            delay: (1, 8))
    }

    // Gray Doubles, HW, at 29.97 fps (100/2997 s).
    do {
        let (width, height) = (10, 7)
        let gray = (0..<5).map { index in (0..<(width * height)).map { Double(($0 + index * 3) % 70) / 69 } }
        try writer.addVideo(
            "gray/hw_double", frames: gray.map { try ImageData(pixels: $0, width: width, height: height, layout: .hw) },
            framesPerSecond: 29.97, step: 2, wallTime: wall + 2)
        let expected = gray.map { frame in frame.map { UInt8(($0 * 255).rounded(.toNearestOrAwayFromZero)) } }
        try record(
            "gray/hw_double", step: 2, expected, width: width, height: height, channels: 1, framesPerSecond: 29.97,
            delay: (100, 2997))
    }

    // RGBA Floats, CHW, beyond [0, 1], at 0.5 fps (2 s per frame).
    do {
        let (width, height, channels) = (6, 5, 4)
        var chwFrames: [[Float]] = []
        var hwcFrames: [[UInt8]] = []
        for index in 0..<4 {
            var chw = [Float](repeating: 0, count: width * height * channels)
            var hwc = [UInt8](repeating: 0, count: chw.count)
            for c in 0..<channels {
                for pixel in 0..<(width * height) {
                    let value = Float((pixel + c * 11 + index * 5) % 40) / 30 - 0.1
                    chw[c * width * height + pixel] = value
                    hwc[pixel * channels + c] = UInt8((min(max(value, 0), 1) * 255).rounded(.toNearestOrAwayFromZero))
                }
            }
            chwFrames.append(chw)
            hwcFrames.append(hwc)
        }
        try writer.addVideo(
            "rgba/chw_float",
            frames: chwFrames.map {
                try ImageData(pixels: $0, width: width, height: height, channels: channels, layout: .chw)
            },
            framesPerSecond: 0.5, step: 3, wallTime: wall + 3)
        try record(
            "rgba/chw_float", step: 3, hwcFrames, width: width, height: height, channels: channels,
            framesPerSecond: 0.5, delay: (2, 1))
    }

    // Gray and alpha bytes, 3 frames at 30 fps.
    do {
        let (width, height) = (9, 9)
        let frames = (0..<3).map { pattern($0 * 2, width: width, height: height, channels: 2) }
        try writer.addVideo(
            "gray_alpha/hwc", frames: frames.map { try ImageData(pixels: $0, width: width, height: height, channels: 2) },
            framesPerSecond: 30, step: 4, wallTime: wall + 4)
        try record(
            "gray_alpha/hwc", step: 4, frames, width: width, height: height, channels: 2, framesPerSecond: 30,
            delay: (1, 30))
    }

    // One frame: an animation of one, which is also a plain PNG.
    do {
        let frame = pattern(0, width: 5, height: 4, channels: 3)
        try writer.addVideo(
            "single/frame", frames: [try ImageData(pixels: frame, width: 5, height: 4, channels: 3)],
            framesPerSecond: 1, step: 5, wallTime: wall + 5)
        try record("single/frame", step: 5, [frame], width: 5, height: 4, channels: 3, framesPerSecond: 1, delay: (1, 1))
    }

    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
