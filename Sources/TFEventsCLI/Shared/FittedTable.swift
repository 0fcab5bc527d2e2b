/// A ``TextTable`` laid out for a terminal `width` columns wide: no line is wider, because a
/// terminal that wraps the rows of a table makes it unreadable.
///
/// The table's first column is its key (the run). The layouts, in order of preference:
/// 1. The table as it is, when it fits.
/// 2. Its transpose, when that fits: a row per column title of the table (a tag, a
///    hyperparameter), a column per row headed by the row's key. A few runs with many tags fit
///    this way.
/// 3. Blocks of whole columns, each fitting, a blank line apart, each starting with the key
///    column again: of the table or of its transpose, whichever needs fewer blocks, and the table
///    on a tie, since it reads like the table printed to a pipe.
///
/// In blocks, any cell or title longer than what a third of the width for the key leaves is
/// shortened to that, so that the key and one column always fit; then the key is shortened to
/// what the widest block leaves it, at least that third. Both are shortened in the middle with
/// `…` (``Swift/String/shortened(toWidth:)``), keeping the ends that tell names apart.
struct FittedTable {
    /// Whether ``blocks`` hold the transpose of the table.
    let isTransposed: Bool
    /// The blocks, in order; one when the table or its transpose fits whole.
    let blocks: [TextTable]

    /// The narrowest width honoured: a key and a column of one character, two spaces apart.
    static let minimumWidth = 4

    init(_ table: TextTable, width: Int) {
        let width = max(width, Self.minimumWidth)
        let transposed = Self.transposed(table)
        if Self.lineWidth(table) <= width {
            (isTransposed, blocks) = (false, [table])
        } else if Self.lineWidth(transposed) <= width {
            (isTransposed, blocks) = (true, [transposed])
        } else {
            let original = Self.blocks(of: table, width: width)
            let flipped = Self.blocks(of: transposed, width: width)
            (isTransposed, blocks) = flipped.count < original.count ? (true, flipped) : (false, original)
        }
    }

    /// The blocks as plain text (``TextTable/renderPlain()``), a blank line between two.
    func renderPlain() -> String {
        blocks.map { $0.renderPlain() }.joined(separator: "\n")
    }

    /// The width of the table's longest line: its columns' widths and two spaces between each two.
    static func lineWidth(_ table: TextTable) -> Int {
        let widths = table.columnWidths()
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// The table turned by a quarter: a row per column after the key, its title first; a column
    /// per row, titled with the row's key. The corner is empty.
    ///
    /// A cell keeps the alignment it had (numbers right, text left), so a column can mix them;
    /// a title is right-aligned when most of its column's cells are.
    static func transposed(_ table: TextTable) -> TextTable {
        let alignments = table.columns.dropFirst().map(\.alignment)
        let rightAligned = alignments.filter { $0 == .right }.count
        let titleAlignment: TextTable.Alignment = 2 * rightAligned >= alignments.count ? .right : .left
        var columns = [TextTable.Column(title: "", alignment: .left)]
        for row in table.rows {
            columns.append(
                TextTable.Column(title: row.first ?? "", alignment: titleAlignment, cellAlignments: alignments))
        }
        var result = TextTable(columns: columns)
        for index in table.columns.indices.dropFirst() {
            result.append([table.columns[index].title] + table.rows.map { index < $0.count ? $0[index] : "" })
        }
        return result
    }

    /// `table` shortened as the type's documentation says and cut into the fewest blocks of
    /// columns, in order, each at most `width` wide with the key column first, blocks as even
    /// in width as they can be.
    static func blocks(of table: TextTable, width: Int) -> [TextTable] {
        guard !table.columns.isEmpty else { return [table] }
        var table = table
        let third = max(1, (width - 2) / 3)
        let keyWidth = min(table.columnWidths()[0], third)
        for column in table.columns.indices.dropFirst() {
            table.shorten(column: column, toWidth: max(1, width - 2 - keyWidth))
        }
        // What each column adds to a line: its width and the two spaces before it.
        let costs = table.columnWidths().dropFirst().map { $0 + 2 }
        let room = width - keyWidth
        let fewest = Self.pack(costs, into: room).count
        // The narrowest room that still needs no more blocks evens the blocks out (three runs
        // and three, rather than five and one).
        var narrowest = costs.max() ?? 0
        var widest = room
        while narrowest < widest {
            let middle = (narrowest + widest) / 2
            if Self.pack(costs, into: middle).count <= fewest { widest = middle } else { narrowest = middle + 1 }
        }
        let groups = Self.pack(costs, into: widest)
        // The key takes what the widest block leaves it, if that is more than a third.
        let used = groups.map { $0.reduce(0) { $0 + costs[$1] } }.max() ?? 0
        table.shorten(column: 0, toWidth: max(third, width - used))
        return groups.map { table.selecting(columns: [0] + $0.map { $0 + 1 }) }
    }

    /// Indices of `costs` in order, in groups whose costs add up to at most `room` (a cost larger
    /// than `room` alone in its group); a group is closed only when the next cost does not fit,
    /// which gives the fewest groups.
    private static func pack(_ costs: [Int], into room: Int) -> [[Int]] {
        var groups: [[Int]] = [[]]
        var used = 0
        for (index, cost) in costs.enumerated() {
            if used + cost > room && !groups[groups.count - 1].isEmpty {
                groups.append([])
                used = 0
            }
            groups[groups.count - 1].append(index)
            used += cost
        }
        return groups
    }
}

extension TextTable {
    /// Shortens the title and the cells of one column to at most `width` columns.
    fileprivate mutating func shorten(column: Int, toWidth width: Int) {
        columns[column].title = columns[column].title.shortened(toWidth: width)
        for row in rows.indices where column < rows[row].count {
            rows[row][column] = rows[row][column].shortened(toWidth: width)
        }
    }

    /// The table with only these columns, in this order.
    fileprivate func selecting(columns chosen: [Int]) -> TextTable {
        var result = TextTable(columns: chosen.map { columns[$0] })
        for row in rows { result.append(chosen.map { $0 < row.count ? row[$0] : "" }) }
        return result
    }
}
