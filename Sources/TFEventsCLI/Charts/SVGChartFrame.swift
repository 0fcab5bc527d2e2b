/// Everything of an SVG chart but its data: the page, title and subtitle, a legend with colour
/// swatches, gridlines, axes with tick labels and axis titles. ``SVGLineChart``,
/// ``SVGDistributionChart`` and ``SVGPRCurveChart`` draw their data inside ``plot``.
///
/// Text widths are estimated (an SVG cannot measure its text before a viewer lays it out), on
/// the wide side for the system fonts of ``ChartTheme/fontFamily``, so labels are thinned and
/// names shortened before they could collide.
struct SVGChartFrame {
    /// One legend entry.
    struct LegendEntry {
        var label: String
        /// Shown after the label, muted (`3 runs`).
        var note: String?
        var colorIndex: Int
        var dashIndex: Int = 0
        /// Whether a band swatch sits behind the line swatch.
        var band = false
        /// The opacity of an area swatch drawn instead of a line (for charts of bands).
        var areaOpacity: Double?
        /// A colour other than the palette's, such as a median drawn over bands of the line colour.
        var color: String?
    }

    /// The plot area, in pixels.
    struct Rect {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    let width: Double
    let height: Double
    let theme: ChartTheme
    let title: String
    let subtitle: String?
    let xAxis: ChartAxis
    let xTitle: String
    let yAxis: ChartAxis
    let yTitle: String?
    let legend: [LegendEntry]

    /// Where the data goes.
    private(set) var plot: Rect
    private let xTicks: [ChartAxis.Tick]
    private let yTicks: [ChartAxis.Tick]
    /// Legend entries by row, each with its x offset and the label as shown.
    private let legendRows: [[(x: Double, entry: LegendEntry, label: String)]]
    private let legendTop: Double

    static let padding = 16.0
    static let titleSize = 15.0
    static let textSize = 12.0
    static let legendRowHeight = 18.0
    static let swatchWidth = 18.0

    init(
        width: Double, height: Double, theme: ChartTheme, title: String, subtitle: String?,
        xAxis: ChartAxis, xTitle: String, yAxis: ChartAxis, yTitle: String? = nil, legend: [LegendEntry]
    ) {
        self.width = width
        self.height = height
        self.theme = theme
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.xTitle = xTitle
        self.yAxis = yAxis
        self.yTitle = yTitle
        self.legend = legend

        let padding = Self.padding
        var top = padding + Self.titleSize + 4
        if subtitle != nil { top += Self.textSize + 6 }
        legendTop = top + 4
        let legendWidth = width - 2 * padding
        legendRows = Self.layOut(legend, width: legendWidth)
        top = legendTop + Double(legendRows.count) * Self.legendRowHeight + 10

        let bottom = height - padding - Self.textSize - 6 - Self.textSize - 8
        let plotHeight = max(20, bottom - top)
        yTicks = yAxis.ticks(count: max(2, Int(plotHeight / 48)))
        let labelWidth = yTicks.map { Self.textWidth($0.label, size: Self.textSize) }.max() ?? 0
        let left = padding + (yTitle == nil ? 0 : Self.textSize + 8) + labelWidth + 8
        let right = width - padding - 8
        plot = Rect(left: left, top: top, right: max(left + 20, right), bottom: top + plotHeight)
        xTicks = Self.thinned(xAxis.ticks(count: max(2, Int((right - left) / 90))), axis: xAxis, width: right - left)
    }

    /// The x pixel of `value`, or `nil` when it has no place on the axis.
    func x(_ value: Double) -> Double? {
        xAxis.position(value, from: plot.left, to: plot.right)
    }

    /// The y pixel of `value`, or `nil` when it has no place on the axis.
    func y(_ value: Double) -> Double? {
        yAxis.position(value, from: plot.bottom, to: plot.top)
    }

