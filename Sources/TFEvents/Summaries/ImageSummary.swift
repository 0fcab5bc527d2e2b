/// Builds image summaries in TensorFlow 2's form, which TensorBoard's `images` plugin reads.
///
/// The value is a string tensor of shape `[2 + k]`: the width and the height as ASCII decimal
/// numbers (width first), then the `k` encoded images. Every image of one value therefore has
/// the same size. The metadata names the `images` plugin with empty content.
enum ImageSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "images"

    /// The summary value for a batch of images, encoding raw pixels with `encoder`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when `images` is empty, when the
    ///   images differ in size, or when an image cannot be encoded.
    static func value(
        tag: String, images: [ImageData], encoder: PNGEncoder
    ) throws(SummaryWriterError) -> Summary.Value {
        guard let first = images.first else {
            throw .invalidInput("image summary '\(tag)' needs at least one image, but none were given")
        }
        if let index = images.firstIndex(where: { $0.width != first.width || $0.height != first.height }) {
            let other = images[index]
            throw .invalidInput(
                "images in one summary must share one size, but in '\(tag)' image 0 is "
                    + "\(first.width) × \(first.height) and image \(index) is \(other.width) × \(other.height) "
                    + "(width × height)")
        }

        var files: [[UInt8]] = []
        files.reserveCapacity(images.count)
        for image in images {
            files.append(try image.encoded(with: encoder).bytes)
        }
        return value(tag: tag, width: first.width, height: first.height, files: files)
    }

    /// The summary value for image files (PNG, JPEG, GIF, animated PNG) of one size.
    static func value(tag: String, width: Int, height: Int, files: [[UInt8]]) -> Summary.Value {
        var strings: [[UInt8]] = [Array(String(width).utf8), Array(String(height).utf8)]
        strings.reserveCapacity(2 + files.count)
        strings += files
        let tensor = TensorProto(
            dtype: .string, shape: TensorShapeProto([Int64(strings.count)]), stringValues: strings)
        return Summary.Value(
            tag: tag, metadata: SummaryMetadata(pluginName: pluginName), content: .tensor(tensor))
    }
}
