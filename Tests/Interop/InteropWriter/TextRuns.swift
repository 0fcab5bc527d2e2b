import Foundation
import TFEvents

/// Text runs: Markdown, a table with cells that need escaping, and odd characters. The manifest
/// holds, per point, the Markdown written and HTML fragments TensorBoard's rendering must (and
/// must not) contain.
func writeTextRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0
    let run = "text/all"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)

    func record(
        _ tag: String, _ markdown: String, step: Int64, wallTime: Double, contains: [String], excludes: [String] = []
    ) throws {
        try writer.addText(tag, markdown, step: step, wallTime: wallTime)
        manifest.append(
            run: run, section: "text", tag: tag,
            .object([
                ("wall_time", .number(wallTime)), ("step", .int(step)), ("markdown", .string(markdown)),
                ("contains", .array(contains.map { .string($0) })), ("excludes", .array(excludes.map { .string($0) })),
            ]))
    }

    for step in 0..<3 {
        try record(
            "notes/markdown", "# Step \(step)\n\n**bold** and *emphasis*\n\n- first\n- second\n\n`code`",
            step: Int64(step), wallTime: base + Double(step),
            contains: [
                "<h1>Step \(step)</h1>", "<strong>bold</strong>", "<em>emphasis</em>", "<li>first</li>",
                "<code>code</code>",
            ])
    }

    let table = MarkdownTable(
        header: ["name", "value", "note"],
        rows: [
            ["pipe", "a|b", "2*3*4"],
            ["lines", "line 1\nline 2", "snake_case_name"],
            ["html", "<script>alert(1)</script>", "x & y"],
            ["ragged"],
            ["unicode", "métrique 😀", "[not](a link)"],
        ])
    try record(
        "notes/table", table.markdown, step: 5, wallTime: base + 10,
        contains: [
            "<table>", "<th>name</th>", "<th>note</th>", "<td>a|b</td>", "<td>2*3*4</td>", "<td>line 1<br>line 2</td>",
            "<td>snake_case_name</td>", "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", "<td>x &amp; y</td>",
            "<td>métrique 😀</td>", "<td>[not](a link)</td>", "<td>ragged</td>",
        ],
        excludes: ["<script>", "<em>"])

    try record(
        "notes/odd_characters", "before \u{0}\u{2}\u{3}\u{7F} e\u{301} שלום \u{FEFF} after", step: 6,
        wallTime: base + 20, contains: ["before", "after", "שלום"])
    try record("notes/empty", "", step: 7, wallTime: base + 30, contains: [])
    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
