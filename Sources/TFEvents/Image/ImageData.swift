/// How the pixel values of an image are ordered in a flat array.
public enum ImageLayout: Sendable, Hashable, CaseIterable {
    /// Height, width, channels: row by row from the top, each pixel's channels together
    /// (interleaved), as image files and TensorFlow store images.
    case hwc
    /// Channels, height, width: one whole plane per channel, as PyTorch stores images.
    case chw
    /// Height, width: a grayscale image, one value per pixel.
    case hw
}

/// One image to log: pixels to be encoded as PNG, or a PNG, JPEG or GIF file as it is.
///
/// Pixels may be bytes (0 to 255) or floating-point values in `[0, 1]`, in any ``ImageLayout``,
/// with 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA) channels. Either way the image is
/// kept as 8-bit interleaved pixels until it is written.
///
/// ```swift
/// let image = try ImageData(pixels: rgb, width: 64, height: 32, channels: 3)
/// let plot = try ImageData(pixels: probabilities, width: 28, height: 28, layout: .hw)
/// let photo = try ImageData(encoded: jpegBytes)
/// ```
public struct ImageData: Sendable, Hashable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// The number of channels: for pixels, as given; for an encoded file, as its header says
    /// (a PNG's color type, a JPEG's component count, 3 for a GIF).
    public let channels: Int

    let storage: Storage

    /// What the image holds.
    enum Storage: Sendable, Hashable {
        /// `height × width × channels` bytes in HWC order.
        case pixels([UInt8])
        /// A complete image file, written as it is.
        case encoded([UInt8], EncodedFormat)
    }

    /// The file formats TensorBoard shows.
    enum EncodedFormat: Sendable, Hashable {
        case png, jpeg, gif
    }

    /// Creates an image from 8-bit pixel values.
    ///
    /// - Parameters:
    ///   - pixels: `height × width × channels` values ordered as `layout` says.
    ///   - width: The number of columns, at least 1.
    ///   - height: The number of rows, at least 1.
    ///   - channels: 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA); must be 1 for ``ImageLayout/hw``.
    ///   - layout: The order of `pixels`; HWC by default.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a size is out of range or does
    ///   not match the number of values.
    public init(
        pixels: [UInt8], width: Int, height: Int, channels: Int = 1, layout: ImageLayout = .hwc
    ) throws(SummaryWriterError) {
        try Self.check(count: pixels.count, width: width, height: height, channels: channels, layout: layout)
        let interleaved = layout == .chw && channels > 1 ? Self.interleave(pixels, channels: channels) : pixels
        self.init(width: width, height: height, channels: channels, storage: .pixels(interleaved))
    }

    /// Creates an image from `Float` pixel values in `[0, 1]`.
    ///
    /// Each value is clipped to `[0, 1]`, multiplied by 255 and rounded to the nearest byte
    /// (halves away from zero: 0.5 becomes 128). NaN becomes 0; infinities clip to 0 and 255.
    ///
    /// - Parameters:
    ///   - pixels: `height × width × channels` values ordered as `layout` says.
    ///   - width: The number of columns, at least 1.
    ///   - height: The number of rows, at least 1.
    ///   - channels: 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA); must be 1 for ``ImageLayout/hw``.
    ///   - layout: The order of `pixels`; HWC by default.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a size is out of range or does
    ///   not match the number of values.
    public init(
        pixels: [Float], width: Int, height: Int, channels: Int = 1, layout: ImageLayout = .hwc
    ) throws(SummaryWriterError) {
        try self.init(floatingPoint: pixels, width: width, height: height, channels: channels, layout: layout)
    }

    /// Creates an image from `Double` pixel values in `[0, 1]`.
    ///
    /// Each value is clipped to `[0, 1]`, multiplied by 255 and rounded to the nearest byte
    /// (halves away from zero: 0.5 becomes 128). NaN becomes 0; infinities clip to 0 and 255.
    ///
    /// - Parameters:
    ///   - pixels: `height × width × channels` values ordered as `layout` says.
    ///   - width: The number of columns, at least 1.
    ///   - height: The number of rows, at least 1.
    ///   - channels: 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA); must be 1 for ``ImageLayout/hw``.
    ///   - layout: The order of `pixels`; HWC by default.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a size is out of range or does
    ///   not match the number of values.
    public init(
        pixels: [Double], width: Int, height: Int, channels: Int = 1, layout: ImageLayout = .hwc
    ) throws(SummaryWriterError) {
        try self.init(floatingPoint: pixels, width: width, height: height, channels: channels, layout: layout)
    }

    /// Creates an image from a complete PNG, JPEG or GIF file, which is logged byte for byte.
    ///
    /// The width, height and channel count are read from the file's header: the PNG `IHDR`
    /// chunk, the JPEG start-of-frame (SOF*n*) segment, or the GIF logical screen descriptor.
    /// The rest of the file is not checked.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when the bytes are not a PNG,
    ///   JPEG or GIF file, when the header is cut short, or when it gives a zero size.
    public init(encoded bytes: [UInt8]) throws(SummaryWriterError) {
        let header = try EncodedImageHeader(bytes)
        self.init(
            width: header.width, height: header.height, channels: header.channels,
            storage: .encoded(bytes, header.format))
    }

    private init(width: Int, height: Int, channels: Int, storage: Storage) {
        self.width = width
        self.height = height
        self.channels = channels
        self.storage = storage
    }

    private init<Element: BinaryFloatingPoint>(
        floatingPoint pixels: [Element], width: Int, height: Int, channels: Int, layout: ImageLayout
    ) throws(SummaryWriterError) {
        try Self.check(count: pixels.count, width: width, height: height, channels: channels, layout: layout)
        let bytes = Self.quantize(pixels, channels: channels, planar: layout == .chw)
        self.init(width: width, height: height, channels: channels, storage: .pixels(bytes))
    }

    /// The image as a PNG, JPEG or GIF file (pixels are encoded with `encoder`), with its size.
    func encoded(with encoder: PNGEncoder) throws(SummaryWriterError) -> (bytes: [UInt8], width: Int, height: Int) {
        switch storage {
        case .pixels(let pixels):
            let png = try encoder.encode(pixels: pixels, width: width, height: height, channels: channels)
            return (png, width, height)
        case .encoded(let bytes, _):
            return (bytes, width, height)
        }
    }
}

