import Testing
import TestSupport

@testable import TFEventsCLI

/// What ``ByteOutput`` writes is what it was given, in order, whether rows are formatted in place
/// or thousands at a time on other threads (``OrderedBlocks``), with text between them.
@Suite struct ByteOutputTests {
    @Test func rowsAndTextComeOutInTheOrderWritten() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/out.csv"
        let out = try ByteOutput(creatingFile: path)
        let rows = ExportRows(format: .csv, includesHistograms: true)
        var prefixes = RowPrefixes()
        var entries = [prefixes.add(rows.prefix(run: "run", tag: "loss"))]
        var expected = ""
        try out.write("header\n")
        expected += "header\n"
        // Enough rows for several blocks, text now and then (as histogram rows are).
        for index in 0..<(3 * ByteOutput.rowsPerBlock + 123) {
            // A new series now and then, in the middle of a block: the table grows under the
            // block's rows, which must keep their prefixes.
            if index % 7_000 == 3_000 { entries.append(prefixes.add(rows.prefix(run: "run \(index)", tag: "t"))) }
            let row = rows.scalar(
                prefix: entries[index % entries.count], step: Int64(index), wallTime: 1_700_000_000.5 + Double(index),
                value: 1 / Double(index + 1))
            try out.write(row, shared: prefixes)
            expected += row.text(shared: prefixes)
            if index % 5_000 == 17 {
                let text = "text \(index)\n"
                try out.write(text)
                expected += text
            }
        }
        try out.close()
        #expect(String(decoding: readFile(path), as: UTF8.self) == expected)
    }
}
