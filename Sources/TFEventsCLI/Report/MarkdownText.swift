/// Markdown from text summaries, as the report shows it: as the text it is, escaped, in blocks
/// that keep their line breaks, except pipe tables (what `addTable`, tensorboardX and Keras
/// callbacks write), which become HTML tables.
///
/// Nothing else of Markdown is interpreted: the report never turns text from a file into markup,
/// so emphasis shows as its asterisks, and HTML as its tags. Table cells are read as Markdown
/// reads them: `\|` and the other backslash escapes give the character, `<br>` a line break, and
/// character references (`&lt;`, `&#124;`) their character, so that cells written by
/// ``MarkdownTable`` show exactly the text given to it.
enum MarkdownText {
    /// How a table column is aligned, from its delimiter cell (`:---`, `:---:`, `---:`).
    enum Alignment: String {
        case none, left, center, right
    }

    /// `markdown` as HTML: text blocks and tables, everything escaped.
    static func html(_ markdown: String) -> String {
        let lines = markdown.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        var html = ""
        var text: [String] = []
        func flushText() {
            while text.last?.allSatisfy(\.isWhitespace) == true { text.removeLast() }
            while text.first?.allSatisfy(\.isWhitespace) == true { text.removeFirst() }
            if !text.isEmpty {
                html += "<div class=\"md-text\">\(Markup.escape(text.joined(separator: "\n")))</div>"
            }
            text = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, line.contains("|"), let alignments = delimiterRow(lines[index + 1]),
                cells(line).count == alignments.count
            {
                flushText()
                var rows: [[String]] = []
                index += 2
                while index < lines.count, lines[index].contains("|"),
                    !lines[index].allSatisfy(\.isWhitespace)
                {
                    rows.append(cells(lines[index]))
                    index += 1
                }
                html += table(header: cells(line), alignments: alignments, rows: rows)
                continue
            }
            text.append(line)
            index += 1
        }
        flushText()
        return html
    }

    /// An HTML table of plain-text cells (each read as a Markdown table cell).
    static func table(header: [String]?, alignments: [Alignment], rows: [[String]]) -> String {
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        func attribute(_ column: Int) -> String {
            let alignment = column < alignments.count ? alignments[column] : .none
            return alignment == .none ? "" : " class=\"align-\(alignment.rawValue)\""
        }
        var html = "<div class=\"table-wrap\"><table class=\"md-table\">"
        if let header {
            html += "<thead><tr>"
            for column in 0..<columns {
                html += "<th\(attribute(column))>\(cellHTML(column < header.count ? header[column] : ""))</th>"
            }
            html += "</tr></thead>"
        }
        html += "<tbody>"
        for row in rows {
            html += "<tr>"
            // Markdown drops cells beyond the header's count and pads short rows.
            for column in 0..<columns {
                html += "<td\(attribute(column))>\(cellHTML(column < row.count ? row[column] : ""))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A delimiter row's alignments, or `nil` when `line` is not one: cells of dashes with
    /// optional colons, separated by pipes.
    static func delimiterRow(_ line: String) -> [Alignment]? {
        guard line.contains("-") else { return nil }
        let parts = cells(line)
        guard !parts.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            let cell = part.trimmingWhitespace
            let left = cell.hasPrefix(":")
            let right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        // A row of one cell needs a pipe, or any line of dashes would be a table.
        guard alignments.count > 1 || line.contains("|") else { return nil }
        return alignments
    }

    /// The cells of a table row: split at pipes not escaped by a backslash, the outer pipes
    /// optional, each cell's text as written (escapes kept for ``cellHTML(_:)``).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        if cells.count > 1, cells.first?.trimmingWhitespace.isEmpty == true { cells.removeFirst() }
        if cells.count > 1, cells.last?.trimmingWhitespace.isEmpty == true { cells.removeLast() }
        return cells.map(\.trimmingWhitespace)
    }

    /// A cell's text, read as Markdown reads a table cell, then escaped.
    static func cellHTML(_ cell: String) -> String {
        Markup.escape(cellText(cell))
    }

    /// A cell's text: backslash escapes, `<br>` and character references resolved.
    static func cellText(_ cell: String) -> String {
        var text = ""
        var characters = cell[...]
        while let character = characters.first {
            if character == "\\", let next = characters.dropFirst().first, next.isASCII, next.isPunctuation || next.isSymbol {
                text.append(next)
                characters = characters.dropFirst(2)
            } else if character == "<", let end = lineBreakEnd(characters) {
                text.append("\n")
                characters = characters[end...]
            } else if character == "&", let (resolved, end) = reference(characters) {
                text += resolved
                characters = characters[end...]
            } else {
                text.append(character)
                characters = characters.dropFirst()
            }
        }
        return text
    }

    /// Where `<br>`, `<br/>` or `<br />` (any case) at the start of `text` ends.
    private static func lineBreakEnd(_ text: Substring) -> String.Index? {
        for form in ["<br>", "<br/>", "<br />"] where text.prefix(6).lowercased().hasPrefix(form) {
            return text.index(text.startIndex, offsetBy: form.count)
        }
        return nil
    }

    /// The character reference at the start of `text`, and where it ends.
    private static func reference(_ text: Substring) -> (String, String.Index)? {
        guard let semicolon = text.prefix(12).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: text.startIndex)..<semicolon]
        let end = text.index(after: semicolon)
        let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        if let value = named[String(name)] { return (value, end) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let code, code != 0, let scalar = Unicode.Scalar(code) else { return nil }
        return (String(Character(scalar)), end)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
