extension SummaryWriter {
    /// Records the run's hyperparameters, and optionally the metrics that judge it, so that
    /// TensorBoard's HPARAMS tab lists the run with its values.
    ///
    /// ```swift
    /// let writer = try SummaryWriter(logdir: "runs/lr-0.001")
    /// try writer.addHParams(["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true])
    /// // ... training, logging scalars ...
    /// try writer.addScalar("hparam/accuracy", 0.93, step: 1000)
    /// try writer.close()  // marks the session as finished
    /// ```
    ///
    /// **Where it goes.** Everything is written in this writer's own run, not in a sub-run as
    /// tensorboardX does: the run becomes a *session* of the HPARAMS tab, with a
    /// `_hparams_/session_start_info` value (the hyperparameters and the start time) now and a
    /// `_hparams_/session_end_info` value (status success, the end time) when the writer is closed.
    ///
    /// **No experiment summary.** No `_hparams_/experiment` is written, on purpose: TensorBoard
    /// uses at most one per log directory, and independent runs cannot agree on one. Without it,
    /// TensorBoard infers the experiment: each hyperparameter's type and values come from the
    /// sessions, and **every scalar tag of a session's run** (and of its sub-runs) becomes a
    /// metric column, its value being the tag's last point. Log other scalars in a separate
    /// writer (a sub-run, such as `runs/lr-0.001/details`) to keep them out of the table.
    ///
    /// - Parameters:
    ///   - hparams: The hyperparameter values by name; literals work (`["lr": 0.001]`).
    ///   - metrics: Metric values known now, each written as a scalar at `step` under its tag (in
    ///     tag order, stored as ``addScalar(_:_:step:wallTime:)`` stores it), which makes it a
    ///     metric column. Metrics logged later with
    ///     ``addScalar(_:_:step:wallTime:)`` count just the same; the last point of each tag is the
    ///     value shown.
    ///   - step: The step of the metric scalars, of any integer type.
    ///   - wallTime: The session's start time and the metrics' wall time, in seconds since the
    ///     Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when the writer has already
    ///   recorded hyperparameters (TensorBoard reads only the first set of a run), for a step
    ///   outside the 64-bit range, an empty name, a name or string holding NUL, or a number that
    ///   is not finite; nothing is recorded then. Also when the writer is closed or an earlier
    ///   flush failed.
    @inlinable
    public func addHParams(
        _ hparams: [String: HParamValue], metrics: [String: Double] = [:], step: some BinaryInteger = Int64(0),
        wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        try recordHParams(hparams, metrics: metrics, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// The hyperparameter path under the generic entry point.
    @usableFromInline
    func recordHParams(
        _ hparams: [String: HParamValue], metrics: [String: Double], step: Int64, wallTime: Double?
    ) throws(SummaryWriterError) {
        let time = resolveWallTime(wallTime)
        let start = try HParamsSummary.sessionStart(hparams: hparams, startTime: time)
        let startEvent = Event(wallTime: time, step: step, what: .summary(Summary(values: [start])))
        var payloads = [ProtobufEncoder.encode(startEvent)]
        for (tag, value) in metrics.sorted(by: { $0.key < $1.key }) {
            let event =
                options.doublePrecisionScalars
                ? Self.doubleScalarEvent(tag, value, step: step, wallTime: time)
                : Self.scalarEvent(tag, Float(value), step: step, wallTime: time)
            payloads.append(ProtobufEncoder.encode(event))
        }
        let isFirst = try setClosingEventOnce(key: HParamsPluginData.sessionEndTag) { closeTime in
            let end = HParamsSummary.sessionEnd(status: .success, endTime: closeTime)
            return Event(wallTime: closeTime, step: step, what: .summary(Summary(values: [end])))
        }
        guard isFirst else {
            throw .invalidInput(
                "this writer has already recorded hyperparameters; TensorBoard reads only the first set of a run")
        }
        try append { buffer in
            for payload in payloads { TFRecordFraming.append(payload, to: &buffer) }
        }
    }
}
