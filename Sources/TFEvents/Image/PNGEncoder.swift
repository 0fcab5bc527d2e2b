/// A PNG encoder for 8-bit images: gray, gray and alpha, RGB and RGBA.
///
/// Each row gets the PNG filter (None, Sub, Up, Average or Paeth) that minimizes the sum of
/// its bytes taken as signed values (libpng's heuristic, which Pillow uses too, without
/// Average), and the filtered rows go through zlib in one pass. The file holds `IHDR`, the image
/// data in one `IDAT` chunk (several for images whose compressed data passes 1 MiB) and `IEND`;
/// no other chunks, no interlacing.
///
/// ```swift
/// let encoder = PNGEncoder()
/// let png = try encoder.encode(pixels: rgb, width: 256, height: 256, channels: 3)
/// ```
///
/// The encoder holds only its settings, so one value can be shared freely between threads.
public struct PNGEncoder: Sendable, Hashable {
    /// The compression level used when none is given: 4.
    ///
    /// On photographs, screenshots, plots and synthetic images it writes files within about 5%
    /// of Pillow's default (zlib level 6), and smaller ones where the Average filter helps, in
    /// about half Pillow's time or less. `Scripts/bench/png_vs_pillow.py` measures both.
    public static let defaultCompressionLevel = 4

    /// The zlib compression level: 0 stores the filtered rows uncompressed, 1 is fastest and
    /// 9 searches hardest (on noisy photographs it is not always the smallest).
    ///
    /// The levels are zlib's, with `Z_FILTERED` and zlib's largest memory level, as Pillow uses
    /// them, except that levels 4 and 5 let a match search run to the longest match (258 bytes)
    /// instead of stopping at the first of 16 or 32 bytes: images repeat whole rows, and stopping
    /// early made small synthetic images up to 50% larger at no gain in speed on photographs.
    public let compressionLevel: Int

    /// zlib's match-finding strategy. `Z_FILTERED` suits filtered image rows, as in Pillow.
    var strategy: Deflater.Strategy = .filtered
    /// zlib's memory level: 9, its largest, as in Pillow.
    var memoryLevel = 9
    /// The largest `IDAT` chunk written; longer image data is split into several.
    var maxIDATLength = 1 << 20
    /// How each row's filter is chosen; tests force one filter to check each.
    var filterSelection: FilterSelection = .adaptive

    /// Creates an encoder.
    ///
    /// - Parameter compressionLevel: The zlib level, from 0 (no compression) to 9 (smallest,
    ///   slowest); values outside that range are clamped to it. The default,
    ///   ``defaultCompressionLevel``, is faster than Pillow's default at about the same size.
    public init(compressionLevel: Int = PNGEncoder.defaultCompressionLevel) {
        self.compressionLevel = min(max(compressionLevel, 0), 9)
    }

    /// Encodes 8-bit pixels as a PNG file.
    ///
    /// - Parameters:
    ///   - pixels: `height × width × channels` bytes, row by row from the top, each pixel's
    ///     channels together (HWC).
    ///   - width: The number of columns, at least 1.
    ///   - height: The number of rows, at least 1.
    ///   - channels: 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA), with alpha not premultiplied.
    /// - Returns: The bytes of the PNG file.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a size is out of range or
    ///   `pixels` does not hold exactly `height × width × channels` bytes.
    public func encode(pixels: [UInt8], width: Int, height: Int, channels: Int) throws(SummaryWriterError) -> [UInt8] {
        let count = try ImageData.pixelValueCount(width: width, height: height, channels: channels)
        for (name, size) in [("width", width), ("height", height)] where size > Int(Int32.max) {
            throw .invalidInput("image \(name) \(size) is larger than PNG's limit of \(Int32.max)")
        }
        guard pixels.count == count else {
            throw ImageData.countMismatch(width: width, height: height, channels: channels, given: pixels.count)
        }
        return pixels.withUnsafeBytes { encodeChecked($0, width: width, height: height, channels: channels) }
    }

    /// Encodes pixels whose sizes have been checked.
    func encodeChecked(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, channels: Int) -> [UInt8] {
        withFilteredScanlines(pixels, width: width, height: height, channels: channels) { filtered in
            deflater.withCompressed(filtered) { compressed in
                Self.assemble(
                    header: ImageHeader(width: width, height: height, colorType: Self.colorType(channels: channels)),
                    imageData: compressed,
                    maxIDATLength: maxIDATLength)
            }
        }
    }

    /// Calls `body` with the filtered scanlines of pixels whose sizes have been checked: each row
    /// preceded by its filter type, ready for zlib.
    func withFilteredScanlines<Result>(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, channels: Int,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let rowByteCount = width * channels
        let filtered = UnsafeMutableRawBufferPointer.allocate(byteCount: height * (rowByteCount + 1), alignment: 16)
        defer { filtered.deallocate() }
        Self.filterScanlines(
            pixels.baseAddress!.assumingMemoryBound(to: UInt8.self),
            rowByteCount: rowByteCount,
            height: height,
            bytesPerPixel: channels,
            selection: filterSelection,
            into: filtered.baseAddress!.assumingMemoryBound(to: UInt8.self))
        return body(UnsafeRawBufferPointer(filtered))
    }

    /// The zlib settings for ``compressionLevel``.
    var deflater: Deflater {
        // zlib's own table: level 4 is (good 4, lazy 4, nice 16, chain 16), level 5 (8, 16, 32, 32).
        let tuning: Deflater.Tuning? =
            switch compressionLevel {
            case 4: Deflater.Tuning(goodLength: 4, maxLazy: 4, niceLength: 258, maxChain: 16)
            case 5: Deflater.Tuning(goodLength: 8, maxLazy: 16, niceLength: 258, maxChain: 32)
            default: nil
            }
        return Deflater(level: compressionLevel, memoryLevel: memoryLevel, strategy: strategy, tuning: tuning)
    }

    /// PNG's color type for a channel count: 0 gray, 4 gray and alpha, 2 RGB, 6 RGBA.
    static func colorType(channels: Int) -> UInt8 {
        switch channels {
        case 1: 0
        case 2: 4
        case 3: 2
        default: 6
        }
    }
}
