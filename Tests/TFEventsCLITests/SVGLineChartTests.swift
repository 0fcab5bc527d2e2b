import Foundation
import TFEvents
import Testing
import TestSupport

@testable import TFEventsCLI

/// Charts of runs written for the test, read back as `plot` reads them.
@Suite struct SVGLineChartTests {
    static let hostile = "<img src=x onerror=alert(1)>"

    /// Writes runs (name → tag → values at steps 0, 1, ...) and reads them as a chart set.
    static func chartSet(
        _ runs: [String: [String: [Double]]], grouping: RunGrouping? = nil, tags: NameFilter = .all
    ) throws -> ScalarChartSet {
        let root = try makeTemporaryDirectory("plot")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (run, tags) in runs {
            let writer = try SummaryWriter(logdir: root + "/" + run)
            for (tag, values) in tags.sorted(by: { $0.key < $1.key }) {
                for (step, value) in values.enumerated() {
                    try writer.addScalar(tag, value, step: step, wallTime: 1_700_000_000 + Double(step) * 30)
                }
            }
            try writer.close()
        }
        let contents = try SummaryReader(logdir: root).contents(kinds: [.scalars])
        return ScalarChartSet(
            runs: contents.runs.map { ScalarChartSet.ShownRun(name: $0.run.name, contents: $0) }, tags: tags,
            grouping: grouping)
    }

    static let values: [Double] = [1, 3, 2, 5, 4, 4.5, 3, 6, 5.5, 7]

    @Test func theLineIsTheSmoothedSeriesAndTheFaintLineTheRawOne() throws {
        let set = try Self.chartSet(["a": ["loss": Self.values], "b": ["loss": Self.values.map { $0 * 2 }]])
        let data = LineChartData(scalars: set, style: ScalarChartStyle(smoothing: 0.6))
        let chart = SVGLineChart(data: data)
        let svg = try SVGTree(chart.render())
        let frame = chart.frame
        let lines = svg.paths(class: "line")
        let raws = svg.paths(class: "raw")
        #expect(lines.count == 2 && raws.count == 2)  // one per run
        // Float32 values, as stored.
        let stored = Self.values.map { Double(Float($0)) }
        let smoothed = Smoothing.exponentialMovingAverage(stored, weight: 0.6)
        #expect(smoothed[1] == 2.25 && smoothed != stored)
        let drawn = SVGTree.pieces(lines[0].attributes["d"]!)
        #expect(drawn.count == 1 && drawn[0].count == Self.values.count)
        for (step, point) in drawn[0].enumerated() {
            #expect(point.x == Double(SVGBuilder.number(frame.x(Double(step))!)))
            #expect(point.y == Double(SVGBuilder.number(frame.y(smoothed[step])!)))
        }
        let raw = SVGTree.pieces(raws[0].attributes["d"]!)[0]
        #expect(raw.map(\.y) == stored.map { Double(SVGBuilder.number(frame.y($0)!))! })
        #expect(raws[0].attributes["stroke-opacity"] == "0.25")
        // The second run's line, in the second colour.
        #expect(lines[1].attributes["stroke"] == ChartPalette.light[1])
    }

    @Test func noSmoothingDrawsTheValuesWithoutAFaintCopy() throws {
        let set = try Self.chartSet(["a": ["loss": Self.values]])
        let chart = SVGLineChart(data: LineChartData(scalars: set, style: ScalarChartStyle(smoothing: 0)))
        let svg = try SVGTree(chart.render())
        #expect(svg.paths(class: "raw").isEmpty)
        let points = SVGTree.pieces(svg.paths(class: "line")[0].attributes["d"]!)[0]
        #expect(points.last!.y == Double(SVGBuilder.number(chart.frame.y(7)!)))
    }

