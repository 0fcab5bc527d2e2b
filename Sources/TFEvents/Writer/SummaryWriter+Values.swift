extension SummaryWriter {
    /// Writes one summary value as one event: the common end of every `add…` method but the
    /// scalar ones, which have their own fast path.
    func addValue(_ value: Summary.Value, step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        try Self.checkTag(value.tag)
        let event = Event(
            wallTime: resolveWallTime(wallTime), step: step, what: .summary(Summary(values: [value])))
        let payload = ProtobufEncoder.encode(event)
        try append { buffer in TFRecordFraming.append(payload, to: &buffer) }
    }

    /// Refuses a tag holding a NUL character: protobuf-c's strings end at the first NUL, so the tag
    /// would be cut short silently. Every other string is a valid tag (TensorBoard takes any UTF-8).
    @inline(__always)
    static func checkTag(_ tag: String) throws(SummaryWriterError) {
        if tag.utf8.contains(0) {
            throw .invalidInput("the tag \(tag.debugDescription) holds a NUL character, which event files cannot keep")
        }
    }

    /// The step as event files store it: a 64-bit signed integer. Every `add…` method converts its
    /// step here, before anything else, so a step out of range records nothing.
    ///
    /// Inlined into callers, where it is specialized: for an `Int` or `Int64` step it is a no-op.
    @inlinable
    static func eventStep(_ step: some BinaryInteger) throws(SummaryWriterError) -> Int64 {
        guard let exact = Int64(exactly: step) else { throw stepOutOfRange(String(step)) }
        return exact
    }

    /// The error for a step that does not fit: not inlined, so callers stay small.
    @usableFromInline
    static func stepOutOfRange(_ step: String) -> SummaryWriterError {
        .invalidInput(
            "the step \(step) is outside the range of event file steps (\(Int64.min) to \(Int64.max)); "
                + "nothing was written")
    }
}
