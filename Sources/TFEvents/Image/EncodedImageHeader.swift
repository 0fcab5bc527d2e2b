/// The size of an encoded image, read from its header: PNG `IHDR`, JPEG SOF*n*, GIF screen
/// descriptor. Only as much of the file is read as these need.
struct EncodedImageHeader: Hashable {
    var format: ImageData.EncodedFormat
    var width: Int
    var height: Int
    var channels: Int

    /// Reads the header of `bytes`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when the bytes are none of the
    ///   three formats, the header is cut short or malformed, or it gives a zero width or height.
    init(_ bytes: [UInt8]) throws(SummaryWriterError) {
        if bytes.starts(with: PNGEncoder.signature) {
            self = try Self.png(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            self = try Self.jpeg(bytes)
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            self = try Self.gif(bytes)
        } else if bytes.isEmpty {
            throw .invalidInput("the encoded image is empty; expected a PNG, JPEG or GIF file")
        } else {
            let start = bytes.prefix(8).map { hex($0) }.joined(separator: " ")
            throw .invalidInput("the encoded image is not a PNG, JPEG or GIF file (it starts with \(start))")
        }
        guard width > 0, height > 0 else {
            throw .invalidInput("the \(format.name) header gives a size of \(width) × \(height) (width × height)")
        }
    }

    private init(_ format: ImageData.EncodedFormat, width: Int, height: Int, channels: Int) {
        self.format = format
        self.width = width
        self.height = height
        self.channels = channels
    }

    /// Signature, then the `IHDR` chunk: length 13, type, width, height (big-endian), bit depth,
    /// color type, ...
    private static func png(_ bytes: [UInt8]) throws(SummaryWriterError) -> EncodedImageHeader {
        let ihdrEnd = 8 + 8 + 13 + 4
        guard bytes.count >= ihdrEnd else {
            throw .invalidInput("the PNG file is cut short: \(bytes.count) bytes, less than its IHDR chunk needs")
        }
        guard bigEndian32(bytes, at: 8) == 13, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw .invalidInput("the PNG file does not start with a 13-byte IHDR chunk")
        }
        let channels: Int
        switch bytes[25] {
        case 0: channels = 1
        case 2, 3: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        case let other: throw .invalidInput("the PNG file has an unknown color type \(other)")
        }
        return EncodedImageHeader(
            .png, width: Int(bigEndian32(bytes, at: 16)), height: Int(bigEndian32(bytes, at: 20)), channels: channels)
    }

    /// Segments after SOI (`FF D8`): each is `FF`, a marker byte and (except for the standalone
    /// markers) a big-endian length that counts itself. The first SOF*n* segment holds precision,
    /// height, width and the component count.
    private static func jpeg(_ bytes: [UInt8]) throws(SummaryWriterError) -> EncodedImageHeader {
        let cutShort = SummaryWriterError.invalidInput("the JPEG file is cut short before its frame header (SOF)")
        var offset = 2
        while true {
            guard offset < bytes.count else { throw cutShort }
            guard bytes[offset] == 0xFF else {
                throw .invalidInput("the JPEG file has no marker at byte \(offset) (found 0x\(hex(bytes[offset])))")
            }
            // Any number of 0xFF fill bytes may come before the marker byte.
            while offset < bytes.count && bytes[offset] == 0xFF { offset += 1 }
            guard offset < bytes.count else { throw cutShort }
            let marker = bytes[offset]
            offset += 1
            switch marker {
            case 0x01, 0xD0...0xD7:
                continue  // TEM and RSTn stand alone
            case 0xD9, 0xDA:
                throw .invalidInput("the JPEG file has no frame header (SOF) before its image data")
            default:
                break
            }
            guard offset + 2 <= bytes.count else { throw cutShort }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            guard length >= 2 else {
                throw .invalidInput("the JPEG file has a segment of impossible length \(length) at byte \(offset)")
            }
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isStartOfFrame {
                // length, precision, height (2), width (2), component count
                guard length >= 8 else {
                    throw .invalidInput("the JPEG frame header (SOF) is too short: \(length) bytes")
                }
                guard offset + 8 <= bytes.count else { throw cutShort }
                let height = Int(bytes[offset + 3]) << 8 | Int(bytes[offset + 4])
                let width = Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6])
                return EncodedImageHeader(.jpeg, width: width, height: height, channels: Int(bytes[offset + 7]))
            }
            offset += length
        }
    }

    /// Signature, then the logical screen width and height, little-endian.
    private static func gif(_ bytes: [UInt8]) throws(SummaryWriterError) -> EncodedImageHeader {
        guard bytes.count >= 10 else {
            throw .invalidInput("the GIF file is cut short: \(bytes.count) bytes, less than its 10-byte header")
        }
        let width = Int(bytes[6]) | Int(bytes[7]) << 8
        let height = Int(bytes[8]) | Int(bytes[9]) << 8
        return EncodedImageHeader(.gif, width: width, height: height, channels: 3)
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension ImageData.EncodedFormat {
    var name: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
