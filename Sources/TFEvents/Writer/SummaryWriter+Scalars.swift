extension SummaryWriter {
    /// Records one scalar point.
    ///
    /// The value is stored as a legacy `simple_value`, the form every TensorBoard loader and every
    /// reader in the ecosystem understands. That field is 32-bit: `0.1` comes back as
    /// `0.10000000149011612` and values beyond `Float.greatestFiniteMagnitude` become infinite.
    /// NaN and infinities are recorded as they are.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections (`"train/loss"`).
    ///   - value: The value.
    ///   - step: The step (x coordinate). Keep steps increasing per tag: TensorBoard's fast loader
    ///     replaces earlier points at the same or a later step.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` when the writer is closed or an earlier flush failed.
    public func addScalar(_ tag: String, _ value: Double, step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        let time = resolveWallTime(wallTime)
        // The fast path already looks for NUL in the tag; only when it declines is the tag checked.
        var refused = false
        try append { buffer in
            var contiguous = tag
            contiguous.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                if ScalarRecordEncoder.append(
                    tag: bytes, value: Float(value), step: step, wallTime: time, to: &buffer)
                {
                    return
                }
                if bytes.contains(0) {
                    refused = true
                    return
                }
                TFRecordFraming.append(
                    ProtobufEncoder.encode(Self.scalarEvent(tag, value, step: step, wallTime: time)), to: &buffer)
            }
        }
        if refused { try Self.checkTag(tag) }
    }

    /// Records one scalar point; see ``addScalar(_:_:step:wallTime:)-(String,Double,Int64,_)``.
    public func addScalar(_ tag: String, _ value: Double, step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addScalar(tag, value, step: Int64(step), wallTime: wallTime)
    }

    /// Records several scalars at one step in one call, in the order given, with one wall time.
    ///
    /// ```swift
    /// try writer.addScalars(["train/loss": 0.31, "train/accuracy": 0.92], step: 120)
    /// ```
    ///
    /// All the points are buffered together, so a flush never separates them.
    public func addScalars(_ values: KeyValuePairs<String, Double>, step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addScalars(values.map { ($0.key, $0.value) }, step: step, wallTime: wallTime)
    }

    /// Records several scalars at one step, in tag order, with one wall time.
    public func addScalars(_ values: [String: Double], step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addScalars(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, step: step, wallTime: wallTime)
    }

    /// Records several scalars at one step; see ``addScalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)``.
    public func addScalars(_ values: KeyValuePairs<String, Double>, step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addScalars(values, step: Int64(step), wallTime: wallTime)
    }

    /// Records several scalars at one step, in tag order; see ``addScalars(_:step:wallTime:)-([String:Double],Int64,_)``.
    public func addScalars(_ values: [String: Double], step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addScalars(values, step: Int64(step), wallTime: wallTime)
    }

    private func addScalars(_ values: [(String, Double)], step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        for (tag, _) in values { try Self.checkTag(tag) }
        let time = resolveWallTime(wallTime)
        // One event per value, as every TensorFlow writer does, so each loader handles them alike.
        try append { buffer in
            for (tag, value) in values {
                var contiguous = tag
                contiguous.withUTF8 { utf8 in
                    Self.appendScalarRecord(UnsafeRawBufferPointer(utf8), tag, value, step: step, wallTime: time, to: &buffer)
                }
            }
        }
    }

    /// Frames one scalar event into `buffer`: the hand-written fast path when it applies, the
    /// protobuf-c reference path otherwise. Both give the same bytes.
    @inline(__always)
    static func appendScalarRecord(
        _ utf8: UnsafeRawBufferPointer, _ tag: String, _ value: Double, step: Int64, wallTime: Double,
        to buffer: inout [UInt8]
    ) {
        if !ScalarRecordEncoder.append(tag: utf8, value: Float(value), step: step, wallTime: wallTime, to: &buffer) {
            let event = scalarEvent(tag, value, step: step, wallTime: wallTime)
            TFRecordFraming.append(ProtobufEncoder.encode(event), to: &buffer)
        }
    }

    /// The legacy scalar event TensorBoard expects: `Summary{Value{tag, simple_value}}`.
    static func scalarEvent(_ tag: String, _ value: Double, step: Int64, wallTime: Double) -> Event {
        Event(
            wallTime: wallTime, step: step,
            what: .summary(Summary(values: [Summary.Value(tag: tag, content: .simpleValue(Float(value)))])))
    }
}
