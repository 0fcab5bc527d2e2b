import Foundation
import Testing
import TestSupport

@testable import TFEvents

@Suite struct EmbeddingTests {
    static func text(_ path: String) -> String {
        String(decoding: readFile(path), as: UTF8.self)
    }

    static func error(_ body: () throws(SummaryWriterError) -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func writesTensorBoardXsLayoutAndAConfigBlock() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        let matrix: [[Float]] = [[0.1, -2, 3e-8], [4, 5.5, 6], [1e10, 0, -0.0]]
        try writer.addEmbedding("words", matrix, labels: ["a", "b", "c"], step: 3)
        try writer.close()

        let root = directory.path
        #expect(Self.text(root + "/00003/words/tensors.tsv") == "0.1\t-2.0\t3e-08\n4.0\t5.5\t6.0\n1e+10\t0.0\t-0.0\n")
        #expect(Self.text(root + "/00003/words/metadata.tsv") == "a\nb\nc\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/00003/words/sprite.png"))
        #expect(Self.text(root + "/projector_config.pbtxt") == """
            embeddings {
              tensor_name: "words:00003"
              tensor_path: "00003/words/tensors.tsv"
              tensor_shape: 3
              tensor_shape: 3
              metadata_path: "00003/words/metadata.tsv"
            }

            """)
    }

    @Test func doublesAreWrittenInFullAndFloat16Exactly() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        try writer.addEmbedding("d", [[0.1, 1.0 / 3.0]])
        try writer.addEmbedding("h", [[Float16(0.1), Float16(2)]])
        #expect(Self.text(directory.path + "/00000/d/tensors.tsv") == "0.1\t0.3333333333333333\n")
        #expect(Self.text(directory.path + "/00000/h/tensors.tsv") == "0.0999755859375\t2.0\n")
        #expect(!Self.text(directory.path + "/projector_config.pbtxt").contains("metadata_path"))
    }

    @Test func severalColumnsHaveAHeaderAndUntrustedTextStaysInItsCell() throws {
        let columns: [(name: String, values: [String])] = [
            ("word", ["tab\there", "line\nbreak", "back\\slash", "", "  "]),
            ("note", ["cr\r", "ok", "", "", "\u{FEFF}"]),
        ]
        let bytes = try EmbeddingTSV.metadata(columns, rows: 5, tag: "t")
        #expect(String(decoding: bytes, as: UTF8.self) == """
            word\tnote
            tab\\there\tcr\\r
            line\\nbreak\tok
            back\\\\slash\t
            ""\t
            "  "\t\u{FEFF}

            """)
        // One column: no header, and a value that would make a blank line is quoted.
        let single = try EmbeddingTSV.metadata([("label", ["a\tb", "", " x "])], rows: 3, tag: "t")
        #expect(String(decoding: single, as: UTF8.self) == "a\\tb\n\"\"\n x \n")
        // A blank header is quoted too, or the first point's line would become the header.
        let header = try EmbeddingTSV.metadata([("", ["1"]), (" ", ["2"])], rows: 1, tag: "t")
        #expect(String(decoding: header, as: UTF8.self) == "\"\"\t \n1\t2\n")
    }

    @Test func composesASquareSprite() throws {
        // Five 2×1 images: a 3×3 grid of 6×3 pixels, the last four cells empty.
        let gray = try ImageData(pixels: [UInt8]([10, 20]), width: 2, height: 1)
        let rgb = try ImageData(pixels: [UInt8]([1, 2, 3, 4, 5, 6]), width: 2, height: 1, channels: 3)
        let sheet = try SpriteSheet([gray, rgb, gray, rgb, gray], tag: "t")
        #expect(sheet.gridSide == 3 && sheet.width == 6 && sheet.height == 3 && sheet.channels == 3)
        #expect(sheet.pixels == [
            10, 10, 10, 20, 20, 20, 1, 2, 3, 4, 5, 6, 10, 10, 10, 20, 20, 20,
            1, 2, 3, 4, 5, 6, 10, 10, 10, 20, 20, 20, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ])
        // Alpha anywhere gives the sheet alpha; images without it are opaque.
        let grayAlpha = try ImageData(pixels: [UInt8]([7, 100]), width: 1, height: 1, channels: 2)
        let plain = try ImageData(pixels: [UInt8]([9]), width: 1, height: 1)
        let alphaSheet = try SpriteSheet([grayAlpha, plain], tag: "t")
        #expect(alphaSheet.channels == 2 && alphaSheet.gridSide == 2)
        #expect(alphaSheet.pixels == [7, 100, 9, 255, 0, 0, 0, 0])
        #expect(try SpriteSheet([plain], tag: "t").gridSide == 1)
        #expect(try SpriteSheet(Array(repeating: plain, count: 16), tag: "t").gridSide == 4)
        #expect(try SpriteSheet(Array(repeating: plain, count: 17), tag: "t").gridSide == 5)
    }

    @Test func writesTheSpriteAsPNGAndNamesItsThumbnailSize() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        let images = try (0..<3).map { index in
            try ImageData(pixels: [UInt8](repeating: UInt8(index * 50), count: 4 * 3 * 3), width: 4, height: 3, channels: 3)
        }
        try writer.addEmbedding(
            "a/b", [[1, 2], [3, 4], [5, 6]], metadata: [("x", ["1", "2", "3"]), ("y", ["4", "5", "6"])],
            labelImages: images, step: 12)
        let sprite = try PNGTestDecoder.decode(readFile(directory.path + "/00012/a%2Fb/sprite.png"))
        #expect(sprite.width == 8 && sprite.height == 6 && sprite.channels == 3)
        #expect(Array(sprite.pixels[(3 * 8 + 0) * 3..<(3 * 8 + 1) * 3]) == [100, 100, 100])
        #expect(Self.text(directory.path + "/projector_config.pbtxt").contains("""
              sprite {
                image_path: "00012/a%2Fb/sprite.png"
                single_image_dim: 4
                single_image_dim: 3
              }
            """))
        #expect(Self.text(directory.path + "/00012/a%2Fb/metadata.tsv") == "x\ty\n1\t4\n2\t5\n3\t6\n")
    }

    @Test func namesStayInsideTheRunDirectory() {
        #expect(EmbeddingFiles.tagDirectory("..") == "%2E.")
        #expect(EmbeddingFiles.tagDirectory(".hidden/x y") == "%2Ehidden%2Fx%20y")
        #expect(EmbeddingFiles.tagDirectory("é") == "%C3%A9")
        #expect(EmbeddingFiles.tagDirectory("ok-1_a.b") == "ok-1_a.b")
        let long = EmbeddingFiles.tagDirectory(String(repeating: "é", count: 100))
        #expect(long.utf8.count == EmbeddingFiles.maximumDirectoryNameLength)
        #expect(long != EmbeddingFiles.tagDirectory(String(repeating: "é", count: 101)))
        #expect(EmbeddingFiles.stepDirectory(0) == "00000")
        #expect(EmbeddingFiles.stepDirectory(42) == "00042")
        #expect(EmbeddingFiles.stepDirectory(123456) == "123456")
        #expect(EmbeddingFiles.stepDirectory(-1) == "-0001")
        #expect(EmbeddingFiles.stepDirectory(Int64.min) == "-9223372036854775808")
        #expect(EmbeddingFiles.tensorName(tag: "w", step: 7) == "w:00007")
    }

    @Test func quotesNamesInTextFormat() {
        #expect(ProjectorEmbedding.quoted("a\"b'c\\d\te\nf") == "\"a\\\"b\\'c\\\\d\\te\\nf\"")
        #expect(ProjectorEmbedding.quoted("é") == "\"\\303\\251\"")
        #expect(ProjectorEmbedding.quoted("\u{1}") == "\"\\001\"")
    }

    @Test func refusesBadInputAndWritesNothing() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        let image = try ImageData(pixels: [UInt8]([0]), width: 1, height: 1)
        let wide = try ImageData(pixels: [UInt8]([0, 0]), width: 2, height: 1)
        let encoded = try ImageData(encoded: Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B])
        func attempt(_ body: () throws(SummaryWriterError) -> Void) -> String { Self.error(body) }

        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[Float]]()) }
            == "embedding 'e' needs at least one point of at least one dimension, but the matrix is empty")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[Float]()]) }
            == "embedding 'e' needs at least one point of at least one dimension, but the matrix is made of empty rows")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0, 2], [3]]) }
            == "the rows of embedding 'e' must have the same length, but row 0 has 2 values and row 1 has 1")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0], [.infinity]]) }
            == "value [1, 0] of embedding 'e' is inf, which is not finite as a 32-bit float (the projector reads 32-bit floats)")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1e39]]) }
            .hasPrefix("value [0, 0] of embedding 'e' is 1e+39, which is not finite"))
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[Float.nan]]) }
            .hasPrefix("value [0, 0] of embedding 'e' is nan"))
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0]], labels: ["a", "b"]) }
            == "embedding 'e' has 1 points, but its metadata column 'label' has 2 values; give one value per point")
        #expect(attempt { () throws(SummaryWriterError) in
            try writer.addEmbedding("e", [[1.0]], metadata: [("a", ["x"]), ("a", ["y"])])
        } == "the metadata columns of embedding 'e' must have distinct names, but 'a' appears twice (the projector would keep only one)")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0]], metadata: []) }
            == "the metadata of embedding 'e' needs at least one column, but none were given")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0], [2]], labelImages: [image]) }
            == "embedding 'e' has 2 points but 1 label images; give one image per point")
        #expect(attempt { () throws(SummaryWriterError) in
            try writer.addEmbedding("e", [[1.0], [2]], labelImages: [image, wide])
        } == "the label images of embedding 'e' must share one size, but image 0 is 1 × 1 and image 1 is 2 × 1 (width × height)")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0]], labelImages: [encoded]) }
            == "label image 0 of embedding 'e' is an encoded file; a sprite is composed from pixels, so give its pixels instead")
        let big = try ImageData(pixels: [UInt8](repeating: 0, count: 3000), width: 3000, height: 1)
        #expect(attempt { () throws(SummaryWriterError) in
            try writer.addEmbedding("e", [[1.0], [2], [3], [4], [5]], labelImages: Array(repeating: big, count: 5))
        }.hasSuffix("larger than the 8192 × 8192 pixels the projector shows; use smaller images"))
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("", [[1.0]]) }
            == "an embedding needs a tag, but the tag given is empty")
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[1.0]], step: UInt64.max) }
            .hasPrefix("the step 18446744073709551615 is outside the range"))

        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.allSatisfy { $0.contains("tfevents") })

        try writer.addEmbedding("e", [[1.0]], step: 1)
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("e", [[2.0]], step: 1) }
            == "\(directory.path)/00001/e: embedding 'e' at step 1 was already written in this run; each tag and step can be written once")
        try writer.close()
        #expect(attempt { () throws(SummaryWriterError) in try writer.addEmbedding("f", [[1.0]]) }
            == "\(writer.path): the summary writer is closed")
    }

    @Test func concurrentWritersOfOneRunKeepEveryBlock() throws {
        let directory = TemporaryDirectory()
        let writers = try (0..<4).map { _ in try SummaryWriter(logdir: directory.path) }
        // A configuration edited by hand, without its last newline, is extended, not corrupted.
        try Data("model_checkpoint_path: \"x\"".utf8).write(to: URL(fileURLWithPath: directory.path + "/projector_config.pbtxt"))
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            try! writers[index % 4].addEmbedding("e\(index)", [[Double(index)]], labels: ["\(index)"], step: index)
        }
        for writer in writers { try writer.close() }
        let config = Self.text(directory.path + "/projector_config.pbtxt")
        #expect(config.hasPrefix("model_checkpoint_path: \"x\"\nembeddings {\n"))
        for index in 0..<40 {
            #expect(config.contains("tensor_name: \"e\(index):\(EmbeddingFiles.stepDirectory(Int64(index)))\""))
        }
        #expect(config.components(separatedBy: "embeddings {").count == 41)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