    /// Starts the document and draws the page, titles, legend, gridlines and axes.
    func begin() -> SVGBuilder {
        var svg = SVGBuilder(width: width, height: height, title: title)
        let font = ChartTheme.fontFamily
        svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", theme.background)])
        svg.open("g", [("font-family", font), ("font-size", SVGBuilder.number(Self.textSize)), ("fill", theme.text)])
        svg.element(
            "text",
            [
                ("x", SVGBuilder.number(Self.padding)), ("y", SVGBuilder.number(Self.padding + Self.titleSize - 2)),
                ("font-size", SVGBuilder.number(Self.titleSize)), ("font-weight", "600"),
            ], content: Self.shortened(title, to: width - 2 * Self.padding, size: Self.titleSize))
        if let subtitle {
            svg.element(
                "text",
                [
                    ("x", SVGBuilder.number(Self.padding)),
                    ("y", SVGBuilder.number(Self.padding + Self.titleSize + 4 + Self.textSize)),
                    ("fill", theme.mutedText),
                ], content: Self.shortened(subtitle, to: width - 2 * Self.padding, size: Self.textSize))
        }
        drawLegend(&svg)
        drawGrid(&svg)
        svg.close("g")
        return svg
    }

    private func drawLegend(_ svg: inout SVGBuilder) {
        guard !legendRows.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        for (row, entries) in legendRows.enumerated() {
            let middle = legendTop + Double(row) * Self.legendRowHeight + Self.legendRowHeight / 2
            for (x, entry, label) in entries {
                let color = entry.color ?? theme.color(entry.colorIndex)
                if let opacity = entry.areaOpacity {
                    svg.element(
                        "rect",
                        [
                            ("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(middle - 6)),
                            ("width", SVGBuilder.number(Self.swatchWidth)), ("height", "12"), ("rx", "2"),
                            ("fill", color), ("fill-opacity", SVGBuilder.opacity(opacity)),
                        ])
                } else if entry.band {
                    svg.element(
                        "rect",
                        [
                            ("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(middle - 5)),
                            ("width", SVGBuilder.number(Self.swatchWidth)), ("height", "10"), ("rx", "2"),
                            ("fill", color), ("fill-opacity", SVGBuilder.opacity(theme.bandOpacity * 1.5)),
                        ])
                }
                if entry.areaOpacity == nil {
                    var attributes = [
                        ("x1", SVGBuilder.number(x)), ("y1", SVGBuilder.number(middle)),
                        ("x2", SVGBuilder.number(x + Self.swatchWidth)), ("y2", SVGBuilder.number(middle)),
                        ("stroke", color), ("stroke-width", "2.5"), ("stroke-linecap", "round"),
                    ]
                    if let dashes = Self.dashArray(entry.dashIndex, width: 2) {
                        attributes.append(("stroke-dasharray", dashes))
                    }
                    svg.element("line", attributes)
                }
                svg.open(
                    "text",
                    [("x", SVGBuilder.number(x + Self.swatchWidth + 6)), ("y", SVGBuilder.number(middle + 4))])
                svg.element("tspan", [], content: label)
                if let note = entry.note {
                    svg.element("tspan", [("fill", theme.mutedText)], content: " " + note)
                }
                svg.close("text")
            }
        }
        svg.close("g")
    }

    private func drawGrid(_ svg: inout SVGBuilder) {
        var grid = SVGPath()
        for tick in yTicks {
            guard let y = y(tick.value) else { continue }
            grid.move(plot.left, y)
            grid.line(plot.right, y)
        }
        for tick in xTicks {
            guard let x = x(tick.value) else { continue }
            grid.move(x, plot.top)
            grid.line(x, plot.bottom)
        }
        svg.element("path", [("d", grid.data), ("stroke", theme.grid), ("stroke-width", "1"), ("fill", "none")])

        var axis = SVGPath()
        axis.move(plot.left, plot.bottom)
        axis.line(plot.right, plot.bottom)
        for tick in xTicks {
            guard let x = x(tick.value) else { continue }
            axis.move(x, plot.bottom)
            axis.line(x, plot.bottom + 4)
        }
        svg.element("path", [("d", axis.data), ("stroke", theme.axis), ("stroke-width", "1"), ("fill", "none")])

        svg.open("g", [("fill", theme.mutedText), ("font-variant-numeric", "tabular-nums")])
        svg.open("g", [("text-anchor", "end")])
        for tick in yTicks {
            guard let y = y(tick.value) else { continue }
            svg.element(
                "text", [("x", SVGBuilder.number(plot.left - 8)), ("y", SVGBuilder.number(y + 4))], content: tick.label)
        }
        svg.close("g")
        svg.open("g", [("text-anchor", "middle")])
        for tick in xTicks {
            guard let x = x(tick.value) else { continue }
            svg.element(
                "text", [("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(plot.bottom + 6 + Self.textSize))],
                content: tick.label)
        }
        svg.element(
            "text",
            [
                ("x", SVGBuilder.number((plot.left + plot.right) / 2)),
                ("y", SVGBuilder.number(height - Self.padding - 2)),
            ], content: xTitle)
        if let yTitle {
            let x = Self.padding + Self.textSize - 2
            let y = (plot.top + plot.bottom) / 2
            svg.element(
                "text",
                [
                    ("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(y)),
                    ("transform", "rotate(-90 \(SVGBuilder.number(x)) \(SVGBuilder.number(y)))"),
                ], content: yTitle)
        }
        svg.close("g")
        svg.close("g")
    }

    /// The SVG `stroke-dasharray` of dash pattern `index` for a line `width` wide, or `nil` for solid.
    static func dashArray(_ index: Int, width: Double) -> String? {
        guard index > 0 else { return nil }
        let pattern = LineChartData.dashPatterns[(index - 1) % LineChartData.dashPatterns.count]
        return pattern.map { SVGBuilder.number($0 * width) }.joined(separator: " ")
    }

    /// The estimated width of `text` at font `size`: about 0.6 em a character, 1 em for wide
    /// (East Asian, emoji) ones.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + TerminalText.width(of: $1) * 6 }) / 10 * size
    }

    /// `text`, cut with an ellipsis to fit `width` pixels at font `size`.
    static func shortened(_ text: String, to width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var shortened = ""
        for character in text {
            if textWidth(shortened + String(character) + "…", size: size) > width { break }
            shortened.append(character)
        }
        return shortened + "…"
    }

    /// Legend entries in rows that fit `width`: on one row when they fit, otherwise in aligned
    /// columns as wide as the widest entry (a label too long for a row is shortened).
    private static func layOut(
        _ entries: [LegendEntry], width: Double
    ) -> [[(x: Double, entry: LegendEntry, label: String)]] {
        let gap = 20.0
        let shown = entries.map { entry -> (entry: LegendEntry, label: String, width: Double) in
            let noteWidth = entry.note.map { textWidth(" " + $0, size: textSize) } ?? 0
            let label = shortened(entry.label, to: max(40, width - swatchWidth - 6 - noteWidth), size: textSize)
            return (entry, label, swatchWidth + 6 + textWidth(label, size: textSize) + noteWidth)
        }
        let total = shown.reduce(0) { $0 + $1.width } + gap * Double(max(0, shown.count - 1))
        if total <= width {
            var x = padding
            return [
                shown.map { item in
                    defer { x += item.width + gap }
                    return (x, item.entry, item.label)
                }
            ]
        }
        let columnWidth = (shown.map(\.width).max() ?? 0) + gap
        let columns = max(1, Int((width + gap) / columnWidth))
        return stride(from: 0, to: shown.count, by: columns).map { start in
            shown[start..<min(start + columns, shown.count)].enumerated().map { column, item in
                (padding + Double(column) * columnWidth, item.entry, item.label)
            }
        }
    }

    /// Every other tick (then every third...) until the labels no longer touch.
    private static func thinned(_ ticks: [ChartAxis.Tick], axis: ChartAxis, width: Double) -> [ChartAxis.Tick] {
        guard ticks.count > 2 else { return ticks }
        for every in 1...ticks.count {
            let kept = ticks.enumerated().filter { $0.offset % every == 0 }.map(\.element)
            let widest = kept.map { textWidth($0.label, size: textSize) }.max() ?? 0
            let gap = kept.count > 1 ? width * abs(axis.fraction(kept[1].value)! - axis.fraction(kept[0].value)!) : width
            if gap >= widest + 12 { return kept }
        }
        return Array(ticks.prefix(1))
    }
}
