extension SummaryWriter {
    /// Records a piece of Markdown text, which TensorBoard's TEXT tab renders.
    ///
    /// TensorBoard renders Markdown with tables and fenced code blocks, then keeps only safe HTML
    /// (paragraphs, headings, lists, emphasis, code, links, images, tables, line breaks); other
    /// HTML tags appear as text. To show a table, see ``addTable(_:header:rows:step:wallTime:)-(_,_,_,Int64,_)``.
    ///
    /// - Parameters:
    ///   - tag: The series name; `/` groups series into sections.
    ///   - markdown: The text.
    ///   - step: The step. Keep steps increasing per tag.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` when the writer is closed or an earlier flush failed.
    public func addText(_ tag: String, _ markdown: String, step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        let value = TextSummary.value(tag: tag, markdown: markdown)
        try addValue(value, step: step, wallTime: wallTime)
    }

    /// Records a piece of Markdown text, with an `Int` step.
    public func addText(_ tag: String, _ markdown: String, step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addText(tag, markdown, step: Int64(step), wallTime: wallTime)
    }

    /// Records a table, shown as an HTML table in TensorBoard's TEXT tab.
    ///
    /// The cells appear exactly as given; see ``MarkdownTable`` for how they are escaped.
    ///
    /// ```swift
    /// try writer.addTable("eval/per_class", header: ["class", "recall"], rows: [["cat", "0.93"]], step: 10)
    /// ```
    public func addTable(_ tag: String, header: [String], rows: [[String]], step: Int64, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addText(tag, MarkdownTable(header: header, rows: rows).markdown, step: step, wallTime: wallTime)
    }

    /// Records a table, with an `Int` step.
    public func addTable(_ tag: String, header: [String], rows: [[String]], step: Int, wallTime: Double? = nil)
        throws(SummaryWriterError)
    {
        try addTable(tag, header: header, rows: rows, step: Int64(step), wallTime: wallTime)
    }
}
