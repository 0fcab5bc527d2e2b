import TFEvents

/// Precision against recall, one line per run, as a standalone SVG: what TensorBoard's PR CURVES
/// dashboard shows for the chosen step (a report draws each run's last).
///
/// As TensorBoard's plugin does, the thresholds at the end of a curve where no example is
/// predicted positive (true plus false positives, as integers, equal to 0; precision is
/// undefined there) are left out; the rest are drawn in threshold order, from recall 1 at
/// threshold 0 towards recall 0.
struct SVGPRCurveChart {
    /// One run's curve.
    struct Curve: Sendable {
        /// The run's name.
        var name: String
        /// The colour, an index into ``ChartPalette``.
        var colorIndex: Int
        var curve: PRCurve
        /// The step the curve is from, shown in the legend.
        var step: Int64?
    }

    var title: String
    var subtitle: String?
    var curves: [Curve]
    var width: Double = 560
    var height: Double = 480
    var theme: ChartTheme = .light

    /// The thresholds TensorBoard draws: up to the last where true plus false positives (each
    /// truncated to an integer) are not 0, and at least the first.
    static func drawnCount(_ curve: PRCurve) -> Int {
        let count = min(
            curve.truePositives.count, curve.falsePositives.count, curve.precision.count, curve.recall.count)
        guard count > 0 else { return 0 }
        var end = count - 1
        func integer(_ value: Double) -> Int64 { value.isFinite && abs(value) < 9e18 ? Int64(value) : 0 }
        while end > 0 && integer(curve.truePositives[end]) + integer(curve.falsePositives[end]) == 0 { end -= 1 }
        return end + 1
    }

    /// The frame the data is drawn in.
    var frame: SVGChartFrame {
        SVGChartFrame(
            width: width, height: height, theme: theme, title: title, subtitle: subtitle,
            xAxis: ChartAxis(domain: 0...1), xTitle: "recall", yAxis: ChartAxis(domain: 0...1), yTitle: "precision",
            legend: curves.map { curve in
                SVGChartFrame.LegendEntry(
                    label: curve.name, note: curve.step.map { "step \($0)" }, colorIndex: curve.colorIndex)
            })
    }

    /// The document.
    func render() -> String {
        let frame = self.frame
        var svg = frame.begin()
        svg.open("g", [("fill", "none"), ("stroke-width", "1.75"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
        for curve in curves {
            var path = SVGPath()
            for index in 0..<Self.drawnCount(curve.curve) {
                guard let x = frame.x(curve.curve.recall[index]), let y = frame.y(curve.curve.precision[index]) else {
                    path.lift()
                    continue
                }
                path.line(x, y)
            }
            guard !path.isEmpty else { continue }
            svg.element("path", [("class", "curve"), ("d", path.data), ("stroke", theme.color(curve.colorIndex))])
        }
        svg.close("g")
        return svg.finish()
    }
}
