import Testing
import TestSupport

@testable import TFEvents

@Suite struct ImageDataTests {
    /// HWC bytes and the same image in `layout` (HW requires one channel).
    static func image(width: Int, height: Int, channels: Int, layout: ImageLayout) -> (hwc: [UInt8], input: [UInt8]) {
        let hwc = TestBytes(seed: UInt64(width * 31 + channels)).bytesForImage(
            width: width, height: height, channels: channels)
        guard layout == .chw else { return (hwc, hwc) }
        var chw = [UInt8](repeating: 0, count: hwc.count)
        for c in 0..<channels {
            for pixel in 0..<width * height {
                chw[c * width * height + pixel] = hwc[pixel * channels + c]
            }
        }
        return (hwc, chw)
    }

    static func pixels(of image: ImageData) -> [UInt8]? {
        if case .pixels(let bytes) = image.storage { return bytes }
        return nil
    }

    static let layoutsAndChannels: [(ImageLayout, Int)] =
        [(.hw, 1)] + [ImageLayout.hwc, .chw].flatMap { layout in (1...4).map { (layout, $0) } }

    @Test(arguments: layoutsAndChannels)
    func convertsBytesInEveryLayout(layout: ImageLayout, channels: Int) throws {
        let (hwc, input) = Self.image(width: 5, height: 3, channels: channels, layout: layout)
        let image = try ImageData(pixels: input, width: 5, height: 3, channels: channels, layout: layout)
        #expect(image.width == 5)
        #expect(image.height == 3)
        #expect(image.channels == channels)
        #expect(Self.pixels(of: image) == hwc)
    }

    @Test(arguments: layoutsAndChannels)
    func convertsFloatsInEveryLayout(layout: ImageLayout, channels: Int) throws {
        let (hwc, input) = Self.image(width: 4, height: 6, channels: channels, layout: layout)
        let image = try ImageData(
            pixels: input.map { Float($0) / 255 }, width: 4, height: 6, channels: channels, layout: layout)
        #expect(Self.pixels(of: image) == hwc)
        #expect(image.channels == channels)
    }

    @Test(arguments: layoutsAndChannels)
    func convertsDoublesInEveryLayout(layout: ImageLayout, channels: Int) throws {
        let (hwc, input) = Self.image(width: 6, height: 4, channels: channels, layout: layout)
        let image = try ImageData(
            pixels: input.map { Double($0) / 255 }, width: 6, height: 4, channels: channels, layout: layout)
        #expect(Self.pixels(of: image) == hwc)
    }

    @Test func chwIsTransposedToInterleaved() throws {
        // Two rows, two columns, RGB planes: R = 1...4, G = 11...14, B = 21...24.
        let planes: [UInt8] = [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24]
        let image = try ImageData(pixels: planes, width: 2, height: 2, channels: 3, layout: .chw)
        #expect(Self.pixels(of: image) == [1, 11, 21, 2, 12, 22, 3, 13, 23, 4, 14, 24])
    }

    @Test func clipsAndRoundsFloatingPointValues() throws {
        let values: [Double] = [
            -0.1, 1.2, 0.5, .nan, 0, 1, 1.0 / 255, 0.499 / 255, 0.501 / 255, .infinity, -.infinity, 0.25,
        ]
        let expected: [UInt8] = [0, 255, 128, 0, 0, 255, 1, 0, 1, 255, 0, 64]
        let fromDoubles = try ImageData(pixels: values, width: values.count, height: 1, layout: .hw)
        let fromFloats = try ImageData(pixels: values.map { Float($0) }, width: values.count, height: 1, layout: .hw)
        #expect(Self.pixels(of: fromDoubles) == expected)
        #expect(Self.pixels(of: fromFloats) == expected)
        #expect(ImageData.quantize(Float.signalingNaN) == 0)
        #expect(ImageData.quantize(-Float.nan) == 0)
    }

    @Test func encodesPixelsAsPNG() throws {
        let (hwc, _) = Self.image(width: 7, height: 3, channels: 4, layout: .hwc)
        let image = try ImageData(pixels: hwc, width: 7, height: 3, channels: 4)
        let (bytes, width, height) = try image.encoded(with: PNGEncoder())
        #expect(width == 7)
        #expect(height == 3)
        let decoded = try PNGTestDecoder.decode(bytes)
        #expect(decoded.pixels == hwc)
        #expect(decoded.colorType == 6)
    }

