import TFEvents

/// A histogram tag over steps as TensorBoard's DISTRIBUTIONS dashboard draws it, as a standalone
/// SVG: at each step the histogram is compressed to its values at TensorBoard's basis points
/// (``HistogramCompression``), and the bands between them are stacked, lightest for the tails
/// (minimum to the 6.68th percentile) and darkest around the median, with the median as a line
/// in the text colour (TensorBoard draws none; a line shows where the middle is on paper).
///
/// The band opacities follow TensorBoard's frontend (the share of weight each band holds), and,
/// as it does, steps are sampled evenly when there are more than the chart has room for.
struct SVGDistributionChart {
    /// One step's compressed histogram: the values at ``HistogramCompression/basisPoints``.
    struct Step: Sendable, Hashable {
        var step: Int64
        var values: [Double]
    }

    var title: String
    /// A line under the title (run name, what the bands are).
    var subtitle: String?
    var steps: [Step]
    var colorIndex = 0
    var width: Double = 800
    var height: Double = 450
    var theme: ChartTheme = .light

    /// A chart of compressed histograms.
    init(
        title: String, subtitle: String? = nil, steps: [Step], colorIndex: Int = 0, width: Double = 800,
        height: Double = 450, theme: ChartTheme = .light
    ) {
        self.title = title
        self.subtitle = subtitle
        self.steps = steps
        self.colorIndex = colorIndex
        self.width = width
        self.height = height
        self.theme = theme
    }

    /// A chart of the histograms of one tag and run, compressed as TensorBoard compresses them.
    init(
        title: String, subtitle: String? = nil, histograms: [(step: Int64, histogram: Histogram)], colorIndex: Int = 0,
        width: Double = 800, height: Double = 450, theme: ChartTheme = .light
    ) {
        self.init(
            title: title, subtitle: subtitle,
            steps: histograms.map { Step(step: $0.step, values: HistogramCompression.compress($0.histogram.buckets)) },
            colorIndex: colorIndex, width: width, height: height, theme: theme)
    }

    /// The opacity of the band between basis points `i` and `i + 1`: TensorBoard's, the band's
    /// share of the weight (its percents, 2.28% and 15.87% ... over 2500), from the tails in.
    static let bandOpacities: [Double] = {
        let percents: [Double] = [0, 228, 1587, 3085, 5000, 6915, 8413, 9772, 10000]
        return (0..<8).map { (percents[$0 + 1] - percents[$0]) / 2500 }
    }()

    /// What the legend says of each band, from the outside in, and the median.
    static let bandNames = ["min – max", "±1.5σ", "±1σ", "±0.5σ"]

    /// The median's colour: the text colour, which stands out on the darkest band in both themes.
    var medianColor: String { theme.text }

    /// The frame the data is drawn in.
    var frame: SVGChartFrame {
        let finite = steps.flatMap(\.values).filter(\.isFinite)
        let yDomain = finite.min().flatMap { low in finite.max().map { low...$0 } }.map { domain in
            let margin = (domain.upperBound - domain.lowerBound) * 0.04
            return (domain.lowerBound - margin)...(domain.upperBound + margin)
        }
        let stepValues = steps.map { Double($0.step) }
        let xDomain = stepValues.min().flatMap { low in stepValues.max().map { low...$0 } }
        var legend = (0..<4).map { band in
            SVGChartFrame.LegendEntry(
                label: Self.bandNames[band], colorIndex: colorIndex,
                areaOpacity: Self.bandOpacities[band])
        }
        legend.append(SVGChartFrame.LegendEntry(label: "median", colorIndex: colorIndex, color: medianColor))
        return SVGChartFrame(
            width: width, height: height, theme: theme, title: title, subtitle: subtitle,
            xAxis: ChartAxis(domain: xDomain, format: .count), xTitle: "step",
            yAxis: ChartAxis(domain: yDomain), legend: legend)
    }

    /// The document.
    func render() -> String {
        let frame = self.frame
        var svg = frame.begin()
        let shown = sampled(maximum: max(2, Int(frame.plot.width / 2)))
        let color = theme.color(colorIndex)
        let count = HistogramCompression.basisPoints.count
        svg.open("g", [("class", "bands"), ("fill", color), ("stroke", "none")])
        for band in 0..<count - 1 {
            var path = SVGPath()
            for stretch in stretches(shown) {
                guard stretch.count > 1 else { continue }
                path.lift()
                for step in stretch {
                    path.line(frame.x(Double(step.step))!, frame.y(step.values[band + 1])!)
                }
                for step in stretch.reversed() {
                    path.line(frame.x(Double(step.step))!, frame.y(step.values[band])!)
                }
                path.closeShape()
            }
            guard !path.isEmpty else { continue }
            svg.element("path", [("d", path.data), ("fill-opacity", SVGBuilder.opacity(Self.bandOpacities[band]))])
        }
        svg.close("g")
        var median = SVGPath()
        var dots: [(Double, Double)] = []
        for stretch in stretches(shown) {
            median.lift()
            for step in stretch {
                median.line(frame.x(Double(step.step))!, frame.y(step.values[count / 2])!)
            }
            if stretch.count == 1, let step = stretch.first {
                dots.append((frame.x(Double(step.step))!, frame.y(step.values[count / 2])!))
            }
        }
        svg.element(
            "path",
            [
                ("class", "median"), ("d", median.data), ("fill", "none"), ("stroke", medianColor),
                ("stroke-width", "1.25"), ("stroke-opacity", "0.85"), ("stroke-linejoin", "round"),
            ])
        for (x, y) in dots {
            svg.element(
                "circle", [("cx", SVGBuilder.number(x)), ("cy", SVGBuilder.number(y)), ("r", "2"), ("fill", medianColor)])
        }
        return svg.finish()
    }

    /// At most `maximum` steps, evenly spread, the first and last always among them.
    func sampled(maximum: Int) -> [Step] {
        guard steps.count > maximum, maximum >= 2 else { return steps }
        return (0..<maximum).map { index in
            steps[Int((Double(index) * Double(steps.count - 1) / Double(maximum - 1)).rounded())]
        }
    }

    /// Runs of steps whose values are all finite (a histogram with a NaN edge breaks the bands).
    private func stretches(_ steps: [Step]) -> [[Step]] {
        var stretches: [[Step]] = [[]]
        for step in steps {
            if step.values.count == HistogramCompression.basisPoints.count && step.values.allSatisfy(\.isFinite) {
                stretches[stretches.count - 1].append(step)
            } else if !stretches[stretches.count - 1].isEmpty {
                stretches.append([])
            }
        }
        return stretches.filter { !$0.isEmpty }
    }
}
