import Foundation
import TFEvents
import Testing
import TestSupport

@testable import TFEventsCLI

/// The static charts of the report's histogram and PR-curve sections. Set
/// `TFEVENTS_CHART_DIR=DIR` to also write the demo's charts there, to look at them.
@Suite struct ReportChartTests {
    static func write(_ svg: String, _ name: String) {
        guard let directory = ProcessInfo.processInfo.environment["TFEVENTS_CHART_DIR"] else { return }
        try? svg.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test func distributionBandsAreTheCompressedHistogramsWithTheMedianLine() throws {
        // Uniform on [0, 10) at every step, shifted by the step: the median is step + 5.
        let histograms = (0..<5).map { step -> (step: Int64, histogram: Histogram) in
            let buckets = (0..<10).map { Histogram.Bucket(left: Double(step + $0), right: Double(step + $0 + 1), count: 10) }
            return (Int64(step * 10), Histogram(buckets: buckets))
        }
        let chart = SVGDistributionChart(title: "weights/dense", subtitle: "lr_0.1", histograms: histograms)
        let expected = [2, 2.668, 3.587, 5.085, 7, 8.915, 10.413, 11.332, 12]
        #expect(zip(chart.steps[2].values, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        let svg = try SVGTree(chart.render())
        let bands = svg.elements("path").filter { $0.attributes["fill-opacity"] != nil }
        #expect(bands.count == 8)
        // Tails lightest, the middle darkest, as TensorBoard shades them.
        #expect(bands.map { $0.attributes["fill-opacity"]! } == ["0.09", "0.54", "0.6", "0.77", "0.77", "0.6", "0.54", "0.09"])
        let frame = chart.frame
        let median = SVGTree.pieces(svg.paths(class: "median")[0].attributes["d"]!)[0]
        #expect(median.count == 5)
        for (index, point) in median.enumerated() {
            #expect(point.x == Double(SVGBuilder.number(frame.x(Double(index * 10))!)))
            #expect(point.y == Double(SVGBuilder.number(frame.y(Double(index) + 5)!)))
        }
        // The outer band runs from the minimum, along the steps and back.
        let outer = SVGTree.pieces(bands[0].attributes["d"]!)[0]
        #expect(outer.count == 10)
        #expect(outer.last!.y == Double(SVGBuilder.number(frame.y(0)!)))
        #expect(svg.elements("tspan").map(\.text) == ["min – max", "±1.5σ", "±1σ", "±0.5σ", "median"])
    }

    @Test func distributionSamplesLongRunsAndBreaksAtNonFiniteValues() throws {
        let steps = (0..<5000).map { SVGDistributionChart.Step(step: Int64($0), values: Array(repeating: Double($0 % 7), count: 9)) }
        let chart = SVGDistributionChart(title: "t", steps: steps)
        let sampled = chart.sampled(maximum: 300)
        #expect(sampled.count == 300 && sampled.first?.step == 0 && sampled.last?.step == 4999)
        _ = try SVGTree(chart.render())
        var broken = steps.prefix(6).map { $0 }
        broken[3].values[4] = .nan
        let svg = try SVGTree(SVGDistributionChart(title: "t", steps: broken).render())
        #expect(SVGTree.pieces(svg.paths(class: "median")[0].attributes["d"]!).map(\.count) == [3, 2])
        // No histogram at all still makes a document.
        _ = try SVGTree(SVGDistributionChart(title: "empty", steps: []).render())
    }

    @Test func prCurvesDropTheThresholdsWithoutPositivePredictions() throws {
        let curve = PRCurve(
            truePositives: [10, 8, 5, 0.5, 0], falsePositives: [10, 4, 1, 0, 0], trueNegatives: [0, 6, 9, 10, 10],
            falseNegatives: [0, 2, 5, 9.5, 10], precision: [0.5, 0.667, 0.833, 1, 0], recall: [1, 0.8, 0.5, 0.05, 0])
        // TensorBoard truncates counts to integers: 0.5 true positives count as none.
        #expect(SVGPRCurveChart.drawnCount(curve) == 3)
        let chart = SVGPRCurveChart(
            title: "validation/pr_curve",
            curves: [
                .init(name: "<img src=x onerror=alert(1)>", colorIndex: 0, curve: curve, step: 39),
                .init(name: "b", colorIndex: 1, curve: curve),
            ])
        let svg = try SVGTree(chart.render())
        let paths = svg.paths(class: "curve")
        #expect(paths.count == 2 && svg.elements("img").isEmpty)
        let points = SVGTree.pieces(paths[0].attributes["d"]!)[0]
        let frame = chart.frame
        #expect(points.count == 3)
        #expect(points[1] == (Double(SVGBuilder.number(frame.x(0.8)!))!, Double(SVGBuilder.number(frame.y(0.667)!))!))
        #expect(svg.elements("tspan").map(\.text) == ["<img src=x onerror=alert(1)>", " step 39", "b"])
        #expect(svg.elements("text").contains { $0.text == "precision" } && svg.elements("text").contains { $0.text == "recall" })
    }

    @Test func theDemosHistogramsAndCurvesDraw() throws {
        let directory = PlotTests.demo
        let contents = try SummaryReader(logdir: directory).contents(kinds: [.histograms, .prCurves])
        var curves: [SVGPRCurveChart.Curve] = []
        for (index, run) in contents.runs.enumerated() {
            let histograms = run.series(tag: "weights/dense")!.points.compactMap { point -> (step: Int64, histogram: Histogram)? in
                guard case .histogram(let histogram) = point.value else { return nil }
                return (point.step, histogram)
            }
            #expect(histograms.count > 1)
            let distribution = SVGDistributionChart(
                title: "weights/dense", subtitle: run.run.name, histograms: histograms, colorIndex: index)
            let svg = distribution.render()
            _ = try SVGTree(svg)
            Self.write(svg, "distribution-\(run.run.name).svg")
            Self.write(
                SVGDistributionChart(
                    title: "weights/dense", subtitle: run.run.name, histograms: histograms, colorIndex: index,
                    theme: .dark
                ).render(), "distribution-\(run.run.name)-dark.svg")
            if let last = run.series(tag: "validation/pr_curve")?.points.last, case .prCurve(let curve) = last.value {
                curves.append(.init(name: run.run.name, colorIndex: index, curve: curve, step: last.step))
            }
        }
        #expect(curves.count == 3)
        let pr = SVGPRCurveChart(title: "validation/pr_curve", curves: curves).render()
        #expect(try SVGTree(pr).paths(class: "curve").count == 3)
        Self.write(pr, "pr-curves.svg")
        Self.write(SVGPRCurveChart(title: "validation/pr_curve", curves: curves, theme: .dark).render(), "pr-curves-dark.svg")
    }
}
