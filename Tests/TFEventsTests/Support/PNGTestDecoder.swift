import TestSupport
@testable import TFEvents

/// A PNG file taken apart by ``PNGTestDecoder``.
struct DecodedPNG: Equatable {
    var width: Int
    var height: Int
    var bitDepth: UInt8
    var colorType: UInt8
    /// Samples per pixel for the color type.
    var channels: Int
    /// The unfiltered pixels, HWC.
    var pixels: [UInt8]
    /// Each row's filter type byte.
    var filterTypes: [UInt8]
    /// Chunk types in file order, e.g. `["IHDR", "IDAT", "IEND"]`.
    var chunkTypes: [String]
}

/// A strict decoder for the 8-bit, non-interlaced PNGs that ``PNGEncoder`` writes: it checks
/// the signature, every chunk's CRC, the IHDR fields and the chunk order, inflates the joined
/// IDAT data with zlib and undoes all five filters.
enum PNGTestDecoder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ bytes: [UInt8]) throws -> DecodedPNG {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Failure(description: "bad signature")
        }
        var offset = 8
        var chunkTypes: [String] = []
        var header: [UInt8] = []
        var imageData: [UInt8] = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "chunk header cut short at \(offset)") }
            let length = Int(readUInt32(bytes, offset))
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "chunk data cut short") }
            let typeBytes = Array(bytes[offset + 4..<offset + 8])
            let type = String(decoding: typeBytes, as: UTF8.self)
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            let storedCRC = readUInt32(bytes, offset + 8 + length)
            let crc = ZlibCRC32.checksum(typeBytes + data)
            guard crc == storedCRC else { throw Failure(description: "\(type) CRC mismatch") }
            chunkTypes.append(type)
            switch type {
            case "IHDR": header = data
            case "IDAT": imageData += data
            default: break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard offset == bytes.count else { throw Failure(description: "bytes after IEND") }
        guard chunkTypes.first == "IHDR", chunkTypes.last == "IEND", header.count == 13 else {
            throw Failure(description: "bad chunk order \(chunkTypes)")
        }
        let width = Int(readUInt32(header, 0))
        let height = Int(readUInt32(header, 4))
        let bitDepth = header[8]
        let colorType = header[9]
        guard bitDepth == 8, header[10] == 0, header[11] == 0, header[12] == 0 else {
            throw Failure(description: "unsupported IHDR \(header)")
        }
        let channelsByColorType: [UInt8: Int] = [0: 1, 2: 3, 4: 2, 6: 4]
        guard let channels = channelsByColorType[colorType] else {
            throw Failure(description: "unsupported color type \(colorType)")
        }
        let (pixels, filterTypes) = try unfilter(
            zlibStream: imageData, width: width, height: height, channels: channels)
        return DecodedPNG(
            width: width, height: height, bitDepth: bitDepth, colorType: colorType, channels: channels,
            pixels: pixels, filterTypes: filterTypes, chunkTypes: chunkTypes)
    }

    /// Inflates one image's zlib stream and undoes the filter of every row: the HWC pixels and
    /// each row's filter type.
    static func unfilter(
        zlibStream imageData: [UInt8], width: Int, height: Int, channels: Int
    ) throws -> (pixels: [UInt8], filterTypes: [UInt8]) {
        guard let filtered = Inflater.inflate(imageData) else { throw Failure(description: "inflate failed") }
        let rowBytes = width * channels
        guard filtered.count == height * (rowBytes + 1) else {
            throw Failure(description: "inflated \(filtered.count) bytes, expected \(height * (rowBytes + 1))")
        }

        var pixels = [UInt8](repeating: 0, count: height * rowBytes)
        var filterTypes: [UInt8] = []
        for y in 0..<height {
            let filter = filtered[y * (rowBytes + 1)]
            filterTypes.append(filter)
            for i in 0..<rowBytes {
                let x = filtered[y * (rowBytes + 1) + 1 + i]
                let a = i >= channels ? Int(pixels[y * rowBytes + i - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * rowBytes + i]) : 0
                let c = y > 0 && i >= channels ? Int(pixels[(y - 1) * rowBytes + i - channels]) : 0
                let prediction: Int
                switch filter {
                case 0: prediction = 0
                case 1: prediction = a
                case 2: prediction = b
                case 3: prediction = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    prediction = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure(description: "bad filter type \(filter) in row \(y)")
                }
                pixels[y * rowBytes + i] = x &+ UInt8(truncatingIfNeeded: prediction)
            }
        }
        return (pixels, filterTypes)
    }

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Deterministic pseudo-random bytes (a 64-bit LCG), so failures reproduce.
struct TestBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in next() }
    }
}
