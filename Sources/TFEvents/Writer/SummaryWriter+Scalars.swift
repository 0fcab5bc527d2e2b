extension SummaryWriter {
    /// Records one scalar point.
    ///
    /// ```swift
    /// try writer.addScalar("train/loss", loss, step: step)   // Double, Float, Float16...
    /// try writer.addScalar("epoch", 3, step: 1)               // a literal is a Double
    /// ```
    ///
    /// The value is stored as a legacy `simple_value`, the form every TensorBoard loader and every
    /// reader in the ecosystem understands. That field is 32-bit: the value is rounded to the
    /// nearest `Float` once, so `0.1` comes back as `0.10000000149011612` and values beyond
    /// `Float.greatestFiniteMagnitude` become infinite. NaN and infinities are recorded as they are.
    ///
    /// With ``Options/doublePrecisionScalars`` the value is instead stored as a 64-bit tensor
    /// (widened to `Double`, exactly for `Float16`, `Float` and `Double`), which only
    /// TensorBoard's Python loader and this package's readers show; see that option.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections (`"train/loss"`).
    ///   - value: The value, of any floating-point type.
    ///   - step: The step (x coordinate), of any integer type. Keep steps increasing per tag:
    ///     TensorBoard's fast loader replaces earlier points at the same or a later step.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range of event files or a tag holding NUL (nothing is recorded then), when the writer is
    ///   closed, or when an earlier flush failed.
    @inlinable
    public func addScalar<Value: BinaryFloatingPoint>(
        _ tag: String, _ value: Value, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        // Inlined into the caller, so both conversions are specialized for its types; the rest
        // of the path is not generic.
        let step = try Self.eventStep(step)
        if options.doublePrecisionScalars {
            try recordDoubleScalars([(tag, Double(value))], step: step, wallTime: wallTime)
        } else {
            try recordScalar(tag, Float(value), step: step, wallTime: wallTime)
        }
    }

    /// Records several scalars at one step in one call, in the order written, with one wall time.
    ///
    /// ```swift
    /// try writer.addScalars(["train/loss": 0.31, "train/accuracy": 0.92], step: 120)
    /// ```
    ///
    /// Each value becomes its own tag of this run, so TensorBoard draws one chart per tag. That
    /// differs from `add_scalars(main_tag, tag_scalar_dict)` in PyTorch and tensorboardX, which
    /// writes each key into its own sub-run `<logdir>/<main_tag>_<key>` under the one tag
    /// `main_tag`, so that TensorBoard draws one chart with a line per sub-run. To get that, give
    /// each line its own writer in a sub-run and the same tag:
    ///
    /// ```swift
    /// let train = try SummaryWriter(logdir: "runs/exp1/loss_train")
    /// let validation = try SummaryWriter(logdir: "runs/exp1/loss_validation")
    /// try train.addScalar("loss", 0.31, step: 120)
    /// try validation.addScalar("loss", 0.35, step: 120)
    /// ```
    ///
    /// Or use ``addGroupedScalars(_:_:step:wallTime:)``, which keeps the values in this run and
    /// draws them in one chart of TensorBoard's CUSTOM SCALARS tab.
    ///
    /// A dictionary literal keeps its written order here. A `Dictionary` has no order, so pass it
    /// sorted, to the overload that takes a sequence of `(tag, value)` pairs:
    /// `writer.addScalars(metrics.sorted { $0.key < $1.key }, step: step)`.
    ///
    /// All the points are buffered together, so a flush never separates them. Values are stored
    /// as in ``addScalar(_:_:step:wallTime:)``.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range or a tag holding NUL (nothing of the call is recorded then), when the writer is
    ///   closed, or when an earlier flush failed.
    @inlinable
    public func addScalars<Value: BinaryFloatingPoint>(
        _ values: KeyValuePairs<String, Value>, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        if options.doublePrecisionScalars {
            try recordDoubleScalars(values.map { ($0.key, Double($0.value)) }, step: step, wallTime: wallTime)
        } else {
            try recordScalars(values.map { ($0.key, Float($0.value)) }, step: step, wallTime: wallTime)
        }
    }

    /// Records several scalars at one step in one call, in the sequence's order, with one wall
    /// time; see the `KeyValuePairs` overload for how they are stored and how this differs from
    /// PyTorch's `add_scalars`.
    ///
    /// ```swift
    /// try writer.addScalars(zip(names, losses).map { ($0, $1) }, step: step)
    /// try writer.addScalars(metrics.sorted { $0.key < $1.key }, step: step)  // a Dictionary
    /// ```
    @inlinable
    public func addScalars<Value: BinaryFloatingPoint>(
        _ values: some Sequence<(String, Value)>, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        if options.doublePrecisionScalars {
            try recordDoubleScalars(values.map { ($0.0, Double($0.1)) }, step: step, wallTime: wallTime)
        } else {
            try recordScalars(values.map { ($0.0, Float($0.1)) }, step: step, wallTime: wallTime)
        }
    }

    /// The one scalar path under the generic entry points. Named apart from them so that no
    /// call resolves to it by accident (in-module code and `@testable` tests would prefer it).
    @usableFromInline
    func recordScalar(_ tag: String, _ value: Float, step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        let time = resolveWallTime(wallTime)
        // The fast path already looks for NUL in the tag; only when it declines is the tag checked.
        var refused = false
        try append { buffer in
            var contiguous = tag
            contiguous.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                if ScalarRecordEncoder.append(tag: bytes, value: value, step: step, wallTime: time, to: &buffer) {
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

    /// The one path of several scalars under the generic entry points.
    @usableFromInline
    func recordScalars(_ values: [(String, Float)], step: Int64, wallTime: Double?) throws(SummaryWriterError) {
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
        _ utf8: UnsafeRawBufferPointer, _ tag: String, _ value: Float, step: Int64, wallTime: Double,
        to buffer: inout [UInt8]
    ) {
        if !ScalarRecordEncoder.append(tag: utf8, value: value, step: step, wallTime: wallTime, to: &buffer) {
            let event = scalarEvent(tag, value, step: step, wallTime: wallTime)
            TFRecordFraming.append(ProtobufEncoder.encode(event), to: &buffer)
        }
    }

    /// The legacy scalar event TensorBoard expects: `Summary{Value{tag, simple_value}}`.
    static func scalarEvent(_ tag: String, _ value: Float, step: Int64, wallTime: Double) -> Event {
        Event(
            wallTime: wallTime, step: step,
            what: .summary(Summary(values: [Summary.Value(tag: tag, content: .simpleValue(value))])))
    }
}
