/// A table rendered as Markdown that TensorBoard's TEXT tab shows as an HTML table.
///
/// ```swift
/// let table = MarkdownTable(header: ["class", "precision"], rows: [["cat", "0.91"], ["dog | wolf", "0.87"]])
/// try writer.addText("eval/per_class", table.markdown, step: 1000)
/// ```
///
/// Cells are plain text and appear exactly as given: characters Markdown would act on
/// (`*`, `_`, the backtick, `[`, `]`, `\`, `|`, `<`, `&`) are escaped, so `a|b` stays in one cell and
/// `2*3*4` is not emphasized; a line break inside a cell (`\n`, `\r\n` or `\r`) becomes `<br>`,
/// which TensorBoard keeps. Rows shorter than the widest row are padded with empty cells, and
/// the header with empty titles, because Markdown drops cells beyond the header's count.
public struct MarkdownTable: Sendable, Hashable {
    /// The column titles.
    public var header: [String]
    /// The rows, each a list of cells.
    public var rows: [[String]]

    /// Creates a table.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table in Markdown (pipe-table syntax, as Python-Markdown's `tables` extension and
    /// GitHub read it), one line per row, ending with a newline. Empty when there are no columns.
    public var markdown: String {
        let columnCount = rows.reduce(header.count) { Swift.max($0, $1.count) }
        guard columnCount > 0 else { return "" }
        func line(_ cells: [String]) -> String {
            var text = "|"
            for column in 0..<columnCount {
                text += " " + (column < cells.count ? Self.escape(cells[column]) : "") + " |"
            }
            return text + "\n"
        }
        var text = line(header)
        text += "|" + String(repeating: " --- |", count: columnCount) + "\n"
        for row in rows {
            text += line(row)
        }
        return text
    }

    /// `text` as Markdown that shows it literally inside a table cell.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "<":
                result += "&lt;"
            case "&":
                result += "&amp;"
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                result += "<br>"
            case "\n":
                result += "<br>"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
