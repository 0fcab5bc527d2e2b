import TFEvents

/// A line chart drawn in a terminal with braille dots: for a look at a run over SSH.
///
/// The layout, top to bottom: the title (and subtitle), the canvas with y tick labels on its
/// left, the x axis with its labels, then one legend line per series with its last value. Every
/// line is at most ``columns`` wide and there are at most ``rows`` lines, whatever the names.
/// Lines are coloured when ``colors`` allows; without colour each series gets its own dash
/// pattern so that they can still be told apart. Only the drawn lines appear: raw values under a
/// smoothed line and a group's band would smear into it at this resolution.
struct TerminalLineChart {
    var data: LineChartData
    /// The widest a line may be.
    var columns: Int
    /// The most lines to print.
    var rows: Int
    var colors: TerminalColors = .none
    var theme: ChartTheme = .dark

    /// The smallest canvas worth drawing.
    static let minimumCanvasRows = 3

    /// The chart's lines, without line breaks.
    func render() -> [String] {
        let columns = max(10, self.columns)
        var lines: [String] = []

        var title = TerminalText.fit(TerminalText.clean(data.title), to: columns)
        var heading = colors.bold(title)
        if let subtitle = data.subtitle {
            let room = columns - TerminalText.width(title) - 3
            if room >= 10 {
                let rest = TerminalText.fit(TerminalText.clean(subtitle), to: room)
                title += "   " + rest
                heading += "   " + colors.dim(rest)
            }
        }
        lines.append(heading)

        let legend = legendLines(width: columns)
        let canvasRows = max(Self.minimumCanvasRows, rows - 1 - 2 - legend.count)
        // Raw lines and bands are not drawn here, so they do not stretch the axis either.
        let yAxis = ChartAxis(domain: data.yDomain(includingRawAndBands: false), scale: data.yScale)
        var yTicks = yAxis.ticks(count: max(2, canvasRows / 3))
        var labelWidth = yTicks.map { TerminalText.width($0.label) }.max() ?? 1
        if columns - labelWidth - 2 < 4 {
            // Too narrow for labels: the canvas keeps what there is.
            yTicks = []
            labelWidth = 0
        }
        let canvasColumns = max(1, columns - labelWidth - 2)
        let xAxis = ChartAxis(domain: data.xDomain, format: data.xFormat)

        let canvas = draw(xAxis: xAxis, yAxis: yAxis, columns: canvasColumns, rows: canvasRows)
        var labelByRow: [Int: String] = [:]
        for tick in yTicks {
            guard let fraction = yAxis.fraction(tick.value) else { continue }
            let row = Self.dot(1 - fraction, count: canvasRows * 4) / 4
            if labelByRow[row] == nil { labelByRow[row] = tick.label }
        }
        for row in 0..<canvasRows {
            let label = labelByRow[row].map { String(repeating: " ", count: labelWidth - TerminalText.width($0)) + $0 }
            var line = colors.dim((label ?? String(repeating: " ", count: labelWidth)) + " " + (label == nil ? "│" : "┤"))
            var run = ""
            var runColor: Int?
            for column in 0..<canvasColumns {
                let cell = canvas.cell(column, row)
                // Empty cells join any run; a coloured one starts a run of its colour.
                if let color = cell.color, color != runColor {
                    line += paint(run, runColor)
                    run = ""
                    runColor = color
                }
                run.append(cell.character)
            }
            while run.last == " " { run.removeLast() }
            line += paint(run, runColor)
            lines.append(line)
        }
        lines += xAxisLines(xAxis, labelWidth: labelWidth, canvasColumns: canvasColumns)
        lines += legend
        return lines
    }

    private func paint(_ text: String, _ color: Int?) -> String {
        guard let color else { return text }
        return colors.paint(text, theme.color(color))
    }

    /// The dash pattern of series `index`: its own, or without colour one per series.
    private func dashIndex(_ index: Int) -> Int {
        colors == .none && data.series.count > 1 ? index % (LineChartData.dashPatterns.count + 1) : data.series[index].dashIndex
    }

    /// The dot of a fraction 0...1 of `count` dots.
    private static func dot(_ fraction: Double, count: Int) -> Int {
        min(count - 1, max(0, Int((fraction * Double(count - 1)).rounded())))
    }

