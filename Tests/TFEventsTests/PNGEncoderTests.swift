import Testing
import TestSupport

@testable import TFEvents

@Suite struct PNGEncoderTests {
    /// A smooth image with some noise: compressible, and every filter gets work.
    static func sampleImage(width: Int, height: Int, channels: Int, seed: UInt64 = 1) -> [UInt8] {
        var random = TestBytes(seed: seed)
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    let smooth = (x * 7 + y * 3 + c * 50) & 0xFF
                    pixels.append(UInt8(truncatingIfNeeded: smooth + Int(random.next() & 7)))
                }
            }
        }
        return pixels
    }

    @Test(arguments: [(1, UInt8(0)), (2, 4), (3, 2), (4, 6)])
    func roundTripsEveryColorType(channels: Int, colorType: UInt8) throws {
        let pixels = Self.sampleImage(width: 13, height: 9, channels: channels)
        let png = try PNGEncoder().encode(pixels: pixels, width: 13, height: 9, channels: channels)
        let decoded = try PNGTestDecoder.decode(png)
        #expect(decoded.width == 13)
        #expect(decoded.height == 9)
        #expect(decoded.bitDepth == 8)
        #expect(decoded.colorType == colorType)
        #expect(decoded.channels == channels)
        #expect(decoded.pixels == pixels)
        #expect(decoded.chunkTypes == ["IHDR", "IDAT", "IEND"])
    }

    @Test func writesTheExpectedSignatureAndHeader() throws {
        let png = try PNGEncoder().encode(pixels: [UInt8](repeating: 9, count: 18), width: 3, height: 2, channels: 3)
        let expected: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,  // signature
            0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,  // IHDR, 13 bytes
            0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0,  // width 3, height 2, 8-bit RGB
        ]
        #expect(Array(png.prefix(expected.count)) == expected)
        // IHDR's CRC, then IEND with its fixed CRC at the very end.
        let crc = ZlibCRC32.checksum(Array(png[12..<29]))
        #expect(
            Array(png[29..<33]) == [
                UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF),
            ])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test(arguments: 0...9)
    func roundTripsAtEveryCompressionLevel(level: Int) throws {
        let pixels = Self.sampleImage(width: 40, height: 30, channels: 3, seed: UInt64(level))
        let png = try PNGEncoder(compressionLevel: level).encode(pixels: pixels, width: 40, height: 30, channels: 3)
        #expect(try PNGTestDecoder.decode(png).pixels == pixels)
    }

    @Test func higherLevelsCompressNoWorseOnSmoothImages() throws {
        let pixels = Self.sampleImage(width: 64, height: 64, channels: 3)
        let stored = try PNGEncoder(compressionLevel: 0).encode(pixels: pixels, width: 64, height: 64, channels: 3)
        let best = try PNGEncoder(compressionLevel: 9).encode(pixels: pixels, width: 64, height: 64, channels: 3)
        #expect(stored.count > 64 * 64 * 3)
        #expect(best.count < stored.count / 2)
        #expect(PNGEncoder().compressionLevel == PNGEncoder.defaultCompressionLevel)
    }

    @Test func levelsFourAndFiveSearchForTheLongestMatch() {
        #expect(PNGEncoder(compressionLevel: 4).deflater.tuning?.niceLength == 258)
        #expect(PNGEncoder(compressionLevel: 5).deflater.tuning?.niceLength == 258)
        for level in [0, 1, 2, 3, 6, 7, 8, 9] {
            #expect(PNGEncoder(compressionLevel: level).deflater.tuning == nil)
        }
        let deflater = PNGEncoder().deflater
        #expect(deflater.level == PNGEncoder.defaultCompressionLevel)
        #expect(deflater.strategy == .filtered)
        #expect(deflater.memoryLevel == 9)
    }

    @Test(arguments: PNGFilter.allCases, 1...4)
    func everyFilterRoundTripsWhenForced(filter: PNGFilter, channels: Int) throws {
        var encoder = PNGEncoder()
        encoder.filterSelection = .fixed(filter)
        let pixels = TestBytes(seed: UInt64(channels)).bytesForImage(width: 11, height: 7, channels: channels)
        let decoded = try PNGTestDecoder.decode(
            encoder.encode(pixels: pixels, width: 11, height: 7, channels: channels))
        #expect(decoded.filterTypes == [UInt8](repeating: filter.rawValue, count: 7))
        #expect(decoded.pixels == pixels)
    }

    /// Seven rows; rows 0, 1, 2, 4 and 6 are each made so that one filter (None, Sub, Up, Average,
    /// Paeth in turn) gives clearly the smallest sum.
    static func rowsFavouringEachFilter(width: Int, channels: Int) -> [UInt8] {
        let rowBytes = width * channels
        var random = TestBytes(seed: 42)
        var rows: [[UInt8]] = []
        rows.append([UInt8](repeating: 0, count: rowBytes))  // None: everything is 0 already
        rows.append((0..<rowBytes).map { UInt8(truncatingIfNeeded: ($0 / channels) * 9 + $0 % channels) })  // Sub
        rows.append(rows[1])  // Up: a repeat of the row above
        rows.append(random.bytes(rowBytes))  // noise, to predict from
        var average = [UInt8](repeating: 0, count: rowBytes)  // Average: each byte is its prediction
        for i in 0..<rowBytes {
            let a = i >= channels ? Int(average[i - channels]) : 0
            average[i] = UInt8((a + Int(rows[3][i])) / 2)
        }
        rows.append(average)
        // Paeth: x = g + h(y) with g rising by random steps of 0...8 along the row and h rising by 4
        // per row. Paeth's residual is min(step, 4): below Sub's (step), Up's (4) and Average's.
        var walk = [UInt8](repeating: 0, count: rowBytes)
        for i in 0..<rowBytes {
            walk[i] = (i >= channels ? walk[i - channels] : 0) + random.next() % 9
        }
        rows.append(walk.map { $0 + 10 })
        let paeth = walk.map { $0 + 14 }
        rows.append(paeth)
        return rows.flatMap { $0 }
    }

    @Test(arguments: 1...4)
    func adaptiveFilteringChoosesEachFilterWhereItFits(channels: Int) throws {
        let width = 24
        let pixels = Self.rowsFavouringEachFilter(width: width, channels: channels)
        let png = try PNGEncoder().encode(pixels: pixels, width: width, height: 7, channels: channels)
        let decoded = try PNGTestDecoder.decode(png)
        #expect(decoded.pixels == pixels)
        #expect(decoded.filterTypes[0] == PNGFilter.none.rawValue)
        #expect(decoded.filterTypes[1] == PNGFilter.sub.rawValue)
        #expect(decoded.filterTypes[2] == PNGFilter.up.rawValue)
        #expect(decoded.filterTypes[4] == PNGFilter.average.rawValue)
        #expect(decoded.filterTypes[6] == PNGFilter.paeth.rawValue)
    }

    @Test func adaptiveFilteringBreaksTiesTowardTheLowerFilter() {
        // A ramp on the first row: Sub and Paeth both leave all ones; Sub comes first.
        let row: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7]
        var output = [UInt8](repeating: 0xAA, count: row.count + 1)
        row.withUnsafeBufferPointer { pixels in
            output.withUnsafeMutableBufferPointer { destination in
                PNGEncoder.filterScanlines(
                    pixels.baseAddress!, rowByteCount: row.count, height: 1, bytesPerPixel: 1, selection: .adaptive,
                    into: destination.baseAddress!)
            }
        }
        #expect(output == [1, 0, 1, 1, 1, 1, 1, 1, 1])
    }

    @Test func signedMagnitudeSumTreatsBytesAsSigned() {
        let bytes: [UInt8] = [0, 1, 127, 128, 129, 255]
        let sum = bytes.withUnsafeBufferPointer { PNGEncoder.signedMagnitudeSum($0.baseAddress!, count: $0.count) }
        #expect(sum == 0 + 1 + 127 + 128 + 127 + 1)
    }

    @Test(arguments: [
        (1, 1, 1), (1, 1, 2), (1, 1, 3), (1, 1, 4), (1, 9, 3), (9, 1, 3), (1, 17, 1), (17, 1, 4), (3, 5, 2),
    ])
    func encodesOddSizes(width: Int, height: Int, channels: Int) throws {
        let pixels = TestBytes(seed: UInt64(width * 100 + height)).bytesForImage(
            width: width, height: height, channels: channels)
        let decoded = try PNGTestDecoder.decode(
            PNGEncoder().encode(pixels: pixels, width: width, height: height, channels: channels))
        #expect(decoded.width == width)
        #expect(decoded.height == height)
        #expect(decoded.pixels == pixels)
    }

    @Test func splitsLargeImageDataIntoSeveralIDATChunks() throws {
        var encoder = PNGEncoder()
        encoder.maxIDATLength = 100
        let pixels = TestBytes(seed: 7).bytesForImage(width: 20, height: 20, channels: 3)  // noise: ~1200 bytes
        let decoded = try PNGTestDecoder.decode(encoder.encode(pixels: pixels, width: 20, height: 20, channels: 3))
        let idatCount = decoded.chunkTypes.filter { $0 == "IDAT" }.count
        #expect(idatCount > 10)
        #expect(decoded.chunkTypes.first == "IHDR")
        #expect(decoded.chunkTypes.last == "IEND")
        #expect(decoded.pixels == pixels)
    }

    @Test func encodesOneLargeImage() throws {
        let pixels = Self.sampleImage(width: 256, height: 256, channels: 3)
        let png = try PNGEncoder().encode(pixels: pixels, width: 256, height: 256, channels: 3)
        #expect(try PNGTestDecoder.decode(png).pixels == pixels)
        #expect(png.count < pixels.count / 2)
    }

    @Test func rejectsBadSizes() {
        let encoder = PNGEncoder()
        #expect(throws: SummaryWriterError.invalidInput("image width must be at least 1, but it is 0")) {
            try encoder.encode(pixels: [], width: 0, height: 1, channels: 1)
        }
        #expect(throws: SummaryWriterError.invalidInput("image height must be at least 1, but it is -3")) {
            try encoder.encode(pixels: [], width: 1, height: -3, channels: 1)
        }
        let channelMessage =
            "an image must have 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA) channels, but it has 5"
        #expect(throws: SummaryWriterError.invalidInput(channelMessage)) {
            try encoder.encode(pixels: [], width: 1, height: 1, channels: 5)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "an image of height 2 × width 3 × 3 channels needs 18 pixel values, but 17 were given")
        ) {
            try encoder.encode(pixels: [UInt8](repeating: 0, count: 17), width: 3, height: 2, channels: 3)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "image size height 4294967296 × width 4294967296 × 1 channels is too large to address")
        ) {
            try encoder.encode(pixels: [], width: 1 << 32, height: 1 << 32, channels: 1)
        }
        #expect(
            throws: SummaryWriterError.invalidInput("image width 2147483648 is larger than PNG's limit of 2147483647")
        ) {
            try encoder.encode(pixels: [], width: 1 << 31, height: 1, channels: 1)
        }
    }
}

