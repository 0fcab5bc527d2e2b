import Testing
import TestSupport

@testable import TFEvents

@Suite struct ImageSummaryTests {
    static func tensor(of value: Summary.Value) -> TensorProto? {
        if case .tensor(let tensor) = value.content { return tensor }
        return nil
    }

    @Test func writesWidthThenHeightThenTheImage() throws {
        // Two rows, three columns: TensorBoard expects "3", "2", <png>.
        let pixels = TestBytes(seed: 9).bytesForImage(width: 3, height: 2, channels: 3)
        let image = try ImageData(pixels: pixels, width: 3, height: 2, channels: 3)
        let value = try ImageSummary.value(tag: "train/sample", images: [image], encoder: PNGEncoder())

        #expect(value.tag == "train/sample")
        #expect(value.metadata == SummaryMetadata(pluginName: "images"))
        #expect(value.metadata?.pluginData?.content == [])
        let tensor = try #require(Self.tensor(of: value))
        #expect(tensor.dtype == .string)
        #expect(tensor.dimensions == [3])
        #expect(tensor.stringValues.count == 3)
        #expect(tensor.stringValues[0] == Array("3".utf8))
        #expect(tensor.stringValues[1] == Array("2".utf8))
        #expect(tensor.stringValues[2] == (try PNGEncoder().encode(pixels: pixels, width: 3, height: 2, channels: 3)))
        let decoded = try PNGTestDecoder.decode(tensor.stringValues[2])
        #expect(decoded.pixels == pixels)
        #expect(tensor.floatValues.isEmpty && tensor.tensorContent.isEmpty)
    }

    @Test func writesABatchInOrder() throws {
        let gray = try ImageData(pixels: [Float](repeating: 0.25, count: 12 * 10), width: 12, height: 10, layout: .hw)
        let rgba = try ImageData(
            pixels: [UInt8](repeating: 200, count: 4 * 12 * 10), width: 12, height: 10, channels: 4)
        let gif = Array("GIF89a".utf8) + [12, 0, 10, 0, 0, 0, 0, 0x3B]
        let passedThrough = try ImageData(encoded: gif)
        let value = try ImageSummary.value(tag: "batch", images: [gray, rgba, passedThrough], encoder: PNGEncoder())

        let tensor = try #require(Self.tensor(of: value))
        #expect(tensor.dimensions == [5])
        #expect(tensor.stringValues[0] == Array("12".utf8))
        #expect(tensor.stringValues[1] == Array("10".utf8))
        #expect(try PNGTestDecoder.decode(tensor.stringValues[2]).pixels == [UInt8](repeating: 64, count: 120))
        #expect(try PNGTestDecoder.decode(tensor.stringValues[3]).colorType == 6)
        #expect(tensor.stringValues[4] == gif)
    }

    @Test func usesTheEncoderGiven() throws {
        let pixels = PNGEncoderTests.sampleImage(width: 32, height: 32, channels: 3)
        let image = try ImageData(pixels: pixels, width: 32, height: 32, channels: 3)
        let stored = try ImageSummary.value(tag: "x", images: [image], encoder: PNGEncoder(compressionLevel: 0))
        let compressed = try ImageSummary.value(tag: "x", images: [image], encoder: PNGEncoder(compressionLevel: 9))
        let storedPNG = try #require(Self.tensor(of: stored)?.stringValues[2])
        let compressedPNG = try #require(Self.tensor(of: compressed)?.stringValues[2])
        #expect(storedPNG.count > compressedPNG.count)
        #expect(try PNGTestDecoder.decode(storedPNG).pixels == PNGTestDecoder.decode(compressedPNG).pixels)
    }

    @Test func rejectsAnEmptyBatch() {
        #expect(
            throws: SummaryWriterError.invalidInput(
                "image summary 'empty' needs at least one image, but none were given")
        ) {
            try ImageSummary.value(tag: "empty", images: [], encoder: PNGEncoder())
        }
    }

    @Test func rejectsImagesOfDifferentSizes() throws {
        let small = try ImageData(pixels: [UInt8](repeating: 0, count: 6), width: 3, height: 2)
        let wide = try ImageData(pixels: [UInt8](repeating: 0, count: 8), width: 4, height: 2)
        #expect(
            throws: SummaryWriterError.invalidInput(
                "images in one summary must share one size, but in 'mixed' image 0 is 3 × 2 and image 2 is 4 × 2 "
                    + "(width × height)")
        ) {
            try ImageSummary.value(tag: "mixed", images: [small, small, wide], encoder: PNGEncoder())
        }
        let tall = try ImageData(pixels: [UInt8](repeating: 0, count: 6), width: 2, height: 3)
        #expect(throws: SummaryWriterError.self) {
            try ImageSummary.value(tag: "transposed", images: [small, tall], encoder: PNGEncoder())
        }
    }
}
