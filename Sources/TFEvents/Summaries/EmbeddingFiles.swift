/// Where an embedding's files go in its run directory, laid out as tensorboardX lays them out
/// (EventFileFormat.md §7.10): `<run>/<step, 5 digits>/<tag>/` holding ``tensorFile``,
/// ``metadataFile`` and ``spriteFile``, and one `embeddings` block for it in the run's
/// ``configFile``, with paths relative to the run directory.
enum EmbeddingFiles {
    /// The projector's configuration, in the run directory.
    static let configFile = "projector_config.pbtxt"
    static let tensorFile = "tensors.tsv"
    static let metadataFile = "metadata.tsv"
    static let spriteFile = "sprite.png"

    /// Longer directory names are shortened (see ``tagDirectory(_:)``), well below the 255
    /// bytes file systems allow.
    static let maximumDirectoryNameLength = 120

    /// The step as a directory name, zero-padded to 5 characters like Python's `str.zfill(5)`
    /// (`00042`, `-0001`, `123456`).
    static func stepDirectory(_ step: Int64) -> String {
        let digits = String(step.magnitude)
        let sign = step < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, 5 - sign.count - digits.count)) + digits
    }

    /// The tag as one directory name: bytes other than ASCII letters, digits, `-` and `_` (and a
    /// leading `.`) are percent-encoded, so a tag holding `/`, `..` or any other character
    /// stays one level below the step directory, inside the configuration's directory as the
    /// projector requires. A name longer than ``maximumDirectoryNameLength`` keeps its start
    /// and ends with `~` and a hash of the whole tag.
    static func tagDirectory(_ tag: String) -> String {
        var name = ""
        for (index, byte) in tag.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where index > 0:
                name += "."
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                name += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        if name.isEmpty { return "_" }  // callers refuse empty tags; this keeps the name a name
        guard name.utf8.count > maximumDirectoryNameLength else { return name }
        let hash = String(fnv1a(tag), radix: 16)
        let paddedHash = String(repeating: "0", count: 16 - hash.count) + hash
        return String(name.prefix(maximumDirectoryNameLength - 17)) + "~" + paddedHash
    }

    /// The name the projector shows and its routes take: `<tag>:<step, 5 digits>`, as
    /// tensorboardX names it. The colon keeps the projector from reading it as `name:0`.
    static func tensorName(tag: String, step: Int64) -> String {
        tag + ":" + stepDirectory(step)
    }

    /// 64-bit FNV-1a of the tag's UTF-8: short, stable across runs and platforms.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