@Suite struct ZlibTests {
    @Test func crc32MatchesTheCheckValue() {
        #expect(ZlibCRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZlibCRC32.checksum([]) == 0)
        let whole = ZlibCRC32.checksum(Array("hello world".utf8))
        let continued = ZlibCRC32.checksum(Array(" world".utf8), continuing: ZlibCRC32.checksum(Array("hello".utf8)))
        #expect(whole == continued)
    }

    @Test(arguments: Deflater.Strategy.allCases)
    func deflateThenInflateRoundTrips(strategy: Deflater.Strategy) {
        let inputs: [[UInt8]] = [
            [], [1], Array(repeating: 7, count: 100_000),
            TestBytes(seed: 3).bytesForImage(width: 70_000, height: 1, channels: 1),
        ]
        for input in inputs {
            let compressed = Deflater(level: 6, memoryLevel: 9, strategy: strategy).compress(input)
            #expect(compressed.first == 0x78)  // zlib header: deflate, 32 KiB window
            #expect(Inflater.inflate(compressed) == input)
        }
    }

    @Test func inflateRejectsDamagedStreams() {
        let compressed = Deflater().compress(Array("a line of text, a line of text, a line of text".utf8))
        #expect(Inflater.inflate(Array(compressed.dropLast(3))) == nil)
        #expect(Inflater.inflate(compressed + [0]) == nil)
        var corrupt = compressed
        corrupt[corrupt.count - 1] ^= 0xFF  // Adler-32
        #expect(Inflater.inflate(corrupt) == nil)
        #expect(Inflater.inflate([]) == nil)
    }
}

extension TestBytes {
    /// Noise for an image of the given size.
    func bytesForImage(width: Int, height: Int, channels: Int) -> [UInt8] {
        var copy = self
        return copy.bytes(width * height * channels)
    }
}
