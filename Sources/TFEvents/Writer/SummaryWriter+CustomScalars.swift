extension SummaryWriter {
    /// Sets the run's layout of TensorBoard's CUSTOM SCALARS dashboard: categories of charts that
    /// each draw several scalar tags in one plot.
    ///
    /// ```swift
    /// try writer.setCustomScalarLayout(CustomScalarLayout([
    ///     .init("Losses", charts: [.multiline("train vs validation", tags: ["train/loss", "validation/loss"])]),
    /// ]))
    /// ```
    ///
    /// The layout is written as the `custom_scalars__config__` value (EventFileFormat.md §7.8)
    /// at step 0. TensorBoard reads only the **last** layout of a run, so each call replaces the
    /// layout of the previous one, and the writer always writes its whole layout: this one plus
    /// the charts of ``addGroupedScalars(_:_:step:wallTime:)``, in the category
    /// `Grouped scalars`. A later writer in the same run (a restart) starts without either, and
    /// its first layout replaces this writer's.
    ///
    /// **Several runs.** TensorBoard shows one layout for the whole log directory, merged from
    /// the last layout of each run in run-name order: categories with the same title become
    /// one, and a chart equal to one already there is not repeated. Each chart draws its tags
    /// from every run, so one run's layout serves them all. TensorBoard 2.21's merge has a gap:
    /// when a category first appears in a later run's layout (not the first run's), the charts
    /// that still later runs add to it are dropped. Writing the same layout in every run, or in
    /// one run only, avoids it.
    ///
    /// - Parameters:
    ///   - layout: The categories and charts; an empty layout removes the caller's charts.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when a text of the layout
    ///   holds NUL (nothing is written), when the writer is closed, or when an earlier flush
    ///   failed.
    public func setCustomScalarLayout(_ layout: CustomScalarLayout, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try CustomScalarsSummary.check(layout)
        let time = resolveWallTime(wallTime)
        try customScalarCharts.withLock { charts throws(SummaryWriterError) in
            var next = charts
            next.callerLayout = layout
            try writeLayoutIfChanged(&next, wallTime: time, with: [])
            charts = next
        }
    }

    /// Records several scalars at one step as one chart: each value under the tag
    /// `<chart>/<key>`, and a chart named `chart` drawing them together in TensorBoard's
    /// CUSTOM SCALARS dashboard; the grouped form of PyTorch's `add_scalars`.
    ///
    /// ```swift
    /// try writer.addGroupedScalars("loss", ["train": 0.31, "validation": 0.35], step: 120)
    /// ```
    ///
    /// The points are ordinary scalars of this run (`loss/train`, `loss/validation`), shown in
    /// the SCALARS tab as well, in the section `loss`. The first call of each chart, and any
    /// call that brings new keys, also writes the writer's whole custom scalar layout (see
    /// ``setCustomScalarLayout(_:wallTime:)``), with a multiline chart per group in the category
    /// `Grouped scalars`, matching each `<chart>/<key>` tag exactly. Comparing runs, the chart
    /// draws one line per run and key; runs that group the same keys under the same chart
    /// name share one chart.
    ///
    /// **How this differs.** ``addScalars(_:step:wallTime:)`` writes the same tags without a
    /// chart: one chart per tag. PyTorch's and tensorboardX's `add_scalars(main_tag, dict)`
    /// instead write each key into a sub-run `<logdir>/<main_tag>_<key>` under the tag
    /// `main_tag`: one file and one extra run per key, which the run selector, the HPARAMS tab
    /// (which counts the scalars of sub-runs as metrics) and every comparison then list. Here
    /// everything stays in this run's one file.
    ///
    /// - Parameters:
    ///   - chart: The chart's name and the tags' common prefix; not empty.
    ///   - values: The values by key, in the order given (a dictionary literal keeps its written
    ///     order), of any floating-point type, stored as 32-bit floats like
    ///     ``addScalar(_:_:step:wallTime:)``'s.
    ///   - step: The step, of any integer type. Keep steps increasing per chart.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for an empty chart name, a step
    ///   outside the 64-bit range or a tag holding NUL (nothing is recorded then), when the
    ///   writer is closed, or when an earlier flush failed.
    @inlinable
    public func addGroupedScalars<Value: BinaryFloatingPoint>(
        _ chart: String, _ values: KeyValuePairs<String, Value>, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try recordGroupedScalars(chart, values.map { ($0.key, Float($0.value)) }, step: step, wallTime: wallTime)
    }

    /// Records several scalars at one step as one chart, from a sequence of `(key, value)`
    /// pairs in its order; see the `KeyValuePairs` overload.
    ///
    /// ```swift
    /// try writer.addGroupedScalars("loss", losses.sorted { $0.key < $1.key }, step: step)  // a Dictionary
    /// ```
    @inlinable
    public func addGroupedScalars<Value: BinaryFloatingPoint>(
        _ chart: String, _ values: some Sequence<(String, Value)>, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try recordGroupedScalars(chart, values.map { ($0.0, Float($0.1)) }, step: step, wallTime: wallTime)
    }

    /// The one grouped scalar path under the generic entry points.
    @usableFromInline
    func recordGroupedScalars(_ chart: String, _ values: [(String, Float)], step: Int64, wallTime: Double?)
        throws(SummaryWriterError)
    {
        guard !chart.isEmpty else {
            throw .invalidInput("a chart of grouped scalars needs a name, but the name given is empty")
        }
        let tagged = values.map { (CustomScalarCharts.tag(chart: chart, key: $0.0), $0.1) }
        for (tag, _) in tagged { try Self.checkTag(tag) }
        guard !tagged.isEmpty else { return }
        let time = resolveWallTime(wallTime)
        var scalars: [UInt8] = []
        for (tag, value) in tagged {
            var contiguous = tag
            contiguous.withUTF8 { utf8 in
                Self.appendScalarRecord(
                    UnsafeRawBufferPointer(utf8), tag, value, step: step, wallTime: time, to: &scalars)
            }
        }
        // Under the layout lock, so that two calls adding charts write their layouts in order:
        // the last one written must hold every chart.
        try customScalarCharts.withLock { charts throws(SummaryWriterError) in
            var next = charts
            guard next.addGroup(chart, keys: values.map(\.0)) else {
                try append { buffer in buffer.append(contentsOf: scalars) }
                return
            }
            try writeLayoutIfChanged(&next, wallTime: time, with: scalars)
            charts = next
        }
    }

    /// Appends the combined layout of `charts`, when it differs from the one last written, and
    /// then `records`, in one buffered write; marks the layout as written once it is buffered.
    private func writeLayoutIfChanged(
        _ charts: inout CustomScalarCharts, wallTime: Double, with records: [UInt8]
    ) throws(SummaryWriterError) {
        let layout = charts.combined
        guard layout != charts.written else {
            if !records.isEmpty { try append { buffer in buffer.append(contentsOf: records) } }
            return
        }
        // Step 0, as TensorFlow's writers leave it: the Rust loader keeps the last point written
        // at a step, and a restart marker (`purgeStep`) above 0 never removes the layout.
        let event = Event(
            wallTime: wallTime, step: 0,
            what: .summary(Summary(values: [CustomScalarsSummary.value(layout)])))
        let payload = ProtobufEncoder.encode(event)
        try append { buffer in
            TFRecordFraming.append(payload, to: &buffer)
            buffer.append(contentsOf: records)
        }
        charts.written = layout
    }
}