    private func draw(xAxis: ChartAxis, yAxis: ChartAxis, columns: Int, rows: Int) -> BrailleCanvas {
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let width = canvas.dotColumns
        let height = canvas.dotRows
        for (index, series) in data.series.enumerated() {
            let color = series.colorIndex
            let pattern = Self.pattern(dashIndex(index))
            let reduction = PolylineReduction(x: series.x, y: series.y, columns: width, xRange: xAxis.domain)
            var previous: (x: Int, y: Int)?
            var counter = 0
            for point in reduction.keptIndices {
                guard let fx = xAxis.fraction(series.x[point]) else {
                    previous = nil
                    continue
                }
                let x = Self.dot(fx, count: width)
                guard let fy = yAxis.fraction(series.y[point]) else {
                    previous = nil
                    let value = series.y[point]
                    let top = value.isNaN || value == .infinity
                    canvas.mark(top ? "▴" : "▾", atDot: x, top ? 0 : height - 1, color: color)
                    continue
                }
                let y = Self.dot(1 - fy, count: height)
                canvas.line(from: previous ?? (x, y), to: (x, y), color: color, counter: &counter, pattern: pattern)
                previous = (x, y)
            }
        }
        return canvas
    }

    /// Which dots of a line pattern `index` draws: all, dashes, dots, dash-dots.
    static func pattern(_ index: Int) -> (Int) -> Bool {
        switch index % (LineChartData.dashPatterns.count + 1) {
        case 0: return { _ in true }
        case 1: return { $0 % 6 < 4 }
        case 2: return { $0 % 3 == 0 }
        default: return { [0, 1, 2, 3, 6].contains($0 % 9) }
        }
    }

    /// The legend swatch of pattern `index`.
    static func swatch(_ index: Int) -> String {
        ["━━━", "╍╍╍", "┅┅┅", "━╍━"][index % (LineChartData.dashPatterns.count + 1)]
    }

    private func xAxisLines(_ xAxis: ChartAxis, labelWidth: Int, canvasColumns: Int) -> [String] {
        let indent = String(repeating: " ", count: labelWidth + 1)
        var axis = Array(repeating: Character("─"), count: canvasColumns)
        var labels = Array(repeating: Character(" "), count: canvasColumns + labelWidth + 2)
        var free = 0
        let ticks = xAxis.ticks(count: max(2, canvasColumns / 12))
        for tick in ticks {
            guard let fraction = xAxis.fraction(tick.value) else { continue }
            let column = Self.dot(fraction, count: canvasColumns * 2) / 2
            axis[column] = "┬"
            let label = Array(TerminalText.clean(tick.label))
            // Centred under the tick, kept inside the line, never touching the label before.
            var start = labelWidth + 2 + column - label.count / 2
            start = min(start, labels.count - label.count)
            guard start >= free else { continue }
            for (offset, character) in label.enumerated() { labels[start + offset] = character }
            free = start + label.count + 2
        }
        // The axis title at the end of the label line, when it fits after the last label.
        let title = Array(TerminalText.clean(data.xTitle))
        if !title.isEmpty, free + title.count <= labels.count {
            for (offset, character) in title.enumerated() { labels[labels.count - title.count + offset] = character }
        }
        var labelLine = String(labels)
        while labelLine.last == " " { labelLine.removeLast() }
        return [colors.dim(indent + "└" + String(axis)), colors.dim(labelLine)]
    }

    /// One line per series: swatch, name, note and last value, in aligned columns; several
    /// series per line when the terminal is too short for one each.
    private func legendLines(width: Int) -> [String] {
        let names = data.series.map { series in
            TerminalText.clean(series.label) + (series.note.map { " (" + TerminalText.clean($0) + ")" } ?? "")
        }
        let lasts = data.series.map { series in
            (series.rawY ?? series.y).last { $0.isFinite }.map(NumberFormatting.short) ?? "–"
        }
        let lastWidth = lasts.map(\.count).max() ?? 0
        let room = rows - 1 - 2 - Self.minimumCanvasRows
        if data.series.count <= room {
            // swatch, space, name, two spaces, "last ", value
            let nameWidth = max(4, min(names.map(TerminalText.width).max() ?? 0, width - 4 - 2 - 5 - lastWidth))
            return data.series.indices.map { index in
                let name = TerminalText.fit(names[index], to: nameWidth)
                let padding = String(repeating: " ", count: nameWidth - TerminalText.width(name))
                let last = "last " + String(repeating: " ", count: lastWidth - lasts[index].count) + lasts[index]
                let swatch = Self.swatch(dashIndex(index))
                let line = paint(swatch, data.series[index].colorIndex) + " " + name + padding + "  " + colors.dim(last)
                return 4 + nameWidth + 2 + last.count <= width ? line : paint(swatch, data.series[index].colorIndex) + " " + name
            }
        }
        // Too many for a line each: side by side, without values.
        var lines: [String] = []
        var line = ""
        var used = 0
        for index in data.series.indices {
            let name = TerminalText.fit(names[index], to: max(4, width - 4))
            let entryWidth = 4 + TerminalText.width(name)
            if used > 0 && used + 3 + entryWidth > width {
                lines.append(line)
                line = ""
                used = 0
            }
            line += (used > 0 ? "   " : "") + paint(Self.swatch(dashIndex(index)), data.series[index].colorIndex) + " " + name
            used += (used > 0 ? 3 : 0) + entryWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
