/// One value of a series at one step.
public struct Point: Sendable, Hashable {
    /// The ``Series/id`` of the series, within its run.
    public var series: Int
    /// The step.
    public var step: Int64
    /// The event's wall time, in seconds since the Unix epoch.
    public var wallTime: Double
    /// The value, decoded according to the series' ``Series/kind``.
    public var value: Value

    /// Creates a point.
    init(series: Int, step: Int64, wallTime: Double, value: Value) {
        self.series = series
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }

    /// The data of a point, decoded the way TensorBoard's plugins decode it.
    ///
    /// Data that does not have the form its series' kind calls for stays a ``tensor(_:)``.
    public enum Value: Sendable, Hashable {
        /// A scalar: a legacy `simple_value`, or any numeric tensor with exactly one element
        /// (float, double, half, bfloat16, signed and unsigned integers, bool), read from
        /// `tensor_content` or from the typed field (one typed value is repeated over the shape).
        /// Legacy and DT_FLOAT values are float32 widened to `Double`.
        case scalar(Double)
        /// A batch of encoded images (PNG, JPEG, GIF, ...) that share a size: TF2's
        /// `[width, height, image...]` string tensor, or a legacy `Summary.Image` as one sample.
        indirect case images(width: Int, height: Int, images: [[UInt8]])
        /// Histogram buckets in order: TF2's `[k, 3]` tensor, or a legacy `HistogramProto`
        /// converted as TensorBoard's Python loader does (empty outer buckets dropped, the
        /// first left edge and the last right edge replaced by `min` and `max`, float32).
        indirect case histogram(Histogram)
        /// Text: a string tensor of any rank, its elements in row-major order. Rank 0 is
        /// Markdown, rank 1 and 2 are tables. Invalid UTF-8 is repaired with U+FFFD.
        indirect case text(shape: [Int], strings: [String])
        /// Encoded audio clips (WAV for every common writer), one per sample; TensorBoard drops
        /// the labels of TF2's `[k, 2]` clip-and-label tensor, and so does the reader.
        indirect case audio([AudioClip])
        /// A precision-recall curve: TensorBoard's `[6, n]` tensor.
        indirect case prCurve(PRCurve)
        /// One part of a mesh (vertices, faces or colors; the series' ``Series/meshComponent``
        /// says which): TensorBoard's `[B, N, 3]` tensor.
        indirect case mesh(MeshTensor)
        /// A custom scalars layout: the `tensorboard.Layout` message a `custom_scalars` value holds.
        indirect case layout(CustomScalarLayout)
        /// A tensor kept as it is stored: hparams, graphs, and any value that does not have the
        /// form its series' kind calls for.
        indirect case tensor(TensorProto)

        /// The number, for a ``scalar(_:)``.
        public var scalar: Double? {
            if case .scalar(let value) = self { return value }
            return nil
        }
    }
}
