extension SummaryWriter {
    /// Records one image at a step.
    ///
    /// Pixels are encoded as PNG (at ``Options/imageCompressionLevel``) before the call returns;
    /// already-encoded PNG, JPEG and GIF files are written as they are. The value takes TensorFlow
    /// 2's form, which both TensorBoard loaders show in the IMAGES tab.
    ///
    /// ```swift
    /// let image = try ImageData(pixels: rgb, width: 64, height: 64, channels: 3)
    /// try writer.addImage("samples/generated", image, step: 100)
    /// ```
    ///
    /// - Throws: ``SummaryWriterError`` when the step is outside the 64-bit range or the image
    ///   cannot be encoded (nothing is written), the writer is closed, or an earlier flush failed.
    @inlinable
    public func addImage(_ tag: String, _ image: ImageData, step: some BinaryInteger, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try recordImages(tag, [image], step: Self.eventStep(step), wallTime: wallTime)
    }

    /// Records a batch of images at one step, shown as samples of one tag (TensorBoard's slider).
    ///
    /// All images of a batch must have the same width and height, because TensorBoard stores one
    /// size per value.
    ///
    /// - Throws: ``SummaryWriterError`` when the step is outside the 64-bit range, the batch is
    ///   empty, its sizes differ or an image cannot be encoded (nothing is written), the writer is
    ///   closed, or an earlier flush failed.
    @inlinable
    public func addImages(_ tag: String, _ images: [ImageData], step: some BinaryInteger, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try recordImages(tag, images, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The one image path under the generic entry points.
    @usableFromInline
    func recordImages(_ tag: String, _ images: [ImageData], step: Int64, wallTime: Double?)
        throws(SummaryWriterError)
    {
        let encoder = PNGEncoder(compressionLevel: options.imageCompressionLevel)
        let value = try ImageSummary.value(tag: tag, images: images, encoder: encoder)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
