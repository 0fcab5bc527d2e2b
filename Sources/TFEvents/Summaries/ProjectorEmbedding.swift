/// One `embeddings` block of a `projector_config.pbtxt` (`tensorboard.EmbeddingInfo` in protobuf
/// text format), which tells the projector where an embedding's files are (EventFileFormat.md
/// §7.10).
///
/// A configuration file is a sequence of such blocks, so a new embedding is added by appending
/// its block; the projector reads the file with protobuf's text parser.
struct ProjectorEmbedding: Sendable, Hashable {
    /// The name the projector lists the embedding under and its routes take (`tensor_name`).
    var tensorName: String
    /// `tensors.tsv`, relative to the configuration's directory (`tensor_path`).
    var tensorPath: String
    /// The number of points and of dimensions (`tensor_shape`). The projector would measure
    /// them from the file too; given, they save nothing but are shown by its `info` route.
    var rows: Int
    var columns: Int
    /// `metadata.tsv`, relative to the configuration's directory, if there are labels.
    var metadataPath: String?
    /// The sprite, relative to the configuration's directory, and its thumbnail size.
    var sprite: Sprite?

    /// `SpriteMetadata`.
    struct Sprite: Sendable, Hashable {
        var imagePath: String
        var width: Int
        var height: Int
    }

    /// The block in text format, ending with a newline.
    var textFormat: String {
        var text = "embeddings {\n"
        text += "  tensor_name: \(Self.quoted(tensorName))\n"
        text += "  tensor_path: \(Self.quoted(tensorPath))\n"
        text += "  tensor_shape: \(rows)\n  tensor_shape: \(columns)\n"
        if let metadataPath { text += "  metadata_path: \(Self.quoted(metadataPath))\n" }
        if let sprite {
            text += "  sprite {\n    image_path: \(Self.quoted(sprite.imagePath))\n"
            text += "    single_image_dim: \(sprite.width)\n    single_image_dim: \(sprite.height)\n  }\n"
        }
        return text + "}\n"
    }

    /// `text` as a text-format string literal: printable ASCII as it is, with `"`, `'` and `\`
    /// escaped; tab, line feed and carriage return as `\t`, `\n` and `\r`; every other byte of
    /// its UTF-8 as a three-digit octal escape, which is how protobuf's own printers write it
    /// and which its parsers read back as the same UTF-8.
    static func quoted(_ text: String) -> String {
        var quoted = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): quoted += "\\\""
            case UInt8(ascii: "'"): quoted += "\\'"
            case UInt8(ascii: "\\"): quoted += "\\\\"
            case 0x09: quoted += "\\t"
            case 0x0A: quoted += "\\n"
            case 0x0D: quoted += "\\r"
            case 0x20...0x7E: quoted.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let octal = String(byte, radix: 8)
                quoted += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return quoted + "\""
    }
}
