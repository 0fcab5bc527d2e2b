import TFEvents

/// A line chart as a standalone SVG document: for READMEs, CI artifacts and papers.
///
/// Drawn as TensorBoard draws scalars: each line over a faint copy of its raw values, a group's
/// band behind its mean, gaps where values are not finite and a small triangle at the top (NaN,
/// +∞) or bottom (−∞, or not positive on a logarithmic axis) edge where they are. Long lines are
/// reduced to the points that change a pixel column (``PolylineReduction``), so a million points
/// draw as a few thousand and look the same. The document references nothing outside itself.
struct SVGLineChart {
    var data: LineChartData
    var width: Double = 800
    var height: Double = 450
    var theme: ChartTheme = .light

    /// The frame the data is drawn in (exposed so tests can find where a value lands).
    var frame: SVGChartFrame {
        var subtitle = data.subtitle
        if data.hasOffScalePoints {
            let note = data.yScale == .logarithmic ? "▲ NaN or +∞, ▼ −∞ or ≤ 0" : "▲ NaN or +∞, ▼ −∞"
            subtitle = subtitle.map { $0 + " · " + note } ?? note
        }
        return SVGChartFrame(
            width: width, height: height, theme: theme, title: data.title, subtitle: subtitle,
            xAxis: ChartAxis(domain: data.xDomain, format: data.xFormat), xTitle: data.xTitle,
            yAxis: ChartAxis(domain: data.yDomain, scale: data.yScale),
            legend: data.series.map { series in
                SVGChartFrame.LegendEntry(
                    label: series.label, note: series.note, colorIndex: series.colorIndex, dashIndex: series.dashIndex,
                    band: series.band != nil)
            })
    }