    @Test func groupsDrawOneMeanLineWithABandEach() throws {
        let runs: [String: [String: [Double]]] = [
            "lr_0.1/seed_1": ["loss": [1, 2, 3]], "lr_0.1/seed_2": ["loss": [3, 4, 5]],
            "lr_0.01/seed_1": ["loss": [2, 2, 2]],
        ]
        let set = try Self.chartSet(runs, grouping: try RunGrouping(removing: #"seed_\d+"#))
        for (band, expectedBands) in [(ScalarChartStyle.Band.std, 2), (.minmax, 2), (.none, 0)] {
            let data = LineChartData(scalars: set, style: ScalarChartStyle(smoothing: 0, band: band))
            #expect(data.series.map(\.label) == ["lr_0.01", "lr_0.1"])
            #expect(data.series.map(\.note) == ["1 run", "2 runs"])
            #expect(data.series[1].y == [2, 3, 4])
            let svg = try SVGTree(SVGLineChart(data: data).render())
            #expect(svg.paths(class: "line").count == 2)
            #expect(svg.paths(class: "band").count == expectedBands, "\(band)")
            if band == .std {
                #expect(data.series[1].band?.lower == [1, 2, 3] && data.series[1].band?.upper == [3, 4, 5])
                #expect(data.subtitle?.contains("± 1 std") == true)
            }
        }
    }

    @Test func severalTagsGetALinePerRunAndTagColouredByRunAndDashedByTag() throws {
        let set = try Self.chartSet([
            "a": ["train/loss": [3, 2, 1], "validation/loss": [3, 2.5, 2]], "b": ["train/loss": [4, 3, 2]],
        ])
        let data = LineChartData(scalars: set, style: ScalarChartStyle())
        #expect(data.series.map(\.label) == ["a · train/loss", "a · validation/loss", "b · train/loss"])
        #expect(data.series.map(\.colorIndex) == [0, 0, 1])
        #expect(data.series.map(\.dashIndex) == [0, 1, 0])
        #expect(data.title == "train/loss, validation/loss")
        let svg = try SVGTree(SVGLineChart(data: data).render())
        #expect(svg.paths(class: "line").map { $0.attributes["stroke-dasharray"] } == [nil, "8.8 4.4", nil])
        // One tag's chart alone (as a report draws each tag): the set's colours, no dashes.
        let validation = LineChartData(charts: [set.charts[1]], style: ScalarChartStyle())
        #expect(validation.series.map(\.label) == ["a"] && validation.title == "validation/loss")
        let train = LineChartData(charts: [set.charts[0]], style: ScalarChartStyle())
        #expect(train.series.map(\.colorIndex) == [0, 1] && train.series.map(\.dashIndex) == [0, 0])
        // One run, several tags: a colour per tag.
        let single = try Self.chartSet(["a": ["train/loss": [3, 2, 1], "validation/loss": [3, 2.5, 2]]])
        let tags = LineChartData(scalars: single, style: ScalarChartStyle())
        #expect(tags.series.map(\.label) == ["train/loss", "validation/loss"])
        #expect(tags.series.map(\.colorIndex) == [0, 1] && tags.series.map(\.dashIndex) == [0, 0])
    }

    @Test func hostileNamesAreTextAndTheDocumentStaysWellFormed() throws {
        let tag = "<script>alert(\"x\")</script>&amp;'"
        let set = try Self.chartSet([Self.hostile: [tag: [1, 2, 3]], "b\u{7}": [tag: [2, 1, 0]]])
        let rendered = SVGLineChart(data: LineChartData(scalars: set, style: ScalarChartStyle())).render()
        let svg = try SVGTree(rendered)
        #expect(svg.elements("img").isEmpty && svg.elements("script").isEmpty)
        let legend = svg.elements("tspan").map(\.text)
        #expect(legend.contains(Self.hostile))
        #expect(legend.contains("b\u{FFFD}"))  // BEL is not allowed in XML
        #expect(svg.elements("title").first?.text == tag)
        #expect(!rendered.contains("<img") && !rendered.contains("<script"))
    }

    @Test func outputIsDeterministicAndCompact() throws {
        let set = try Self.chartSet(["a": ["loss": Self.values], "b": ["loss": Self.values.reversed()]])
        let data = LineChartData(scalars: set, style: ScalarChartStyle())
        let first = SVGLineChart(data: data).render()
        #expect(first == SVGLineChart(data: data).render())
        // Every coordinate has at most one decimal.
        let decimals = first.matches(of: /\d\.(\d+)/).map { $0.output.1.count }
        #expect(decimals.allSatisfy { $0 == 1 || $0 == 2 })  // 2: opacities such as 0.25
        for path in try SVGTree(first).elements("path") {
            #expect(path.attributes["d"]!.matches(of: /\.\d\d/).isEmpty)
        }
    }

    @Test func aMillionPointsDrawAsAFewPerPixelColumn() throws {
        let count = 1_000_000
        let x = (0..<count).map(Double.init)
        let y = x.map { sin($0 / 5000) + ($0.truncatingRemainder(dividingBy: 7)) / 10 }
        let data = LineChartData(
            title: "big", xTitle: "step", series: [LineChartData.Series(label: "a", colorIndex: 0, x: x, y: y)])
        let svg = try SVGTree(SVGLineChart(data: data).render())
        let points = SVGTree.pieces(svg.paths(class: "line")[0].attributes["d"]!).flatMap { $0 }
        let columns = Int(SVGLineChart(data: data).frame.plot.width.rounded())
        #expect(points.count <= 4 * columns && points.count > columns)
        // The extremes are kept: the line spans the whole y range.
        let ys = points.map(\.y)
        let frame = SVGLineChart(data: data).frame
        #expect(abs(ys.min()! - frame.y(y.max()!)!) < 0.11 && abs(ys.max()! - frame.y(y.min()!)!) < 0.11)
    }

    @Test func nonFiniteValuesBreakTheLineAndAreMarkedAtTheEdge() throws {
        let data = LineChartData(
            title: "t", xTitle: "step",
            series: [
                LineChartData.Series(
                    label: "a", colorIndex: 0, x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, -.infinity, 2])
            ])
        let chart = SVGLineChart(data: data)
        let svg = try SVGTree(chart.render())
        let pieces = SVGTree.pieces(svg.paths(class: "line")[0].attributes["d"]!)
        #expect(pieces.map(\.count) == [2])  // 0-1; 3 and 5 stand alone and are dots
        #expect(svg.elements("circle").count == 2)
        let marks = SVGTree.pieces(svg.paths(class: "off-scale")[0].attributes["d"]!)
        #expect(marks.count == 2)
        let frame = chart.frame
        #expect(marks[0][0] == (x: Double(SVGBuilder.number(frame.x(2)!))!, y: Double(SVGBuilder.number(frame.plot.top))!))
        #expect(marks[1][0].y == Double(SVGBuilder.number(frame.plot.bottom)))
        #expect(svg.elements("text").contains { $0.text.contains("▲ NaN or +∞") })
    }

    @Test func aLogarithmicAxisMarksValuesThatAreNotPositive() throws {
        let data = LineChartData(
            title: "t", xTitle: "step", yScale: .logarithmic,
            series: [LineChartData.Series(label: "a", colorIndex: 0, x: [0, 1, 2, 3], y: [10, 1, 0, 0.1])])
        let chart = SVGLineChart(data: data)
        let svg = try SVGTree(chart.render())
        #expect(chart.frame.yAxis.domain.lowerBound < 0.1 && chart.frame.yAxis.domain.upperBound > 10)
        let mark = SVGTree.pieces(svg.paths(class: "off-scale")[0].attributes["d"]!)[0][0]
        #expect(mark.y == Double(SVGBuilder.number(chart.frame.plot.bottom)))
        #expect(svg.elements("text").map(\.text).contains("1"))
    }
}
