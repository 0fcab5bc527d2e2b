extension SummaryWriter {
    /// Records a piece of Markdown text, which TensorBoard's TEXT tab renders.
    ///
    /// TensorBoard renders Markdown with tables and fenced code blocks, then keeps only safe HTML
    /// (paragraphs, headings, lists, emphasis, code, links, images, tables, line breaks); other
    /// HTML tags appear as text. To show a table, see ``addTable(_:header:rows:step:wallTime:)``.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - markdown: The text.
    ///   - step: The step, of any integer type. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for a step outside the 64-bit
    ///   range or a tag holding NUL (nothing is written then), when the writer is closed, or when
    ///   an earlier flush failed.
    @inlinable
    public func addText(_ tag: String, _ markdown: String, step: some BinaryInteger, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try recordText(tag, markdown, step: Self.eventStep(step), wallTime: wallTime)
    }

    /// Records a table, shown as an HTML table in TensorBoard's TEXT tab.
    ///
    /// The cells appear exactly as given; see ``MarkdownTable`` for how they are escaped.
    ///
    /// ```swift
    /// try writer.addTable("eval/per_class", header: ["class", "recall"], rows: [["cat", "0.93"]], step: 10)
    /// ```
    ///
    /// - Throws: As ``addText(_:_:step:wallTime:)``.
    @inlinable
    public func addTable(
        _ tag: String, header: [String], rows: [[String]], step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try recordText(tag, MarkdownTable(header: header, rows: rows).markdown, step: step, wallTime: wallTime)
    }

    /// The one text path under the generic entry points.
    @usableFromInline
    func recordText(_ tag: String, _ markdown: String, step: Int64, wallTime: Double?) throws(SummaryWriterError) {
        let value = TextSummary.value(tag: tag, markdown: markdown)
        try addValue(value, step: step, wallTime: wallTime)
    }
}
