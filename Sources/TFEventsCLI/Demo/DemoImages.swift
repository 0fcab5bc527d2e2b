import TFEvents

/// Images that look like something: three 32x32 digit-like glyphs that emerge from noise as
/// training progresses, the way a model's reconstructions sharpen.
enum DemoImages {
    /// Seven-segment masks of the digits 0 to 9 (segments a to g).
    private static let segments: [[Bool]] = [
        [true, true, true, true, true, true, false], [false, true, true, false, false, false, false],
        [true, true, false, true, true, false, true], [true, true, true, true, false, false, true],
        [false, true, true, false, false, true, true], [true, false, true, true, false, true, true],
        [true, false, true, true, true, true, true], [true, true, true, false, false, false, false],
        [true, true, true, true, true, true, true], [true, true, true, true, false, true, true],
    ]

    static func reconstructions(progress: Double, random: inout SplitMix64) throws -> [ImageData] {
        try [3, 5, 8].map { digit in try image(digit, clarity: progress, random: &random) }
    }

    /// One 32x32 RGB glyph of `digit`, blended with noise by `1 - clarity`.
    static func image(_ digit: Int, clarity: Double, random: inout SplitMix64) throws -> ImageData {
        try ImageData(pixels: glyph(digit, clarity: clarity, random: &random), width: 32, height: 32, channels: 3)
    }

    /// An RGB glyph: a warm digit on a cool gradient, blended with noise by `1 - clarity`.
    private static func glyph(_ digit: Int, clarity: Double, random: inout SplitMix64) -> [Float] {
        var pixels = [Float](repeating: 0, count: 32 * 32 * 3)
        for y in 0..<32 {
            for x in 0..<32 {
                let on = isLit(digit, x: x, y: y)
                let base: [Double] = on ? [1.0, 0.75, 0.2] : [0.1, 0.15 + Double(y) / 80, 0.35 + Double(x) / 90]
                for c in 0..<3 {
                    let noisy = base[c] * clarity + random.uniform() * (1 - clarity)
                    pixels[(y * 32 + x) * 3 + c] = Float(noisy)
                }
            }
        }
        return pixels
    }

    private static func isLit(_ digit: Int, x: Int, y: Int) -> Bool {
        let lit = segments[digit]
        let horizontal = x >= 9 && x <= 22
        let left = x >= 7 && x <= 9
        let right = x >= 22 && x <= 24
        let top = y >= 4 && y <= 6
        let middle = y >= 15 && y <= 17
        let bottom = y >= 26 && y <= 28
        let upper = y >= 5 && y <= 16
        let lower = y >= 16 && y <= 27
        return (lit[0] && top && horizontal) || (lit[1] && right && upper) || (lit[2] && right && lower)
            || (lit[3] && bottom && horizontal) || (lit[4] && left && lower) || (lit[5] && left && upper)
            || (lit[6] && middle && horizontal)
    }
}
