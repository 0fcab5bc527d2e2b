import TFEvents

/// The comparison table of `tfevents summary`: one row per run, the `run` column, then the
/// ``SummaryColumn``s the runs have. The same columns are written as a plain table, Markdown or CSV.
struct SummaryTable {
    /// The column titles, `run` first.
    let titles: [String]
    /// Which columns hold numbers.
    let numeric: Set<Int>
    /// One row per run, the run's name first.
    let rows: [[SummaryCell]]

    /// Lays out `runs` in the order given.
    ///
    /// - Parameters:
    ///   - statistic: What the scalar columns show.
    ///   - objective: What ``Statistic/best`` means per tag.
    init(runs: [ShownRun], statistic: Statistic, objective: ObjectiveRule) {
        let columns = SummaryColumn.columns(of: runs)
        let scalarTags = Set(runs.flatMap(\.scalars.keys))
        titles = ["run"] + columns.map { $0.title(scalarTags: scalarTags) }
        numeric = Set(columns.indices.filter { columns[$0].isNumeric }.map { $0 + 1 })
        rows = runs.map { run in
            [.text(run.name)] + columns.map { $0.cell(run, statistic: statistic, objective: objective) }
        }
    }

    /// Columns two spaces apart, numbers right-aligned, six significant digits, `-` for no value.
    func plain() -> String {
        textTable().renderPlain()
    }

    /// The cells of ``plain()`` laid out for a terminal `width` columns wide (``FittedTable``):
    /// as they are, transposed (a row per tag, a column per run), or in blocks of columns.
    func fitted(width: Int) -> String {
        FittedTable(textTable(), width: width).renderPlain()
    }

    /// A GitHub-flavoured Markdown table with the cells of ``plain()``.
    func markdown() -> String {
        textTable().renderMarkdown()
    }

    /// RFC 4180 CSV with a header line; numbers with every digit, empty fields for no value.
    func csv() -> String {
        ([titles] + rows.map { $0.map(\.exact) }).map(CSV.line).joined()
    }

    private func textTable() -> TextTable {
        var table = TextTable(titles: titles, numeric: numeric)
        for row in rows { table.append(row.map(\.short)) }
        return table
    }
}