    @Test func equalImagesAreEqual() throws {
        let a = try ImageData(pixels: [UInt8]([1, 2, 3]), width: 3, height: 1)
        let b = try ImageData(pixels: [Double(1) / 255, Double(2) / 255, Double(3) / 255], width: 3, height: 1)
        let c = try ImageData(pixels: [UInt8]([1, 2, 3]), width: 1, height: 3)
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    // MARK: Errors

    @Test func rejectsSizesThatDoNotFit() {
        #expect(
            throws: SummaryWriterError.invalidInput(
                "an image of height 2 × width 3 × 3 channels needs 18 pixel values, but 12 were given")
        ) {
            try ImageData(pixels: [UInt8](repeating: 0, count: 12), width: 3, height: 2, channels: 3)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "an image of height 2 × width 2 × 1 channel needs 4 pixel values, but 5 were given")
        ) {
            try ImageData(pixels: [Float](repeating: 0, count: 5), width: 2, height: 2, layout: .hw)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "an image of height 1 × width 1 × 4 channels needs 4 pixel values, but 3 were given")
        ) {
            try ImageData(pixels: [Double](repeating: 0, count: 3), width: 1, height: 1, channels: 4, layout: .chw)
        }
    }

    @Test func rejectsZeroAndNegativeSizes() {
        #expect(throws: SummaryWriterError.invalidInput("image width must be at least 1, but it is 0")) {
            try ImageData(pixels: [UInt8](), width: 0, height: 2)
        }
        #expect(throws: SummaryWriterError.invalidInput("image height must be at least 1, but it is 0")) {
            try ImageData(pixels: [Float](), width: 2, height: 0)
        }
        #expect(throws: SummaryWriterError.invalidInput("image width must be at least 1, but it is -1")) {
            try ImageData(pixels: [Double](), width: -1, height: 2)
        }
    }

    @Test(arguments: [0, 5, -1])
    func rejectsChannelCountsOutsideOneToFour(channels: Int) {
        let message =
            "an image must have 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA) channels, but it has \(channels)"
        #expect(throws: SummaryWriterError.invalidInput(message)) {
            try ImageData(pixels: [UInt8](repeating: 0, count: 10), width: 2, height: 1, channels: channels)
        }
    }

    @Test func rejectsSeveralChannelsInGrayscaleLayout() {
        #expect(throws: SummaryWriterError.invalidInput("layout .hw is grayscale with 1 channel, but channels is 3")) {
            try ImageData(pixels: [UInt8](repeating: 0, count: 12), width: 2, height: 2, channels: 3, layout: .hw)
        }
    }

    @Test func rejectsSizesWhoseProductOverflows() {
        #expect(
            throws: SummaryWriterError.invalidInput(
                "image size height 4294967296 × width 4294967296 × 1 channels is too large to address")
        ) {
            try ImageData(pixels: [UInt8](), width: 1 << 32, height: 1 << 32)
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "image size height 2 × width 4611686018427387904 × 4 channels is too large to address")
        ) {
            try ImageData(pixels: [Float](), width: 1 << 62, height: 2, channels: 4)
        }
    }

    // MARK: Encoded images

    @Test func passesPNGThrough() throws {
        let pixels = TestBytes(seed: 5).bytesForImage(width: 9, height: 4, channels: 2)
        let png = try PNGEncoder().encode(pixels: pixels, width: 9, height: 4, channels: 2)
        let image = try ImageData(encoded: png)
        #expect(image.width == 9)
        #expect(image.height == 4)
        #expect(image.channels == 2)
        let (bytes, width, height) = try image.encoded(with: PNGEncoder(compressionLevel: 0))
        #expect(bytes == png)
        #expect(width == 9)
        #expect(height == 4)
    }

    /// SOI, an APP0 segment, then a frame header with the given marker, and the rest of a tiny file.
    static func jpeg(width: Int, height: Int, components: UInt8 = 3, sof: UInt8 = 0xC0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]  // APP0
        bytes += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]  // a (truncated) DQT, skipped by its length
        bytes += [0xFF, sof, 0x00, UInt8(8 + 3 * Int(components)), 8]
        bytes += [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), components]
        for id in 0..<components { bytes += [id + 1, 0x11, 0] }
        bytes += [0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]  // SOS, data, EOI
        return bytes
    }

    @Test func passesJPEGThroughAndReadsItsFrameHeader() throws {
        let jpeg = Self.jpeg(width: 640, height: 480)
        let image = try ImageData(encoded: jpeg)
        #expect(image.width == 640)
        #expect(image.height == 480)
        #expect(image.channels == 3)
        #expect(try image.encoded(with: PNGEncoder()).bytes == jpeg)

        let progressiveGray = try ImageData(encoded: Self.jpeg(width: 300, height: 2, components: 1, sof: 0xC2))
        #expect(progressiveGray.width == 300)
        #expect(progressiveGray.height == 2)
        #expect(progressiveGray.channels == 1)

        // Fill bytes before a marker, and a standalone marker, are skipped.
        var padded = Self.jpeg(width: 3, height: 5)
        padded.insert(contentsOf: [0xFF, 0xFF, 0xD0], at: 2)
        let paddedImage = try ImageData(encoded: padded)
        #expect(paddedImage.width == 3)
        #expect(paddedImage.height == 5)
    }

    @Test func passesGIFThrough() throws {
        for signature in ["GIF87a", "GIF89a"] {
            let gif = Array(signature.utf8) + [0x2C, 0x01, 0x0A, 0x00, 0xF7, 0, 0] + [0x3B]  // 300 × 10
            let image = try ImageData(encoded: gif)
            #expect(image.width == 300)
            #expect(image.height == 10)
            #expect(image.channels == 3)
            #expect(try image.encoded(with: PNGEncoder()).bytes == gif)
        }
    }

    @Test func rejectsBytesThatAreNoKnownImage() {
        #expect(
            throws: SummaryWriterError.invalidInput("the encoded image is empty; expected a PNG, JPEG or GIF file")
        ) {
            try ImageData(encoded: [])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the encoded image is not a PNG, JPEG or GIF file (it starts with 42 4D 3E 00 01 02 03 04)")
        ) {
            try ImageData(encoded: [0x42, 0x4D, 0x3E, 0, 1, 2, 3, 4, 5, 6])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the encoded image is not a PNG, JPEG or GIF file (it starts with FF)")
        ) {
            try ImageData(encoded: [0xFF])
        }
    }

    @Test func rejectsCutShortOrMalformedPNGHeaders() throws {
        let png = try PNGEncoder().encode(pixels: [1, 2, 3], width: 1, height: 1, channels: 3)
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the PNG file is cut short: 20 bytes, less than its IHDR chunk needs")
        ) {
            try ImageData(encoded: Array(png.prefix(20)))
        }
        var notIHDR = png
        notIHDR[12] = 0x69  // "iHDR"
        #expect(throws: SummaryWriterError.invalidInput("the PNG file does not start with a 13-byte IHDR chunk")) {
            try ImageData(encoded: notIHDR)
        }
        var badColorType = png
        badColorType[25] = 5
        #expect(throws: SummaryWriterError.invalidInput("the PNG file has an unknown color type 5")) {
            try ImageData(encoded: badColorType)
        }
        var zeroWidth = png
        zeroWidth[16...19] = [0, 0, 0, 0]
        #expect(
            throws: SummaryWriterError.invalidInput("the PNG header gives a size of 0 × 1 (width × height)")
        ) {
            try ImageData(encoded: zeroWidth)
        }
    }

    @Test func rejectsCutShortOrMalformedJPEGHeaders() {
        let jpeg = Self.jpeg(width: 8, height: 8)
        let sofStart = jpeg.firstIndex(of: 0xC0)! - 1
        let cutShort = SummaryWriterError.invalidInput("the JPEG file is cut short before its frame header (SOF)")
        for length in [2, 3, 5, sofStart, sofStart + 1, sofStart + 3, sofStart + 9] {
            #expect(throws: cutShort) { try ImageData(encoded: Array(jpeg.prefix(length))) }
        }
        #expect(
            throws: SummaryWriterError.invalidInput("the JPEG file has no frame header (SOF) before its image data")
        ) {
            try ImageData(encoded: [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9])
        }
        #expect(throws: SummaryWriterError.invalidInput("the JPEG file has no marker at byte 2 (found 0x00)")) {
            try ImageData(encoded: [0xFF, 0xD8, 0x00, 0xC0])
        }
        #expect(
            throws: SummaryWriterError.invalidInput("the JPEG file has a segment of impossible length 1 at byte 4")
        ) {
            try ImageData(encoded: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01])
        }
        #expect(throws: SummaryWriterError.invalidInput("the JPEG frame header (SOF) is too short: 6 bytes")) {
            try ImageData(encoded: [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x06, 8, 0, 1, 0, 1, 3])
        }
        #expect(throws: SummaryWriterError.invalidInput("the JPEG header gives a size of 8 × 0 (width × height)")) {
            try ImageData(encoded: Self.jpeg(width: 8, height: 0))
        }
    }

    @Test func rejectsCutShortGIFHeaders() {
        #expect(
            throws: SummaryWriterError.invalidInput("the GIF file is cut short: 8 bytes, less than its 10-byte header")
        ) {
            try ImageData(encoded: Array("GIF89a".utf8) + [1, 0])
        }
        #expect(throws: SummaryWriterError.invalidInput("the GIF header gives a size of 0 × 4 (width × height)")) {
            try ImageData(encoded: Array("GIF89a".utf8) + [0, 0, 4, 0])
        }
    }
}
