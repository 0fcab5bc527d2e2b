/// The two tab-separated files of an embedding, as the projector reads them (EventFileFormat.md
/// §7.10): the points (`tensors.tsv`) and their labels (`metadata.tsv`).
enum EmbeddingTSV {
    /// `tensors.tsv`: one line per point, its coordinates separated by tabs.
    ///
    /// Each coordinate is written as the shortest decimal that reads back as the same value: a
    /// `Float` in its own precision, any other type as a `Double`. The projector reads the
    /// decimals as `float64` and then rounds them to `float32`; for a `Float` that gives back
    /// the very value written (a double holds more than twice a float's digits, so the double
    /// rounding is exact).
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for an empty matrix, rows of
    ///   different lengths, or a value that is not finite as a 32-bit float.
    static func tensor<Element: BinaryFloatingPoint>(
        _ matrix: [[Element]], tag: String
    ) throws(SummaryWriterError) -> (bytes: [UInt8], rows: Int, columns: Int) {
        guard let first = matrix.first, !first.isEmpty else {
            throw .invalidInput(
                "embedding '\(tag)' needs at least one point of at least one dimension, but the matrix is "
                    + (matrix.isEmpty ? "empty" : "made of empty rows"))
        }
        let columns = first.count
        let isFloat = Element.self == Float.self
        var text = ""
        text.reserveCapacity(matrix.count * columns * 12)
        for (row, values) in matrix.enumerated() {
            guard values.count == columns else {
                throw .invalidInput(
                    "the rows of embedding '\(tag)' must have the same length, but row 0 has \(columns) values "
                        + "and row \(row) has \(values.count)")
            }
            for (column, value) in values.enumerated() {
                let single = Float(value)
                guard single.isFinite else {
                    throw .invalidInput(
                        "value [\(row), \(column)] of embedding '\(tag)' is \(Double(value)), which is not finite "
                            + "as a 32-bit float (the projector reads 32-bit floats)")
                }
                if column > 0 { text += "\t" }
                text += isFloat ? single.description : Double(value).description
            }
            text += "\n"
        }
        return (Array(text.utf8), matrix.count, columns)
    }

    /// `metadata.tsv`: one line per point, preceded by a line of column names when there is more
    /// than one column. With a single column there is no header: the projector takes a first
    /// line holding a tab as the header, and calls a single column `label`.
    ///
    /// Values are untrusted text and are escaped so that each stays one cell of one line:
    /// see ``escape(_:)``. The projector also skips blank lines, which would shift the labels
    /// of every later point, so the first cell of a line that would be blank (every cell empty
    /// or white space) is written in double quotes.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there is no column, a
    ///   column does not hold exactly `rows` values, or two columns share a name.
    static func metadata(
        _ columns: [(name: String, values: [String])], rows: Int, tag: String
    ) throws(SummaryWriterError) -> [UInt8] {
        guard !columns.isEmpty else {
            throw .invalidInput("the metadata of embedding '\(tag)' needs at least one column, but none were given")
        }
        for column in columns where column.values.count != rows {
            throw .invalidInput(
                "embedding '\(tag)' has \(rows) points, but its metadata column '\(column.name)' has "
                    + "\(column.values.count) values; give one value per point")
        }
        var text = ""
        if columns.count > 1 {
            var seen: Set<String> = []
            for column in columns where !seen.insert(column.name).inserted {
                throw .invalidInput(
                    "the metadata columns of embedding '\(tag)' must have distinct names, but '\(column.name)' "
                        + "appears twice (the projector would keep only one)")
            }
            text += line(columns.map(\.name))
        }
        for row in 0..<rows {
            text += line(columns.map { $0.values[row] })
        }
        return Array(text.utf8)
    }

    /// One line of cells, escaped and joined by tabs, with its newline.
    private static func line(_ cells: [String]) -> String {
        var escaped = cells.map(escape)
        if escaped.allSatisfy(isBlank) {
            escaped[0] = "\"" + escaped[0] + "\""
        }
        return escaped.joined(separator: "\t") + "\n"
    }

    /// `value` with the characters that would end a cell or a line written as C escapes: `\t`
    /// (tab), `\n` (line feed), `\r` (carriage return), and `\\` for the backslash itself, so
    /// the escaping can be undone. The projector shows the escapes as they are.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            return value
        }
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Whether JavaScript's `trim()`, which the projector applies before skipping blank lines,
    /// leaves nothing of `cell`: white space, line terminators and the byte order mark.
    private static func isBlank(_ cell: String) -> Bool {
        cell.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }
}
