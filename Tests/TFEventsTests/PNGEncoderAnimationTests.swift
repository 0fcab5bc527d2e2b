import Foundation
import Testing
import TestSupport

@testable import TFEvents

@Suite struct PNGEncoderAnimationTests {
    /// `count` different frames: the sample image shifted a little more each time.
    static func frames(count: Int, width: Int, height: Int, channels: Int) -> [[UInt8]] {
        (0..<count).map { index in
            PNGEncoderTests.sampleImage(width: width, height: height, channels: channels, seed: UInt64(index))
                .map { $0 &+ UInt8(truncatingIfNeeded: index * 17) }
        }
    }

    /// The data of every chunk of `type`, in file order.
    static func chunks(_ type: String, in png: [UInt8]) -> [[UInt8]] {
        var offset = 8
        var found: [[UInt8]] = []
        while offset + 12 <= png.count {
            let length = Int(PNGTestDecoder.readUInt32(png, offset))
            if String(decoding: png[offset + 4..<offset + 8], as: UTF8.self) == type {
                found.append(Array(png[offset + 8..<offset + 8 + length]))
            }
            offset += 12 + length
        }
        return found
    }

    @Test(arguments: 1...4)
    func everyFrameDecodesToItsPixels(channels: Int) throws {
        let frames = Self.frames(count: 5, width: 13, height: 9, channels: channels)
        let apng = try PNGEncoder().encodeAnimation(
            frames: frames, width: 13, height: 9, channels: channels, framesPerSecond: 10)
        let decoded = try APNGTestDecoder.decode(apng)

        #expect(decoded.declaredFrameCount == 5)
        #expect(decoded.playCount == 0)
        #expect(decoded.frames.map(\.pixels) == frames)
        #expect(decoded.still.pixels == frames[0])
        #expect(decoded.still.channels == channels)
        for frame in decoded.frames {
            #expect((frame.width, frame.height, frame.xOffset, frame.yOffset) == (13, 9, 0, 0))
            #expect((frame.delayNumerator, frame.delayDenominator) == (1, 10))
            #expect((frame.disposeOp, frame.blendOp) == (0, 0))
        }
        #expect(decoded.sequenceNumbers == (0..<9).map { UInt32($0) })
        #expect(
            decoded.chunkTypes == ["IHDR", "acTL", "fcTL", "IDAT"]
                + Array(repeating: ["fcTL", "fdAT"], count: 4).flatMap { $0 }
                + ["IEND"])
    }

    @Test func eachFrameIsCompressedExactlyLikeAStillImage() throws {
        let frames = Self.frames(count: 3, width: 20, height: 11, channels: 3)
        let encoder = PNGEncoder()
        let apng = try encoder.encodeAnimation(frames: frames, width: 20, height: 11, channels: 3, framesPerSecond: 4)
        let stills = try frames.map { try encoder.encode(pixels: $0, width: 20, height: 11, channels: 3) }
        // The header and the first frame's IDAT are the still PNG's; later frames' fdAT data too.
        #expect(Self.chunks("IHDR", in: apng) == Self.chunks("IHDR", in: stills[0]))
        #expect(Self.chunks("IDAT", in: apng) == Self.chunks("IDAT", in: stills[0]))
        let fdat = Self.chunks("fdAT", in: apng)
        #expect(fdat.map { Array($0.dropFirst(4)) } == stills.dropFirst().map { Self.chunks("IDAT", in: $0)[0] })
    }

    @Test func oneFrameIsAnAnimationOfOne() throws {
        let frame = Self.frames(count: 1, width: 4, height: 4, channels: 1)
        let apng = try PNGEncoder().encodeAnimation(frames: frame, width: 4, height: 4, channels: 1, framesPerSecond: 1)
        let decoded = try APNGTestDecoder.decode(apng)
        #expect(decoded.chunkTypes == ["IHDR", "acTL", "fcTL", "IDAT", "IEND"])
        #expect(decoded.frames.map(\.pixels) == frame)
        #expect((decoded.frames[0].delayNumerator, decoded.frames[0].delayDenominator) == (1, 1))
    }

    @Test func largeFramesAreSplitIntoNumberedChunks() throws {
        var encoder = PNGEncoder()
        encoder.maxIDATLength = 100
        let frames = (0..<3).map { TestBytes(seed: UInt64($0)).bytesForImage(width: 20, height: 20, channels: 3) }
        let apng = try encoder.encodeAnimation(frames: frames, width: 20, height: 20, channels: 3, framesPerSecond: 2)
        let decoded = try APNGTestDecoder.decode(apng)
        #expect(decoded.frames.map(\.pixels) == frames)
        #expect(decoded.chunkTypes.filter { $0 == "IDAT" }.count > 10)
        #expect(decoded.chunkTypes.filter { $0 == "fdAT" }.count > 20)
        #expect(Self.chunks("fdAT", in: apng).allSatisfy { $0.count <= 104 })
        #expect(decoded.sequenceNumbers.count == 3 + decoded.chunkTypes.filter { $0 == "fdAT" }.count)
    }

    static let exactRates: [(Double, UInt16, UInt16)] = [
        (30, 1, 30), (29.97, 100, 2997), (23.976, 125, 2997), (59.94, 50, 2997), (0.5, 2, 1), (4, 1, 4),
        (7.5, 2, 15), (1.0 / 3, 3, 1), (1.0 / 65535, 65535, 1), (65535, 1, 65535), (1000, 1, 1000),
        (0.001, 1000, 1),
    ]

    @Test(arguments: exactRates)
    func frameRatesBecomeExactDelays(framesPerSecond: Double, numerator: UInt16, denominator: UInt16) throws {
        let delay = try FrameDelay(framesPerSecond: framesPerSecond)
        #expect(delay == FrameDelay(numerator: numerator, denominator: denominator))
    }

    /// The closest fraction with both terms in 1...65535, by trying every denominator.
    static func bruteForceError(_ x: Double) -> Double {
        var best = Double.infinity
        for denominator in 1...65535 {
            let numerator = min(max((x * Double(denominator)).rounded(), 1), 65535)
            best = min(best, abs(numerator / Double(denominator) - x))
        }
        return best
    }

    @Test func delaysAreTheNearestSixteenBitFractions() throws {
        var random = TestBytes(seed: 11)
        var rates = [Double.pi, 2.718281828, 12.345, 0.0123, 99.99, 1234.5678, 0.7, 65534.5, 1.0 / 65534.5]
        for _ in 0..<10 {
            let exponent = Double(Int(random.next()) % 32 - 16) / 2  // 2^-8 ... 2^7.5
            rates.append((1 + Double(random.next()) / 255) * pow(2, exponent))
        }
        for rate in rates {
            let (frames, seconds) = FrameDelay.nearestFraction(to: rate, maxTerm: 65535)
            #expect((1...65535).contains(frames) && (1...65535).contains(seconds))
            let error = abs(Double(frames) / Double(seconds) - rate)
            #expect(error <= Self.bruteForceError(rate) * (1 + 1e-12), "rate \(rate): \(frames)/\(seconds)")
        }
    }

    @Test func rejectsWhatCannotBeAnimated() {
        let encoder = PNGEncoder()
        let frame = [UInt8](repeating: 0, count: 12)
        #expect(throws: SummaryWriterError.invalidInput("an animation needs at least one frame, but none were given")) {
            try encoder.encodeAnimation(frames: [], width: 2, height: 2, channels: 3, framesPerSecond: 1)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "every frame of an animation of height 2 × width 2 × 3 channels needs 12 pixel values, but frame 1 "
                    + "has 11")
        ) {
            try encoder.encodeAnimation(
                frames: [frame, Array(frame.dropLast())], width: 2, height: 2, channels: 3, framesPerSecond: 1)
        }
        for rate in [0, -1, .nan, .infinity, -.infinity, 1e-6, 65536] as [Double] {
            #expect(
                throws: SummaryWriterError.invalidInput(
                    "a video's frame rate must be between 1/65535 and 65535 frames per second, but it is \(rate)")
            ) {
                try encoder.encodeAnimation(frames: [frame], width: 2, height: 2, channels: 3, framesPerSecond: rate)
            }
        }
        #expect(throws: SummaryWriterError.self) {
            try encoder.encodeAnimation(frames: [frame], width: 2, height: 2, channels: 5, framesPerSecond: 1)
        }
    }

    /// Stored (level 0) zlib data is the same in every zlib version, so this digest pins the
    /// still-PNG bytes. (When animation was added, InteropWriter's 15 PNG samples, levels 0, 1, 4
    /// and 9, came out byte-identical before and after.)
    @Test func stillPNGBytesAreUnchanged() throws {
        let pixels = PNGEncoderTests.sampleImage(width: 40, height: 30, channels: 3)
        let png = try PNGEncoder(compressionLevel: 0).encode(pixels: pixels, width: 40, height: 30, channels: 3)
        #expect(SHA256.hex(png) == "0c1bb472d03a94c208f62c6da129a900a111f3dfe5b37802e95c55edeedf843b")
    }
}
