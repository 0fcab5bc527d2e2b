import Foundation
import TFEvents

/// Image runs: every layout, element type and channel count, a batch, and encoded pass-through.
/// For each image, the expected HWC bytes are computed here independently of the library and
/// saved with the PNG the library must have produced from them, for the checker to compare with
/// what TensorBoard serves (byte for byte) and with what Pillow decodes it to (pixel for pixel).
func writeImageRuns(logdir: String, blobs: String, manifest: inout Manifest) throws {
    try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
    let run = "images"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)
    let wall = 1_700_000_100.0
    var blobIndex = 0

    /// Saves the expected pixels and PNG, and returns the manifest entry for one image.
    func expected(_ hwc: [UInt8], width: Int, height: Int, channels: Int, png: [UInt8]? = nil) throws -> JSON {
        blobIndex += 1
        let name = "image\(blobIndex)"
        let encoded = try png ?? PNGEncoder().encode(pixels: hwc, width: width, height: height, channels: channels)
        try Data(encoded).write(to: URL(fileURLWithPath: "\(blobs)/\(name).png"))
        try Data(hwc).write(to: URL(fileURLWithPath: "\(blobs)/\(name).raw"))
        return .object([
            ("blob", .string(name)), ("width", .int(Int64(width))), ("height", .int(Int64(height))),
            ("channels", .int(Int64(channels))),
        ])
    }

    func record(_ tag: String, step: Int64, width: Int, height: Int, _ images: [JSON]) {
        manifest.append(
            run: run, section: "images", tag: tag,
            .object([
                ("step", .int(step)), ("wall_time", .number(wall + Double(step))),
                ("width", .int(Int64(width))), ("height", .int(Int64(height))), ("images", .array(images)),
            ]))
    }

    // Every channel count, as UInt8 HWC, over two steps.
    for channels in 1...4 {
        let (width, height) = (5 + channels, 3)
        for step in Int64(0)..<2 {
            let hwc = (0..<(width * height * channels)).map { UInt8(truncatingIfNeeded: $0 * 37 + Int(step) * 11) }
            try writer.addImage(
                "hwc/channels\(channels)", ImageData(pixels: hwc, width: width, height: height, channels: channels),
                step: step, wallTime: wall + Double(step))
            record(
                "hwc/channels\(channels)", step: step, width: width, height: height,
                [try expected(hwc, width: width, height: height, channels: channels)])
        }
    }

    // CHW floats with values outside [0, 1] and NaN: clipped, scaled, rounded.
    do {
        let (width, height, channels) = (4, 3, 3)
        var chw: [Float] = []
        for c in 0..<channels {
            for y in 0..<height {
                for x in 0..<width {
                    chw.append(Float(x + y * width) / 11 * 1.4 - 0.2 + Float(c) * 0.1)
                }
            }
        }
        chw[5] = .nan
        var hwc = [UInt8](repeating: 0, count: chw.count)
        for c in 0..<channels {
            for i in 0..<(width * height) {
                let v = chw[c * width * height + i]
                let clipped = v.isNaN ? 0 : min(max(v, 0), 1)
                hwc[i * channels + c] = UInt8((clipped * 255).rounded(.toNearestOrAwayFromZero))
            }
        }
        try writer.addImage(
            "chw/float", ImageData(pixels: chw, width: width, height: height, channels: channels, layout: .chw),
            step: 3, wallTime: wall + 3)
        record("chw/float", step: 3, width: width, height: height,
               [try expected(hwc, width: width, height: height, channels: channels)])
    }

    // HW doubles (grayscale).
    do {
        let (width, height) = (16, 9)
        let hw = (0..<(width * height)).map { Double($0) / Double(width * height - 1) }
        let gray = hw.map { UInt8(($0 * 255).rounded(.toNearestOrAwayFromZero)) }
        try writer.addImage(
            "hw/double", ImageData(pixels: hw, width: width, height: height, layout: .hw), step: 4, wallTime: wall + 4)
        record("hw/double", step: 4, width: width, height: height,
               [try expected(gray, width: width, height: height, channels: 1)])
    }

    // A batch of three RGB images at one step.
    do {
        let (width, height) = (8, 8)
        var images: [ImageData] = []
        var entries: [JSON] = []
        for k in 0..<3 {
            let hwc = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: ($0 % 3 == k ? 255 : $0 * 5)) }
            images.append(try ImageData(pixels: hwc, width: width, height: height, channels: 3))
            entries.append(try expected(hwc, width: width, height: height, channels: 3))
        }
        try writer.addImages("batch/rgb", images, step: 5, wallTime: wall + 5)
        record("batch/rgb", step: 5, width: width, height: height, entries)
    }

    // An already-encoded PNG passes through byte for byte.
    do {
        let (width, height) = (7, 2)
        let rgba = (0..<(width * height * 4)).map { UInt8(truncatingIfNeeded: $0 * 3) }
        let png = try PNGEncoder(compressionLevel: 9).encode(pixels: rgba, width: width, height: height, channels: 4)
        try writer.addImage("encoded/png", ImageData(encoded: png), step: 6, wallTime: wall + 6)
        record("encoded/png", step: 6, width: width, height: height,
               [try expected(rgba, width: width, height: height, channels: 4, png: png)])
    }

    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
