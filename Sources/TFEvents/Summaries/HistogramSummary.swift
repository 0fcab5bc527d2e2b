/// Builds histogram summaries in TensorFlow 2's form, which TensorBoard's `histograms` plugin
/// (and the `distributions` plugin, from the same data) reads.
///
/// The value is a `DT_DOUBLE` tensor of shape `[k, 3]` holding one row `[left, right, count]`
/// per bucket in `tensor_content`, exactly as `tf.summary.histogram` writes it. Unlike the legacy
/// `HistogramProto`, both TensorBoard loaders show these rows unchanged (EventFileFormat.md §7.3).
/// The metadata names the `histograms` plugin with empty content.
enum HistogramSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "histograms"

    /// The summary value for `histogram`.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when an edge or a count is not
    ///   finite or a count is negative: TensorBoard would draw nonsense from it.
    static func value(tag: String, histogram: Histogram) throws(SummaryWriterError) -> Summary.Value {
        let buckets = histogram.buckets
        if let index = buckets.firstIndex(where: { !$0.left.isFinite || !$0.right.isFinite }) {
            throw .invalidInput(
                "histogram '\(tag)' has a bucket edge that is not finite: bucket \(index) is "
                    + "[\(buckets[index].left), \(buckets[index].right)]")
        }
        if let index = buckets.firstIndex(where: { !$0.count.isFinite || $0.count < 0 }) {
            throw .invalidInput(
                "histogram '\(tag)' has a count that is negative or not finite: bucket \(index) has "
                    + "\(buckets[index].count)")
        }
        let tensor = TensorProto(
            dtype: .double, shape: TensorShapeProto([Int64(buckets.count), 3]), tensorContent: content(buckets))
        return Summary.Value(tag: tag, metadata: SummaryMetadata(pluginName: pluginName), content: .tensor(tensor))
    }

    /// The rows as little-endian doubles, row by row.
    static func content(_ buckets: [Histogram.Bucket]) -> [UInt8] {
        let byteCount = buckets.count * 3 * MemoryLayout<Double>.size
        return [UInt8](unsafeUninitializedCapacity: byteCount) { bytes, count in
            let raw = UnsafeMutableRawBufferPointer(bytes)
            var offset = 0
            for bucket in buckets {
                raw.storeBytes(of: bucket.left.bitPattern.littleEndian, toByteOffset: offset, as: UInt64.self)
                raw.storeBytes(of: bucket.right.bitPattern.littleEndian, toByteOffset: offset + 8, as: UInt64.self)
                raw.storeBytes(of: bucket.count.bitPattern.littleEndian, toByteOffset: offset + 16, as: UInt64.self)
                offset += 24
            }
            count = byteCount
        }
    }
}
