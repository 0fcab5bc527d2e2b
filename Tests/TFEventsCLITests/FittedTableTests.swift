import Testing

@testable import TFEventsCLI

/// ``FittedTable``: tables laid out for a terminal so that no row wraps.
@Suite struct FittedTableTests {
    /// A table of `rows` runs `r1`… by `columns` numeric columns `c1`…, cell (i, j) holding i × j.
    private func grid(rows: Int, columns: Int) -> TextTable {
        var table = TextTable(titles: ["run"] + (1...columns).map { "c\($0)" }, numeric: Set(1...columns))
        for row in 1...rows { table.append(["r\(row)"] + (1...columns).map { String(row * $0) }) }
        return table
    }

    /// Two runs, two numeric columns and a text column: 30 columns wide, 21 transposed.
    private var mixed: TextTable {
        var table = TextTable(titles: ["run", "loss", "accuracy", "optimizer"], numeric: [1, 2])
        table.append(["a", "0.5", "0.9", "adam"])
        table.append(["b", "0.25", "0.95", "sgd"])
        return table
    }

    @Test func aTableThatFitsIsPrintedAsItIs() {
        let fitted = FittedTable(mixed, width: 30)
        #expect(!fitted.isTransposed && fitted.blocks.count == 1)
        #expect(fitted.renderPlain() == mixed.renderPlain())
    }

    @Test func aTableTooWideIsTransposedWhenTheTransposeFitsAndCellsKeepTheirAlignment() {
        let fitted = FittedTable(mixed, width: 25)
        #expect(fitted.isTransposed && fitted.blocks.count == 1)
        // Numbers stay right-aligned and text left-aligned within a run's column; run names are
        // right-aligned over the numbers; the corner is empty.
        #expect(
            fitted.renderPlain() == """
                              a     b
                loss        0.5  0.25
                accuracy    0.9  0.95
                optimizer  adam  sgd

                """)
    }

    @Test func whenNeitherFitsTheTableIsCutIntoEvenBlocksRepeatingTheKeyColumn() {
        // 19 columns wide, 26 transposed; in 15 both need two blocks, and the table wins the tie.
        let fitted = FittedTable(grid(rows: 6, columns: 4), width: 15)
        #expect(!fitted.isTransposed)
        // Two columns and two, not three and one.
        #expect(
            fitted.renderPlain() == """
                run  c1  c2
                r1    1   2
                r2    2   4
                r3    3   6
                r4    4   8
                r5    5  10
                r6    6  12

                run  c3  c4
                r1    3   4
                r2    6   8
                r3    9  12
                r4   12  16
                r5   15  20
                r6   18  24

                """)
    }

    @Test func theTransposeIsCutWhenItNeedsFewerBlocks() {
        // Twelve columns need five blocks in 15; four runs transposed need two.
        let fitted = FittedTable(grid(rows: 4, columns: 12), width: 15)
        #expect(fitted.isTransposed)
        #expect(fitted.blocks.map { $0.columns.map(\.title) } == [["", "r1", "r2"], ["", "r3", "r4"]])
        #expect(fitted.blocks.allSatisfy { $0.rows.map(\.[0]) == (1...12).map { "c\($0)" } })
        // Many runs and few columns: the table's own orientation needs fewer blocks.
        let many = FittedTable(grid(rows: 12, columns: 4), width: 15)
        #expect(!many.isTransposed && many.blocks.count == 2)
    }

    @Test func longNamesAreShortenedInTheMiddleSoThatAKeyAndAColumnFit() {
        var table = TextTable(titles: ["run", "loss"], numeric: [1])
        table.append(["very_long_run_name/seed_3", "0.5"])
        table.append(["short", "0.25"])
        let fitted = FittedTable(table, width: 20)
        #expect(!fitted.isTransposed && fitted.blocks.count == 1)
        // The key keeps what the column leaves it (14 = 20 - 2 - 4), more than a third.
        #expect(
            fitted.renderPlain() == """
                run             loss
                very_l…/seed_3   0.5
                short           0.25

                """)
        // A cell wider than the terminal is cut to what the key leaves.
        var wide = TextTable(titles: ["run", "note"])
        wide.append(["a", String(repeating: "x", count: 50) + "END"])
        #expect(FittedTable(wide, width: 12).renderPlain() == "run  note\na    xxx…END\n")
    }

    @Test func shortenedNamesKeepTheirStartAndTheirLongerEnd() {
        #expect("very_long_run_name/seed_3".shortened(toWidth: 15) == "very_lo…/seed_3")
        #expect("validation/loss".shortened(toWidth: 8) == "val…loss")
        #expect("short".shortened(toWidth: 5) == "short")
        #expect("ab".shortened(toWidth: 1) == "…")
        #expect("abc".shortened(toWidth: 2) == "…c")
        #expect("abc".shortened(toWidth: 0) == "")
    }

    @Test func noLineIsEverWiderThanTheWidthAndNothingIsLost() {
        var random = SplitMix64(seed: 12)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let alphabet = Array("abcdefghij_/.-0123456789 ")
        for trial in 0..<600 {
            let columnCount = 1 + below(9)
            var table = TextTable(
                columns: (0..<columnCount).map { column in
                    TextTable.Column(
                        title: String((0..<below(column == 0 ? 5 : 30)).map { _ in alphabet[below(alphabet.count)] }),
                        alignment: below(2) == 0 ? .left : .right)
                })
            for _ in 0..<below(9) {
                // Some rows are short: missing cells are empty.
                table.append((0..<(columnCount - below(2))).map { _ in
                    String((0..<below(40)).map { _ in alphabet[below(alphabet.count)] })
                })
            }
            let width = FittedTable.minimumWidth + below(120)
            let fitted = FittedTable(table, width: width)
            let context = "trial \(trial), width \(width)"

            let lines = fitted.renderPlain().split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= width }, "\(context): \(lines.map(\.count).max() ?? 0)")
            if FittedTable.lineWidth(table) <= width {
                #expect(fitted.renderPlain() == table.renderPlain(), "\(context)")
            }
            // The blocks put side by side are the table (or its transpose), every cell whole or
            // shortened in the middle, each block starting with the same key column.
            let source = fitted.isTransposed ? FittedTable.transposed(table) : table
            let keys = fitted.blocks.first.map(column(0)) ?? []
            var joined = [keys]
            for block in fitted.blocks {
                #expect(column(0)(block) == keys, "\(context)")
                joined += block.columns.indices.dropFirst().map { column($0)(block) }
            }
            #expect(joined.count == source.columns.count, "\(context)")
            for (index, shown) in joined.enumerated() where index < source.columns.count {
                let original = column(index)(source)
                #expect(shown.count == original.count, "\(context)")
                for (cell, full) in zip(shown, original) where !isShortening(cell, of: full) {
                    Issue.record("\(context): '\(cell)' does not shorten '\(full)'")
                }
            }
        }
    }

    /// The title and then the cells of column `index` (empty where a row is short).
    private func column(_ index: Int) -> (TextTable) -> [String] {
        { table in [table.columns[index].title] + table.rows.map { index < $0.count ? $0[index] : "" } }
    }

    /// Whether `cell` is `full`, or its start and end with `…` between.
    private func isShortening(_ cell: String, of full: String) -> Bool {
        guard cell != full else { return true }
        guard let mark = cell.firstIndex(of: "…"), cell.count < full.count else { return false }
        return full.hasPrefix(cell[..<mark]) && full.hasSuffix(cell[cell.index(after: mark)...])
    }
}
