import Foundation

/// A table rendered for a terminal (columns two spaces apart, numbers right-aligned, no box
/// drawing) or as Markdown.
struct TextTable {
    struct Column {
        var title: String
        /// The title's alignment, and the cells' unless `cellAlignments` says otherwise.
        var alignment: Alignment
        /// The alignment of each row's cell, when the column mixes numbers and text (a column of
        /// a transposed table holds a value of every column of the original).
        var cellAlignments: [Alignment]? = nil
    }

    enum Alignment {
        case left, right
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    /// Column titles with their alignment: numeric columns right, text left.
    init(titles: [String], numeric: Set<Int> = []) {
        columns = titles.enumerated().map { Column(title: $1, alignment: numeric.contains($0) ? .right : .left) }
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// Plain text: a header line, then one line per row; trailing spaces trimmed.
    func renderPlain() -> String {
        let widths = columnWidths()
        var lines: [String] = []
        for (rowIndex, row) in ([columns.map(\.title)] + rows).enumerated() {
            var cells: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.displayWidth))
                cells.append(column.alignment(ofRow: rowIndex - 1) == .right ? padding + cell : cell + padding)
            }
            lines.append(String(cells.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed()))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub-flavoured Markdown, with `|` in cells escaped.
    func renderMarkdown() -> String {
        func escape(_ cell: String) -> String {
            cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in rows {
            let cells = columns.indices.map { $0 < row.count ? escape(row[$0]) : "" }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The widest cell or title of each column.
    func columnWidths() -> [Int] {
        columns.indices.map { index in
            ([columns[index].title] + rows.map { index < $0.count ? $0[index] : "" }).map(\.displayWidth).max() ?? 0
        }
    }
}

extension TextTable.Column {
    /// The alignment of the cell in row `row`, or of the title for row -1.
    fileprivate func alignment(ofRow row: Int) -> TextTable.Alignment {
        guard row >= 0, let cellAlignments, row < cellAlignments.count else { return alignment }
        return cellAlignments[row]
    }
}

extension String {
    /// The number of terminal columns the string takes: one per character, which is right for
    /// the Latin, Greek and Cyrillic text of tags and numbers (wide CJK characters count as one).
    var displayWidth: Int { count }
}
