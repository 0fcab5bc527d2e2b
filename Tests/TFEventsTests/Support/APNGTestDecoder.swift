import TestSupport
@testable import TFEvents

/// An animated PNG taken apart by ``APNGTestDecoder``.
struct DecodedAPNG {
    /// One frame: its `fcTL` fields and its pixels, composed onto nothing (every frame we write
    /// covers the whole image).
    struct Frame: Equatable {
        var sequenceNumber: UInt32
        var width: Int
        var height: Int
        var xOffset: Int
        var yOffset: Int
        var delayNumerator: UInt16
        var delayDenominator: UInt16
        var disposeOp: UInt8
        var blendOp: UInt8
        /// The unfiltered pixels of the frame's region, HWC.
        var pixels: [UInt8]
    }

    /// The still image: what a decoder without APNG support shows.
    var still: DecodedPNG
    /// `acTL`'s frame count.
    var declaredFrameCount: Int
    /// `acTL`'s play count; 0 loops forever.
    var playCount: UInt32
    var frames: [Frame]
    /// The sequence numbers of every `fcTL` and `fdAT` chunk, in file order.
    var sequenceNumbers: [UInt32]
    /// Chunk types in file order.
    var chunkTypes: [String]
}

/// A strict APNG reader written from the specification (https://wiki.mozilla.org/APNG_Specification),
/// independently of ``PNGEncoder``: it checks every CRC, that `acTL` comes before the first
/// `IDAT`, that sequence numbers run 0, 1, 2, ... without gaps over `fcTL` and `fdAT` chunks, that
/// each frame's data comes after its `fcTL`, that the frame count matches `acTL`, and that the
/// frame regions lie inside the image; it inflates each frame's data separately.
enum APNGTestDecoder {
    static func decode(_ bytes: [UInt8]) throws -> DecodedAPNG {
        let still = try PNGTestDecoder.decode(bytes)
        var offset = 8
        var chunkTypes: [String] = []
        var declaredFrameCount = -1
        var playCount: UInt32 = 0
        var sequenceNumbers: [UInt32] = []
        // Per frame: its fcTL data and its concatenated image data.
        var controls: [[UInt8]] = []
        var data: [[UInt8]] = []
        var sawIDAT = false
        while offset < bytes.count {
            let length = Int(PNGTestDecoder.readUInt32(bytes, offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let chunk = Array(bytes[offset + 8..<offset + 8 + length])
            chunkTypes.append(type)
            switch type {
            case "acTL":
                guard !sawIDAT, declaredFrameCount < 0, chunk.count == 8 else { throw failure("misplaced acTL") }
                declaredFrameCount = Int(PNGTestDecoder.readUInt32(chunk, 0))
                playCount = PNGTestDecoder.readUInt32(chunk, 4)
            case "fcTL":
                guard chunk.count == 26 else { throw failure("fcTL of \(chunk.count) bytes") }
                sequenceNumbers.append(PNGTestDecoder.readUInt32(chunk, 0))
                controls.append(chunk)
                data.append([])
            case "IDAT":
                sawIDAT = true
                // The still image is the first frame only when an fcTL precedes the IDATs.
                if controls.count == 1 { data[0] += chunk }
            case "fdAT":
                guard controls.count >= 2, chunk.count >= 4 else { throw failure("fdAT before a second fcTL") }
                sequenceNumbers.append(PNGTestDecoder.readUInt32(chunk, 0))
                data[data.count - 1] += chunk[4...]
            default:
                break
            }
            offset += 12 + length
        }
        guard declaredFrameCount >= 0 else { throw failure("no acTL") }
        guard sequenceNumbers == (0..<UInt32(sequenceNumbers.count)).map({ $0 }) else {
            throw failure("sequence numbers \(sequenceNumbers)")
        }
        guard controls.count == declaredFrameCount else {
            throw failure("acTL declares \(declaredFrameCount) frames, \(controls.count) fcTL chunks found")
        }
        var frames: [DecodedAPNG.Frame] = []
        for (control, zlib) in zip(controls, data) {
            let frameWidth = Int(PNGTestDecoder.readUInt32(control, 4))
            let frameHeight = Int(PNGTestDecoder.readUInt32(control, 8))
            let x = Int(PNGTestDecoder.readUInt32(control, 12))
            let y = Int(PNGTestDecoder.readUInt32(control, 16))
            guard frameWidth >= 1, frameHeight >= 1, x + frameWidth <= still.width, y + frameHeight <= still.height
            else { throw failure("frame region outside the image") }
            let (pixels, _) = try PNGTestDecoder.unfilter(
                zlibStream: zlib, width: frameWidth, height: frameHeight, channels: still.channels)
            frames.append(
                DecodedAPNG.Frame(
                    sequenceNumber: PNGTestDecoder.readUInt32(control, 0), width: frameWidth, height: frameHeight,
                    xOffset: x, yOffset: y,
                    delayNumerator: UInt16(control[20]) << 8 | UInt16(control[21]),
                    delayDenominator: UInt16(control[22]) << 8 | UInt16(control[23]),
                    disposeOp: control[24], blendOp: control[25], pixels: pixels))
        }
        return DecodedAPNG(
            still: still, declaredFrameCount: declaredFrameCount, playCount: playCount, frames: frames,
            sequenceNumbers: sequenceNumbers, chunkTypes: chunkTypes)
    }

    private static func failure(_ description: String) -> PNGTestDecoder.Failure {
        PNGTestDecoder.Failure(description: description)
    }
}