    /// The document.
    func render() -> String {
        let frame = self.frame
        var svg = frame.begin()
        let columns = max(1, Int(frame.plot.width.rounded()))

        svg.open("g", [("class", "bands"), ("stroke", "none")])
        for series in data.series {
            guard let band = series.band else { continue }
            let path = bandPath(series.x, band, frame: frame, columns: columns)
            guard !path.isEmpty else { continue }
            svg.element(
                "path",
                [
                    ("class", "band"), ("d", path.data), ("fill", theme.color(series.colorIndex)),
                    ("fill-opacity", SVGBuilder.opacity(theme.bandOpacity)),
                ])
        }
        svg.close("g")

        svg.open("g", [("fill", "none"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
        for (raw, class_) in [(true, "raw"), (false, "line")] {
            for series in data.series {
                guard let y = raw ? series.rawY : series.y else { continue }
                let line = linePath(series.x, y, frame: frame, columns: columns)
                let color = theme.color(series.colorIndex)
                let strokeWidth = raw ? 1.0 : 1.75
                if !line.path.isEmpty {
                    var attributes = [("class", class_), ("d", line.path.data), ("stroke", color)]
                    attributes.append(("stroke-width", SVGBuilder.number(strokeWidth)))
                    if raw { attributes.append(("stroke-opacity", SVGBuilder.opacity(theme.rawOpacity))) }
                    if let dashes = SVGChartFrame.dashArray(series.dashIndex, width: strokeWidth) {
                        attributes.append(("stroke-dasharray", dashes))
                    }
                    svg.element("path", attributes)
                }
                // A point with no neighbour to join would not show: a dot.
                for dot in line.dots {
                    var attributes = [
                        ("cx", SVGBuilder.number(dot.x)), ("cy", SVGBuilder.number(dot.y)),
                        ("r", SVGBuilder.number(strokeWidth * 1.25)), ("fill", color), ("stroke", "none"),
                    ]
                    if raw { attributes.append(("fill-opacity", SVGBuilder.opacity(theme.rawOpacity))) }
                    svg.element("circle", attributes)
                }
                if !raw && !line.marks.isEmpty {
                    svg.element("path", [("class", "off-scale"), ("d", marksPath(line.marks, frame: frame)), ("fill", color)])
                }
            }
        }
        svg.close("g")
        return svg.finish()
    }

    /// Where a line goes, what could not be joined, and what has no place on the y axis.
    struct Line {
        var path = SVGPath()
        /// Points with no drawn neighbour.
        var dots: [(x: Double, y: Double)] = []
        /// The x pixel of each point off the y axis, and whether it is marked at the top edge.
        var marks: [(x: Double, top: Bool)] = []
    }

    /// The line through `(x, y)`, reduced to `columns` pixel columns.
    func linePath(_ x: [Double], _ y: [Double], frame: SVGChartFrame, columns: Int) -> Line {
        var line = Line()
        let reduction = PolylineReduction(x: x, y: y, columns: columns, xRange: frame.xAxis.domain)
        var segment: [(x: Double, y: Double)] = []
        func endSegment() {
            if segment.count == 1 {
                line.dots.append(segment[0])
            } else if let first = segment.first {
                line.path.move(first.x, first.y)
                for point in segment.dropFirst() { line.path.line(point.x, point.y) }
            }
            segment = []
        }
        var lastMark: (x: String, top: Bool)?
        for index in reduction.keptIndices {
            guard let px = frame.x(x[index]) else {
                endSegment()
                continue
            }
            if let py = frame.y(y[index]) {
                segment.append((px, py))
                continue
            }
            endSegment()
            let top = y[index].isNaN || y[index] == .infinity
            let rounded = SVGBuilder.number(px)
            if lastMark.map({ $0.x == rounded && $0.top == top }) != true {
                line.marks.append((px, top))
                lastMark = (rounded, top)
            }
        }
        endSegment()
        return line
    }

    /// The band's outline: along the upper curve, back along the lower, one shape per stretch of
    /// finite values; each curve reduced to `columns` pixel columns.
    func bandPath(_ x: [Double], _ band: LineChartData.Band, frame: SVGChartFrame, columns: Int) -> SVGPath {
        var path = SVGPath()
        var start = 0
        let count = min(x.count, band.lower.count, band.upper.count)
        // A bound with no place on the axis (not positive on a log axis) sits at the edge.
        func y(_ value: Double) -> Double {
            frame.y(value) ?? (value > 0 ? frame.plot.top : frame.plot.bottom)
        }
        while start < count {
            guard band.lower[start].isFinite, band.upper[start].isFinite, x[start].isFinite else {
                start += 1
                continue
            }
            var end = start + 1
            while end < count, band.lower[end].isFinite, band.upper[end].isFinite, x[end].isFinite { end += 1 }
            let xs = Array(x[start..<end])
            let upper = PolylineReduction(
                x: xs, y: Array(band.upper[start..<end]), columns: columns, xRange: frame.xAxis.domain)
            let lower = PolylineReduction(
                x: xs, y: Array(band.lower[start..<end]), columns: columns, xRange: frame.xAxis.domain)
            if end - start > 1 {
                path.lift()
                for index in upper.keptIndices {
                    path.line(frame.x(xs[index])!, y(band.upper[start + index]))
                }
                for index in lower.keptIndices.reversed() {
                    path.line(frame.x(xs[index])!, y(band.lower[start + index]))
                }
                path.closeShape()
            }
            start = end
        }
        return path
    }

    /// Small triangles at the top edge pointing up, or at the bottom edge pointing down.
    private func marksPath(_ marks: [(x: Double, top: Bool)], frame: SVGChartFrame) -> String {
        var path = SVGPath()
        for mark in marks {
            let tip = mark.top ? frame.plot.top : frame.plot.bottom
            let base = mark.top ? tip + 6 : tip - 6
            path.move(mark.x, tip)
            path.line(mark.x + 3.5, base)
            path.line(mark.x - 3.5, base)
            path.closeShape()
        }
        return path.data
    }
}
