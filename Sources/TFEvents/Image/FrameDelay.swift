/// How long each frame of an animated PNG is shown: the fraction `numerator / denominator`
/// seconds of an `fcTL` chunk, both 16-bit.
///
/// A frame rate becomes the fraction nearest to `1 / framesPerSecond` whose terms fit in 16 bits:
/// exact for every rate that is such a fraction itself (30 gives 1/30 s, 29.97 gives 100/2997 s,
/// 0.5 gives 2/1 s), and otherwise as close as 16-bit terms allow.
struct FrameDelay: Sendable, Hashable {
    /// The largest term of the fraction.
    static let maxTerm = Int(UInt16.max)

    /// The slowest and fastest frame rates a 16-bit fraction can express: 1/65535 and 65535
    /// frames per second.
    static let framesPerSecondRange = 1 / Double(maxTerm)...Double(maxTerm)

    /// The delay's numerator, from 1 to 65,535.
    var numerator: UInt16
    /// The delay's denominator, from 1 to 65,535.
    var denominator: UInt16

    /// The delay in seconds.
    var seconds: Double { Double(numerator) / Double(denominator) }

    /// The delay of one frame at `framesPerSecond`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when the rate is not finite or
    ///   lies outside ``framesPerSecondRange`` (zero and negative rates included).
    init(framesPerSecond: Double) throws(SummaryWriterError) {
        guard Self.framesPerSecondRange.contains(framesPerSecond) else {
            throw .invalidInput(
                "a video's frame rate must be between 1/65535 and 65535 frames per second, but it is "
                    + "\(framesPerSecond)")
        }
        // The delay is frames⁻¹ seconds: approximate the rate and swap the terms.
        let (frames, seconds) = Self.nearestFraction(to: framesPerSecond, maxTerm: Self.maxTerm)
        numerator = UInt16(seconds)
        denominator = UInt16(frames)
    }

    init(numerator: UInt16, denominator: UInt16) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction `p / q` nearest to `x` with `1 ≤ p, q ≤ maxTerm`, for `x` in
    /// `1/maxTerm ... maxTerm`.
    ///
    /// The best approximations of a number are its continued fraction's convergents and the
    /// semiconvergents between them; this walks the convergents until the next would break the
    /// bound, then compares the last one with the largest semiconvergent inside the bound.
    static func nearestFraction(to x: Double, maxTerm: Int) -> (numerator: Int, denominator: Int) {
        // Convergents h/k: (h0, k0) is the one before last, (h1, k1) the last.
        var (h0, k0, h1, k1) = (0, 1, 1, 0)
        var remainder = x
        while true {
            let term = remainder.rounded(.down)
            // The next convergent, unless its term alone breaks the bound.
            let next = term <= Double(maxTerm) ? (Int(term) * h1 + h0, Int(term) * k1 + k0) : nil
            guard let (h2, k2) = next, h2 <= maxTerm, k2 <= maxTerm else {
                // The largest t with t·h1 + h0 and t·k1 + k0 inside the bound; t is below the term.
                let t = min(h1 > 0 ? (maxTerm - h0) / h1 : maxTerm, k1 > 0 ? (maxTerm - k0) / k1 : maxTerm)
                let (hs, ks) = (t * h1 + h0, t * k1 + k0)
                let semiconvergentIsCloser =
                    abs(Double(hs) / Double(ks) - x) < abs(Double(h1) / Double(k1) - x)
                return h1 == 0 || (hs >= 1 && semiconvergentIsCloser) ? (hs, ks) : (h1, k1)
            }
            (h0, k0, h1, k1) = (h1, k1, h2, k2)
            let fraction = remainder - term
            // Exact, or as close as a Double can tell.
            if fraction == 0 || Double(h1) / Double(k1) == x {
                return (h1, k1)
            }
            remainder = 1 / fraction
        }
    }
}
