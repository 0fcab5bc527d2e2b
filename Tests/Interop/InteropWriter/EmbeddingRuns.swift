import Foundation
import TFEvents

/// Embedding runs for the projector: labels that need escaping (tabs, line breaks, backslashes,
/// an empty one), several metadata columns with thumbnails, a tag that must be percent-encoded,
/// `Double` and `Float16` matrices, and two writers of one run adding embeddings while both are
/// open. Each run also gets a scalar, so that both loaders list it as a run.
///
/// The manifest holds, per embedding (by tensor name), the paths the configuration must give,
/// the float32 values the projector must serve, the metadata cells the projector's parser must
/// find (escaped as the library escapes them), and the label images the sprite must show.
func writeEmbeddingRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_500.0

    func image(_ pixels: [UInt8], width: Int, height: Int, channels: Int) -> JSON {
        .object([
            ("width", .int(Int64(width))), ("height", .int(Int64(height))), ("channels", .int(Int64(channels))),
            ("pixels", .array(pixels.map { .int(Int64($0)) })),
        ])
    }

    func record(
        run: String, tag: String, step: Int64, values: [[Float]], columns: [String]?, rows: [[String]]?,
        images: [JSON]?
    ) {
        let stepName = step < 0 ? String(step) : String(repeating: "0", count: max(0, 5 - String(step).count)) + String(step)
        let directory = stepName + "/" + tag.utf8.map { byte -> String in
            let scalar = Unicode.Scalar(byte)
            return byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_".unicodeScalars.contains(scalar))
                ? String(scalar) : String(format: "%%%02X", byte)
        }.joined()
        var item: [(String, JSON)] = [
            ("tensor_path", .string(directory + "/tensors.tsv")),
            ("shape", .array([.int(Int64(values.count)), .int(Int64(values[0].count))])),
            ("values", .array(values.map { .array($0.map { .number(Double($0)) }) })),
        ]
        if let rows {
            item.append(("metadata_path", .string(directory + "/metadata.tsv")))
            item.append(("columns", columns.map { .array($0.map { .string($0) }) } ?? .null))
            item.append(("rows", .array(rows.map { .array($0.map { .string($0) }) })))
        }
        if let images {
            item.append(("sprite_path", .string(directory + "/sprite.png")))
            item.append(("images", .array(images)))
        }
        manifest.append(run: run, section: "embeddings", tag: tag + ":" + stepName, .object(item))
    }

    func marker(_ writer: SummaryWriter, run: String, step: Int64) throws {
        try writer.addScalar("embedding/marker", Double(step), step: step, wallTime: base + Double(step))
        manifest.addScalar(run: run, tag: "embedding/marker", wallTime: base + Double(step), step: step, value: Double(step))
    }

    // 1. Words: labels that need escaping (one column, no header); then, at a later step, Doubles
    //    with two columns and RGB thumbnails. A second writer of the same run, open at the same
    //    time, adds its own embedding: the configuration keeps all three blocks.
    do {
        let run = "projector/words"
        let writer = try SummaryWriter(logdir: logdir + "/" + run)
        let other = try SummaryWriter(logdir: logdir + "/" + run)
        let words = ["plain", "tab\there", "line\nbreak", "back\\slash", "", "ünïcödé 😀"]
        let shown = ["plain", "tab\\there", "line\\nbreak", "back\\\\slash", "\"\"", "ünïcödé 😀"]
        let vectors: [[Float]] = (0..<6).map { row in (0..<4).map { Float(row) * 0.1 + Float($0) / 3 - 0.5 } }
        try writer.addEmbedding("words", vectors, labels: words, step: 0)
        record(run: run, tag: "words", step: 0, values: vectors, columns: nil, rows: shown.map { [$0] }, images: nil)

        let doubles: [[Double]] = (0..<6).map { row in (0..<4).map { sin(Double(row * 4 + $0)) * 1e3 } }
        var thumbnails: [ImageData] = []
        var expectedImages: [JSON] = []
        for index in 0..<6 {
            let pixels = (0..<(8 * 8 * 3)).map { UInt8(truncatingIfNeeded: $0 * 7 + index * 40) }
            thumbnails.append(try ImageData(pixels: pixels, width: 8, height: 8, channels: 3))
            expectedImages.append(image(pixels, width: 8, height: 8, channels: 3))
        }
        let lengths = words.map { String($0.count) }
        try writer.addEmbedding(
            "words", doubles, metadata: [("word", words), ("length", lengths)], labelImages: thumbnails, step: 5)
        record(
            run: run, tag: "words", step: 5, values: doubles.map { $0.map { Float($0) } }, columns: ["word", "length"],
            rows: zip(shown, lengths).map { [$0 == "\"\"" ? "" : $0, $1] }, images: expectedImages)

        let single: [[Float]] = [[1, 2], [3, 4], [5, 6]]
        try other.addEmbedding("other", single, step: 2)
        record(run: run, tag: "other", step: 2, values: single, columns: nil, rows: nil, images: nil)

        try marker(writer, run: run, step: 0)
        try marker(other, run: run, step: 1)
        try writer.close()
        try other.close()
        manifest.addFile(run: run, path: writer.path)
        manifest.addFile(run: run, path: other.path)
    }

    // 2. A tag with a slash, spaces and parentheses; Float16 values; gray and gray-alpha thumbnails
    //    of 5 × 7 (a 4 × 4 grid for ten points, the sheet gray with alpha).
    do {
        let run = "projector/digits"
        let writer = try SummaryWriter(logdir: logdir + "/" + run)
        let halves: [[Float16]] = (0..<10).map { row in (0..<3).map { Float16(Float(row) - Float($0) * 0.25) } }
        var thumbnails: [ImageData] = []
        var expectedImages: [JSON] = []
        for index in 0..<10 {
            let channels = index % 3 == 0 ? 2 : 1
            let pixels = (0..<(5 * 7 * channels)).map { UInt8(truncatingIfNeeded: $0 * 3 + index * 25) }
            thumbnails.append(try ImageData(pixels: pixels, width: 5, height: 7, channels: channels))
            expectedImages.append(image(pixels, width: 5, height: 7, channels: channels))
        }
        let labels = (0..<10).map { String($0) }
        try writer.addEmbedding("digits/test (10)", halves, labels: labels, labelImages: thumbnails, step: 123_456)
        record(
            run: run, tag: "digits/test (10)", step: 123_456, values: halves.map { $0.map { Float($0) } }, columns: nil,
            rows: labels.map { [$0] }, images: expectedImages)
        try marker(writer, run: run, step: 0)
        try writer.close()
        manifest.addFile(run: run, path: writer.path)
    }
}
