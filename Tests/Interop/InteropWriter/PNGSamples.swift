// The PNG samples that Tests/Interop/check_png.py decodes with Pillow and libpng: for each image,
// NAME.png (written by PNGEncoder), NAME.raw (the HWC pixels given to it) and NAME.json
// ({"width", "height", "channels"}). The generators are the same as in
// Scripts/bench/Sources/tfevents-bench/PNGBenchmark.swift, repeated because both are executables.
import Foundation
import TFEvents

#if canImport(Glibc)
import Glibc
#endif

/// Writes every PNG sample into `directory` (created if needed) as NAME.png, NAME.raw and NAME.json.
func writePNGSamples(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (image, level) in pngSamples() {
        let encoder = level.map { PNGEncoder(compressionLevel: $0) } ?? PNGEncoder()
        let png = try encoder.encode(
            pixels: image.pixels, width: image.width, height: image.height, channels: image.channels)
        let name = level.map { "\(image.name)_level\($0)" } ?? image.name
        let base = URL(fileURLWithPath: directory).appendingPathComponent(name)
        try Data(png).write(to: base.appendingPathExtension("png"))
        try Data(image.pixels).write(to: base.appendingPathExtension("raw"))
        let json = "{\"width\": \(image.width), \"height\": \(image.height), \"channels\": \(image.channels)}\n"
        try Data(json.utf8).write(to: base.appendingPathExtension("json"))
    }
}

private struct PNGSample {
    var name: String
    var width: Int
    var height: Int
    var channels: Int
    var pixels: [UInt8]
}

/// Every channel count, odd sizes, gradients, noise and photo-like images at the default level;
/// the 256x256 RGB photo-like image also at levels 0 (stored blocks), 1 and 9.
private func pngSamples() -> [(PNGSample, level: Int?)] {
    let images = [
        gradientImage("gray_gradient_64x48", width: 64, height: 48, channels: 1),
        photoImage("gray_alpha_photo_33x17", width: 33, height: 17, channels: 2),
        gradientImage("rgb_gradient_256x256", width: 256, height: 256, channels: 3),
        photoImage("rgb_photo_256x256", width: 256, height: 256, channels: 3),
        noiseImage("rgb_noise_128x128", width: 128, height: 128, channels: 3),
        noiseImage("rgba_noise_64x64", width: 64, height: 64, channels: 4),
        photoImage("rgba_photo_512x384", width: 512, height: 384, channels: 4),
        photoImage("gray_photo_640x480", width: 640, height: 480, channels: 1),
        photoImage("gray_photo_1x1", width: 1, height: 1, channels: 1),
        gradientImage("rgb_gradient_1x37", width: 1, height: 37, channels: 3),
        gradientImage("rgba_gradient_37x1", width: 37, height: 1, channels: 4),
        noiseImage("gray_alpha_noise_3x5", width: 3, height: 5, channels: 2),
    ]
    var samples: [(PNGSample, level: Int?)] = images.map { ($0, nil) }
    if let photo = images.first(where: { $0.name == "rgb_photo_256x256" }) {
        samples += [0, 1, 9].map { (photo, $0) }
    }
    return samples
}

/// A xorshift64* generator: the same bytes on every run and platform.
private struct SampleRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }
}

/// Diagonal ramps, a different direction per channel.
private func gradientImage(_ name: String, width: Int, height: Int, channels: Int) -> PNGSample {
    var pixels: [UInt8] = []
    pixels.reserveCapacity(width * height * channels)
    for y in 0..<height {
        for x in 0..<width {
            for c in 0..<channels {
                let u = x * 255 / max(width - 1, 1)
                let v = y * 255 / max(height - 1, 1)
                let value = c % 2 == 0 ? (u + v) / 2 : (u + 255 - v) / 2
                pixels.append(UInt8(c == 3 ? 255 - value / 2 : value))
            }
        }
    }
    return PNGSample(name: name, width: width, height: height, channels: channels, pixels: pixels)
}

/// Uniform random bytes: incompressible.
private func noiseImage(_ name: String, width: Int, height: Int, channels: Int) -> PNGSample {
    var random = SampleRandom(state: 0x9E37_79B9_7F4A_7C15 ^ UInt64(width * 1000 + height))
    let pixels = (0..<width * height * channels).map { _ in UInt8(truncatingIfNeeded: random.next() >> 56) }
    return PNGSample(name: name, width: width, height: height, channels: channels, pixels: pixels)
}

/// Smooth shapes and shading with mild noise (about ±3), like a small photograph.
private func photoImage(_ name: String, width: Int, height: Int, channels: Int) -> PNGSample {
    var random = SampleRandom(state: 0xD1B5_4A32_D192_ED03 ^ UInt64(width * 1000 + height))
    var pixels: [UInt8] = []
    pixels.reserveCapacity(width * height * channels)
    let w = Double(width)
    let h = Double(height)
    for y in 0..<height {
        for x in 0..<width {
            let (fx, fy) = (Double(x) / w, Double(y) / h)
            let sky = 150 - 90 * fy
            let hill = fy > 0.55 + 0.1 * sin(fx * 9) ? -60.0 : 0
            let sunDistance = ((fx - 0.7) * (fx - 0.7) + (fy - 0.3) * (fy - 0.3)).squareRoot()
            let sun = 90 * exp(-sunDistance * sunDistance * 40)
            let texture = 12 * sin(fx * 37 + fy * 11) * cos(fy * 23)
            for c in 0..<channels {
                let isAlpha = (channels == 2 && c == 1) || (channels == 4 && c == 3)
                let tint = [1.0, 0.85, 0.6][c % 3]
                let base = isAlpha ? 255 - 120 * sunDistance : (sky + hill + texture) * tint + sun
                let noise = Double(Int(random.next() % 7) - 3)
                pixels.append(UInt8(max(0, min(255, (base + noise).rounded()))))
            }
        }
    }
    return PNGSample(name: name, width: width, height: height, channels: channels, pixels: pixels)
}
