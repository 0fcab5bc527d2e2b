import Foundation
import Testing
import TestSupport

@testable import TFEventsCLI

@Suite struct TerminalLineChartTests {
    /// `text` without ANSI escape sequences.
    static func plain(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "")
    }

    static func data(names: [String], points: Int = 200) -> LineChartData {
        LineChartData(
            title: "train/loss", subtitle: "smoothing 0.6", xTitle: "step",
            series: names.enumerated().map { index, name in
                let x = (0..<points).map(Double.init)
                return LineChartData.Series(
                    label: name, colorIndex: index, x: x,
                    y: x.map { 2 * exp(-$0 / Double(20 + 30 * index)) + 0.1 * Double(index) })
            })
    }

    @Test func neverWiderThanAskedWhateverTheNames() {
        let names = [
            "lr_0.01", "\u{1B}]0;pwned\u{7}\u{1B}[31mred", String(repeating: "很长的名字", count: 30),
            "<img src=x onerror=alert(1)>", "e\u{301}\u{301}\u{301}mojis 👩‍🔬🚀🚀🚀",
        ]
        for columns in [10, 20, 30, 41, 79, 80, 120, 200] {
            for colors in [TerminalColors.none, .palette256, .trueColor] {
                let lines = TerminalLineChart(data: Self.data(names: names), columns: columns, rows: 24, colors: colors)
                    .render()
                #expect(lines.count <= 24)
                for line in lines {
                    let shown = Self.plain(line)
                    #expect(TerminalText.width(shown) <= columns, "\(columns) \(colors): \(shown)")
                    // The names' own escape sequences never reach the terminal.
                    #expect(!shown.contains("\u{1B}") && !shown.contains("\u{7}"))
                }
            }
        }
    }

    @Test func aLegendLinePerRunWithItsLastValue() {
        let names = ["lr_0.01", "lr_0.03", "lr_0.1"]
        let lines = TerminalLineChart(data: Self.data(names: names), columns: 100, rows: 30).render()
        #expect(lines.count == 30)
        for (index, name) in names.enumerated() {
            let legend = lines.filter { $0.contains(" " + name + " ") }
            #expect(legend.count == 1, "\(name)")
            let last = Self.data(names: names).series[index].y.last!
            #expect(legend.first?.hasSuffix(" " + NumberFormatting.short(last)) == true)
            #expect(legend.first?.contains("  last ") == true)
        }
        #expect(lines[0].hasPrefix("train/loss   smoothing 0.6"))
        // The canvas is braille, framed by the y axis and the x axis with its labels.
        #expect(lines.contains { $0.contains("┤") && $0.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) } })
        #expect(lines.contains { $0.contains("└┬") })
        #expect(lines.contains { $0.hasSuffix("step") })
    }

    @Test func coloursOnlyWhenAllowedAndDashesWithout() {
        let data = Self.data(names: ["a", "b"])
        let none = TerminalLineChart(data: data, columns: 80, rows: 24, colors: .none).render().joined()
        #expect(!none.contains("\u{1B}"))
        #expect(none.contains("━━━ a") && none.contains("╍╍╍ b"))  // told apart by dashes
        let palette = TerminalLineChart(data: data, columns: 80, rows: 24, colors: .palette256).render().joined()
        #expect(palette.contains("\u{1B}[38;5;74m"))  // #56B4E9, the dark theme's first colour
        #expect(palette.contains("━━━ a") == false && Self.plain(palette).contains("━━━ b"))  // both solid
        let trueColor = TerminalLineChart(data: data, columns: 80, rows: 24, colors: .trueColor).render().joined()
        #expect(trueColor.contains("\u{1B}[38;2;86;180;233m"))
        #expect(TerminalColors.nearest256(0, 0x72, 0xB2) == 25 && TerminalColors.nearest256(128, 128, 128) == 244)
    }

    @Test func tooManyLinesShareLegendLinesAndTheCanvasKeepsItsRows() {
        let names = (0..<30).map { "run_\($0)" }
        let lines = TerminalLineChart(data: Self.data(names: names, points: 20), columns: 80, rows: 20).render()
        #expect(lines.count <= 20 + 3)  // the canvas keeps its minimum of 3 rows
        #expect(lines.filter { $0.contains("run_") }.count < 30)
        for name in names { #expect(lines.contains { $0.contains(name + " ") || $0.hasSuffix(name) }) }
    }

    @Test func brailleDotsAreUnicodesNumbering() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.set(0, 0, color: 1)
        canvas.set(1, 3, color: 2)
        canvas.set(2, 1, color: 3)
        #expect(canvas.cell(0, 0) == ("\u{2881}", 2))  // dots 1 and 8
        #expect(canvas.cell(1, 0) == ("\u{2802}", 3))  // dot 2
        var counter = 0
        var line = BrailleCanvas(columns: 4, rows: 1)
        line.line(from: (0, 0), to: (7, 3), color: 0, counter: &counter)
        #expect(counter == 8)
        #expect((0..<4).map { line.cell($0, 0).character } == ["\u{2809}", "\u{2812}", "\u{2824}", "\u{28C0}"].map(Character.init))
    }
}
