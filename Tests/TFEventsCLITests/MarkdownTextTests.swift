import Testing
import TFEvents

@testable import TFEventsCLI

/// Text summaries as the report shows them: escaped text, and pipe tables as HTML tables whose
/// cells show what ``MarkdownTable`` was given.
@Suite struct MarkdownTextTests {
    @Test func markdownTableCellsShowTheirTextLiterally() {
        let cells = ["a|b", "2*3*4", "<b>&amp;", "line\nbreak", "back\\slash", "[x](y)"]
        let markdown = MarkdownTable(header: ["cell", "n"], rows: cells.map { [$0, "1"] }).markdown
        let html = MarkdownText.html(markdown)
        #expect(html.hasPrefix("<div class=\"table-wrap\"><table class=\"md-table\"><thead><tr><th>cell</th><th>n</th>"))
        for cell in cells {
            #expect(html.contains("<td>\(Markup.escape(cell))</td><td>1</td>"), "\(cell)")
        }
        #expect(html.matches(of: /<tr>/).count == cells.count + 1)
    }

    @Test func textIsEscapedAndKeepsItsLines() {
        let html = MarkdownText.html("\n**bold** <script>x</script>\n\n  indented & more\n")
        #expect(html == "<div class=\"md-text\">**bold** &lt;script&gt;x&lt;/script&gt;\n\n  indented &amp; more</div>")
    }

    @Test func tablesBetweenTextKeepTheirAlignment() {
        let html = MarkdownText.html("before\n| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 |\nafter")
        #expect(html.hasPrefix("<div class=\"md-text\">before</div><div class=\"table-wrap\">"))
        #expect(html.contains("<th class=\"align-left\">a</th><th class=\"align-right\">b</th><th class=\"align-center\">c</th>"))
        // A short row is padded, as Markdown pads it.
        #expect(html.contains("<td class=\"align-left\">1</td><td class=\"align-right\">2</td><td class=\"align-center\"></td>"))
        #expect(html.hasSuffix("</table></div><div class=\"md-text\">after</div>"))
    }

    @Test func linesThatOnlyLookLikeTablesStayText() {
        for text in ["a | b\nno delimiter", "heading\n---", "| a | b |\n|---|", "x\n-|-"] {
            #expect(!MarkdownText.html(text).contains("<table"), "\(text)")
        }
    }

    @Test func characterReferencesAndEscapesResolveInCells() {
        #expect(MarkdownText.cellText(#"&lt;&#124;&#x41;&amp;lt; \| \* <BR/>x &bogus; &#0;"#) == "<|A&lt; | * \nx &bogus; &#0;")
    }
}
