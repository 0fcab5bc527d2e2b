extension SummaryWriter {
    /// The scalar path when ``Options/doublePrecisionScalars`` is set: one event per value, all
    /// buffered together with one wall time, as ``recordScalars(_:step:wallTime:)`` does for
    /// 32-bit values.
    @usableFromInline
    func recordDoubleScalars(_ values: [(String, Double)], step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        for (tag, _) in values { try Self.checkTag(tag) }
        let time = resolveWallTime(wallTime)
        let payloads = values.map { tag, value in
            ProtobufEncoder.encode(Self.doubleScalarEvent(tag, value, step: step, wallTime: time))
        }
        try append { buffer in
            for payload in payloads { TFRecordFraming.append(payload, to: &buffer) }
        }
    }

    /// The event of one 64-bit scalar: `Summary{Value{tag, metadata: scalars, tensor: DT_DOUBLE}}`.
    static func doubleScalarEvent(_ tag: String, _ value: Double, step: Int64, wallTime: Double) -> Event {
        Event(
            wallTime: wallTime, step: step,
            what: .summary(Summary(values: [DoubleScalarSummary.value(tag: tag, value)])))
    }
}