// MARK: - Conversion

extension ImageData {
    /// Maps a value in `[0, 1]` to a byte: clipped, scaled by 255, rounded half away from zero;
    /// NaN gives 0.
    @inline(__always)
    static func quantize<Element: BinaryFloatingPoint>(_ value: Element) -> UInt8 {
        guard !value.isNaN else { return 0 }
        let clipped = min(max(value, 0), 1)
        return UInt8((clipped * 255).rounded(.toNearestOrAwayFromZero))
    }

    /// Quantizes `values` to bytes, reordering them from CHW to HWC when `planar` is true.
    static func quantize<Element: BinaryFloatingPoint>(_ values: [Element], channels: Int, planar: Bool) -> [UInt8] {
        let planeSize = values.count / channels
        var bytes = [UInt8](repeating: 0, count: values.count)
        if planar {
            for channel in 0..<channels {
                for pixel in 0..<planeSize {
                    bytes[pixel * channels + channel] = quantize(values[channel * planeSize + pixel])
                }
            }
        } else {
            for index in values.indices {
                bytes[index] = quantize(values[index])
            }
        }
        return bytes
    }

    /// Reorders CHW `values` into HWC.
    static func interleave(_ values: [UInt8], channels: Int) -> [UInt8] {
        let planeSize = values.count / channels
        var bytes = [UInt8](repeating: 0, count: values.count)
        for channel in 0..<channels {
            for pixel in 0..<planeSize {
                bytes[pixel * channels + channel] = values[channel * planeSize + pixel]
            }
        }
        return bytes
    }
}

// MARK: - Checking sizes

extension ImageData {
    /// Checks sizes and layout against the number of values given.
    static func check(
        count: Int, width: Int, height: Int, channels: Int, layout: ImageLayout
    ) throws(SummaryWriterError) {
        if layout == .hw && channels != 1 {
            throw .invalidInput("layout .hw is grayscale with 1 channel, but channels is \(channels)")
        }
        let expected = try pixelValueCount(width: width, height: height, channels: channels)
        guard count == expected else {
            throw countMismatch(width: width, height: height, channels: channels, given: count)
        }
    }

    /// `height × width × channels`, after checking that each is in range and the product fits in `Int`.
    static func pixelValueCount(width: Int, height: Int, channels: Int) throws(SummaryWriterError) -> Int {
        guard width > 0 else { throw .invalidInput("image width must be at least 1, but it is \(width)") }
        guard height > 0 else { throw .invalidInput("image height must be at least 1, but it is \(height)") }
        guard (1...4).contains(channels) else {
            throw .invalidInput(
                "an image must have 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA) channels, "
                    + "but it has \(channels)")
        }
        let (area, areaOverflow) = height.multipliedReportingOverflow(by: width)
        let (count, countOverflow) = area.multipliedReportingOverflow(by: channels)
        guard !areaOverflow, !countOverflow else {
            throw .invalidInput(
                "image size height \(height) × width \(width) × \(channels) channels is too large to address")
        }
        return count
    }

    /// The error for a buffer whose length does not match the sizes.
    static func countMismatch(width: Int, height: Int, channels: Int, given: Int) -> SummaryWriterError {
        let expected = height * width * channels
        let plural = channels == 1 ? "channel" : "channels"
        return .invalidInput(
            "an image of height \(height) × width \(width) × \(channels) \(plural) needs \(expected) pixel values, "
                + "but \(given) were given")
    }
}
