/// The label images of an embedding composed into one image, the *sprite* the projector cuts
/// thumbnails from (EventFileFormat.md §7.10).
///
/// The thumbnails fill a square grid of `ceil(√n)` × `ceil(√n)` cells row by row from the top
/// left, point `i` in cell `i`, as tensorboardX lays them out; unused cells are zero (black,
/// or transparent when there is alpha). The projector finds a point's cell from its index, the
/// thumbnail size (`single_image_dim`) and the sprite's width.
struct SpriteSheet: Sendable, Hashable {
    /// The largest width and height the projector accepts; it refuses a larger sprite.
    static let maximumSide = 8192

    /// The thumbnail size, every label image's.
    let cellWidth: Int
    let cellHeight: Int
    /// The number of cells across and down.
    let gridSide: Int
    /// The channels of the sheet: gray, gray and alpha, RGB or RGBA, the fewest that hold every
    /// image without loss.
    let channels: Int
    /// `height × width × channels` bytes, interleaved.
    let pixels: [UInt8]

    /// The sheet's size in pixels.
    var width: Int { cellWidth * gridSide }
    var height: Int { cellHeight * gridSide }

    /// Composes `images`, one per point.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there are no images, they
    ///   differ in size, one is an encoded file rather than pixels, or the sheet would be larger
    ///   than the projector shows.
    init(_ images: [ImageData], tag: String) throws(SummaryWriterError) {
        guard let first = images.first else {
            throw .invalidInput("the label images of embedding '\(tag)' are empty")
        }
        var pixelsOfImages: [[UInt8]] = []
        pixelsOfImages.reserveCapacity(images.count)
        for (index, image) in images.enumerated() {
            guard image.width == first.width, image.height == first.height else {
                throw .invalidInput(
                    "the label images of embedding '\(tag)' must share one size, but image 0 is "
                        + "\(first.width) × \(first.height) and image \(index) is \(image.width) × \(image.height) "
                        + "(width × height)")
            }
            guard case .pixels(let pixels) = image.storage else {
                throw .invalidInput(
                    "label image \(index) of embedding '\(tag)' is an encoded file; a sprite is composed from "
                        + "pixels, so give its pixels instead")
            }
            pixelsOfImages.append(pixels)
        }
        var side = Int(Double(images.count).squareRoot())
        while side * side < images.count { side += 1 }
        while side > 1 && (side - 1) * (side - 1) >= images.count { side -= 1 }
        let (width, widthOverflow) = first.width.multipliedReportingOverflow(by: side)
        let (height, heightOverflow) = first.height.multipliedReportingOverflow(by: side)
        guard !widthOverflow, !heightOverflow, width <= Self.maximumSide, height <= Self.maximumSide else {
            throw .invalidInput(
                "\(images.count) label images of \(first.width) × \(first.height) make a sprite of \(side) × \(side) "
                    + "images, larger than the \(Self.maximumSide) × \(Self.maximumSide) pixels the projector shows; "
                    + "use smaller images")
        }

        let hasColor = images.contains { $0.channels >= 3 }
        let hasAlpha = images.contains { $0.channels == 2 || $0.channels == 4 }
        let channels = (hasColor ? 3 : 1) + (hasAlpha ? 1 : 0)
        var sheet = [UInt8](repeating: 0, count: width * height * channels)
        for (index, source) in pixelsOfImages.enumerated() {
            let sourceChannels = images[index].channels
            let left = index % side * first.width
            let top = index / side * first.height
            for y in 0..<first.height {
                var target = ((top + y) * width + left) * channels
                var from = y * first.width * sourceChannels
                for _ in 0..<first.width {
                    Self.convert(
                        source, at: from, channels: sourceChannels, into: &sheet, at: target, channels: channels)
                    target += channels
                    from += sourceChannels
                }
            }
        }
        self.cellWidth = first.width
        self.cellHeight = first.height
        self.gridSide = side
        self.channels = channels
        self.pixels = sheet
    }

    /// Copies one pixel, widening gray to RGB (each of the three set to the gray value) and
    /// adding an opaque alpha where the source has none.
    @inline(__always)
    private static func convert(
        _ source: [UInt8], at from: Int, channels sourceChannels: Int, into sheet: inout [UInt8], at target: Int,
        channels: Int
    ) {
        let isGray = sourceChannels <= 2
        let colorCount = channels >= 3 ? 3 : 1
        for channel in 0..<colorCount {
            sheet[target + channel] = source[from + (isGray ? 0 : channel)]
        }
        if channels == 2 || channels == 4 {
            let sourceHasAlpha = sourceChannels == 2 || sourceChannels == 4
            sheet[target + channels - 1] = sourceHasAlpha ? source[from + sourceChannels - 1] : 255
        }
    }
}
