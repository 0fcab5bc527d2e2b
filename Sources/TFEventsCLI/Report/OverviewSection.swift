import TFEvents

/// The overview: a table with a row per run or group (its hyperparameters, then the best and last
/// value of each scalar tag), sortable by any column in the page, with the columns that are the
/// same in every row folded into one line above it; then the problems met while reading.
struct OverviewSection: ReportSection {
    let table: OverviewTable
    let problems: [ReportInput.Problem]

    var id: String { "overview" }
    var title: String { "Overview" }
    var isEmpty: Bool { false }

    var badge: String? {
        table.isGrouped
            ? ReportDocument.count(table.rows.count, "group") : ReportDocument.count(table.rows.count, "run")
    }

    /// One column of the table: its header text, sort type, and the text of each row's cell.
    private struct Column {
        var header: String
        var sortsNumerically: Bool
        var cells: [Cell]
        /// Every row shows the same thing, so the column says nothing about the rows.
        var isConstant: Bool {
            cells.count >= 2 && cells.allSatisfy { $0.text == cells[0].text && $0.hint == cells[0].hint }
        }
    }

    private struct Cell {
        var html: String
        var text: String
        var sortKey: String
        var hint: String?
        var isTop = false
    }

    func body() -> String {
        let hparamColumns = table.hparamNames.map { name in
            Column(
                header: name,
                sortsNumerically: table.rows.allSatisfy { row in
                    guard case .value(let value)? = row.hparams[name] else { return true }
                    return value.numberValue != nil
                },
                cells: table.rows.map { hparamCell($0.hparams[name]) })
        }
        let tagColumns = table.tags.map { tag -> (tag: String, best: Column, last: Column) in
            let minimize = table.minimizes[tag] ?? false
            var best = Column(
                header: minimize ? "best ↓" : "best ↑", sortsNumerically: true,
                cells: table.rows.map { figureCell($0.tags[tag]?.best, row: $0, what: "best", tag: tag) })
            markTop(&best, minimize: minimize)
            let last = Column(
                header: "last", sortsNumerically: true,
                cells: table.rows.map { row in figureCell(row.tags[tag].map(\.last), row: row, what: "last", tag: tag) })
            return (tag, best, last)
        }

        var html = constantNote(hparamColumns, tagColumns)
        html += "<div class=\"table-wrap fit\"><table class=\"data overview hide-constant\(table.isGrouped ? " grouped" : "")\" id=\"overview-table\">\n<thead>\n<tr>"
        var column = 0
        func sortable(_ text: String, numeric: Bool, classes: [String], attributes: String = "") -> String {
            defer { column += 1 }
            let type = numeric ? "number" : "text"
            return "<th class=\"\(classes.joined(separator: " "))\" data-col=\"\(column)\" data-type=\"\(type)\"\(attributes) "
                + "aria-sort=\"none\"><button type=\"button\" class=\"sort\" title=\"Sort by this column\">\(Markup.escape(text))"
                + "<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>"
        }
        let noun = table.isGrouped ? "Group" : "Run"
        html += sortable(noun, numeric: false, classes: ["name"], attributes: " rowspan=\"2\"")
        if table.isGrouped {
            html += sortable("Runs", numeric: true, classes: ["num"], attributes: " rowspan=\"2\"")
        }
        if !hparamColumns.isEmpty {
            // Its span changes when the constant columns are shown: the script swaps the two.
            let folded = hparamColumns.filter { !$0.isConstant }.count
            html += "<th class=\"hp-group group-start\(folded == 0 ? " constant" : "")\" colspan=\"\(max(folded, 1))\" "
            html += "data-colspan-all=\"\(hparamColumns.count)\" data-colspan-folded=\"\(max(folded, 1))\" scope=\"colgroup\">"
            html += "Hyperparameters</th>"
        }
        for tag in tagColumns {
            let constant = tag.best.isConstant && tag.last.isConstant
            html += "<th class=\"tag group-start\(constant ? " constant" : "")\" colspan=\"2\" scope=\"colgroup\">"
            html += tagHeader(tag.tag) + "</th>"
        }
        html += "</tr>\n<tr>"
        for (index, hparam) in hparamColumns.enumerated() {
            html += sortable(
                hparam.header, numeric: hparam.sortsNumerically,
                classes: ["hp"] + (hparam.sortsNumerically ? ["num"] : []) + (index == 0 ? ["group-start"] : [])
                    + (hparam.isConstant ? ["constant"] : []))
        }
        for tag in tagColumns {
            let constant = tag.best.isConstant && tag.last.isConstant ? ["constant"] : []
            html += sortable(tag.best.header, numeric: true, classes: ["num", "group-start"] + constant)
            html += sortable(tag.last.header, numeric: true, classes: ["num"] + constant)
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for (index, row) in table.rows.enumerated() {
            html += "<tr data-name=\"\(Markup.escape(row.name))\">"
            html += nameCell(row)
            if table.isGrouped {
                let members = row.runs.joined(separator: "\n")
                html += "<td class=\"num\" data-sort=\"\(row.runs.count)\" title=\"\(Markup.escape(members))\">"
                html += "\(row.runs.count)</td>"
            }
            for (position, hparam) in hparamColumns.enumerated() {
                html += cellHTML(
                    hparam.cells[index],
                    classes: ["hp"] + (hparam.sortsNumerically ? ["num"] : []) + (position == 0 ? ["group-start"] : [])
                        + (hparam.isConstant ? ["constant"] : []))
            }
            for tag in tagColumns {
                let constant = tag.best.isConstant && tag.last.isConstant ? ["constant"] : []
                html += cellHTML(tag.best.cells[index], classes: ["num", "group-start"] + constant)
                html += cellHTML(tag.last.cells[index], classes: ["num"] + constant)
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        if !table.tags.isEmpty {
            html += "<p class=\"table-note\">Click a column to sort. "
            html += table.isGrouped
                ? "A group shows the mean ± standard deviation over its runs of each run's best and last value."
                : "Best is the lowest value of tags to minimize (↓: names matching loss or err) and the highest of "
                    + "the others (↑)."
            html += " Hover a value for its step and the number of points.</p>\n"
        }
        html += problemsHTML()
        return html
    }

    // MARK: Cells

    private func hparamCell(_ cell: OverviewTable.HParamCell?) -> Cell {
        switch cell {
        case nil:
            return Cell(html: "<span class=\"none\">–</span>", text: "", sortKey: "")
        case .varies:
            return Cell(html: "<span class=\"none\">varies</span>", text: "varies", sortKey: "")
        case .value(let value)?:
            let text = value.description
            let key = value.numberValue.map { "\($0)" } ?? text
            return Cell(html: Markup.escape(text), text: text, sortKey: key)
        }
    }

    private func figureCell(_ figure: OverviewTable.Figure?, row: OverviewTable.Row, what: String, tag: String) -> Cell {
        guard let figure else { return Cell(html: "<span class=\"none\">–</span>", text: "", sortKey: "") }
        let value = NumberFormatting.short(figure.value)
        // A group of one run has no spread to show.
        if let std = figure.std, figure.members.count > 1 {
            let hint =
                "\(what) of \(tag): mean \(NumberFormatting.short(figure.value)), std \(NumberFormatting.short(std)) "
                + "over \(ReportDocument.count(figure.members.count, "run"))\n"
                + figure.members.map { "\($0.run): \(NumberFormatting.short($0.value))" }.joined(separator: "\n")
            return Cell(
                html: "\(value)<span class=\"pm\"> ± \(NumberFormatting.short(std))</span>", text: value + "±" + NumberFormatting.short(std),
                sortKey: "\(figure.value)", hint: hint)
        }
        let count = row.tags[tag]?.count ?? 0
        let step = figure.step.map { " at step \($0)" } ?? ""
        let hint = "\(what) of \(tag)\(step) (\(ReportDocument.count(count, "point")))"
        return Cell(html: value, text: value, sortKey: "\(figure.value)", hint: hint)
    }

    private func cellHTML(_ cell: Cell, classes: [String]) -> String {
        let classes = classes + (cell.isTop ? ["top"] : [])
        var html = "<td class=\"\(classes.joined(separator: " "))\" data-sort=\"\(Markup.escape(cell.sortKey))\""
        if let hint = cell.hint { html += " title=\"\(Markup.escape(hint))\"" }
        return html + ">\(cell.html)</td>"
    }

    /// Marks the best value of a "best" column, when there are rows to compare.
    private func markTop(_ column: inout Column, minimize: Bool) {
        guard column.cells.count >= 2, !column.isConstant else { return }
        let values = column.cells.compactMap { Double($0.sortKey) }.filter(\.isFinite)
        guard let top = minimize ? values.min() : values.max() else { return }
        for index in column.cells.indices where Double(column.cells[index].sortKey) == top {
            column.cells[index].isTop = true
        }
    }

    private func nameCell(_ row: OverviewTable.Row) -> String {
        var html = "<td class=\"name\" data-sort=\"\(Markup.escape(row.name))\"><span class=\"name-inner\">"
        if let color = row.colorIndex {
            html += "<span class=\"swatch c\(color % ChartPalette.light.count)\" aria-hidden=\"true\"></span>"
        } else {
            html += "<span class=\"swatch empty\" aria-hidden=\"true\"></span>"
        }
        html += "<span class=\"label\">\(Markup.escape(row.name))</span>"
        if row.problemCount > 0 {
            html += "<a class=\"warn\" href=\"#problems\" title=\"\(ReportDocument.count(row.problemCount, "problem")) "
            html += "while reading\">\(row.problemCount)</a>"
        }
        return html + "</span></td>"
    }

    /// A tag as a header: its section dimmed, its last part in full.
    private func tagHeader(_ tag: String) -> String {
        guard let slash = tag.lastIndex(of: "/") else { return "<span class=\"leaf\">\(Markup.escape(tag))</span>" }
        let head = String(tag[...slash])
        let leaf = String(tag[tag.index(after: slash)...])
        return "<span class=\"prefix\">\(Markup.escape(head))</span><span class=\"leaf\">\(Markup.escape(leaf))</span>"
    }

    /// The line of values every row shares, with the button that shows their columns.
    private func constantNote(_ hparams: [Column], _ tags: [(tag: String, best: Column, last: Column)]) -> String {
        var chips: [String] = []
        for column in hparams where column.isConstant {
            chips.append(
                "<span class=\"chip\"><span class=\"k\">\(Markup.escape(column.header))</span> "
                    + "<span class=\"v\">\(Markup.escape(column.cells[0].text))</span></span>")
        }
        for tag in tags where tag.best.isConstant && tag.last.isConstant {
            chips.append(
                "<span class=\"chip\"><span class=\"k\">\(Markup.escape(tag.tag))</span> "
                    + "<span class=\"v\">last \(Markup.escape(tag.last.cells[0].text))</span></span>")
        }
        guard !chips.isEmpty else { return "" }
        let noun = table.isGrouped ? "group" : "run"
        let count = chips.count == 1 ? "this column" : "these \(chips.count) columns"
        return """
            <div class="fold-note"><span class="fold-label">Same in every \(noun):</span> \(chips.joined(separator: " ")) \
            <button type="button" class="link" id="toggle-constant" aria-pressed="false" \
            data-show="Show \(count)" data-hide="Fold \(count)">Show \(count)</button></div>

            """
    }

    private func problemsHTML() -> String {
        guard !problems.isEmpty else { return "" }
        var html = """
            <h3 class="subhead" id="problems">Problems while reading <span class="badge warn-badge">\(problems.count)</span></h3>
            <p class="table-note">Reading went on after each: damaged records are skipped and the good records after \
            them kept (TensorBoard stops reading a file at its first damage).</p>
            <div class="table-wrap"><table class="data problems">
            <thead><tr><th>Kind</th><th>Run</th><th>File</th><th class="num">Byte</th><th>What happened</th></tr></thead>
            <tbody>

            """
        for item in problems {
            let problem = item.problem
            let file = problem.path.split(separator: "/").last.map(String.init) ?? problem.path
            html += "<tr data-name=\"\(Markup.escape(item.run ?? ""))\"><td><span class=\"kind\">"
            html += "\(Markup.escape(problem.kind.rawValue))</span></td>"
            html += "<td>\(Markup.escape(item.run ?? "–"))</td>"
            html += "<td class=\"path\" title=\"\(Markup.escape(problem.path))\">\(Markup.escape(file))</td>"
            html += "<td class=\"num\">\(problem.offset.map { String($0) } ?? "")</td>"
            var message = problem.message
            if let resumed = problem.resumedAt { message += " (reading resumed at byte \(resumed))" }
            html += "<td>\(Markup.escape(message))</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }
}
