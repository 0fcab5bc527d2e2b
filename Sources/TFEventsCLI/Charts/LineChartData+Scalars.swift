import TFEvents

extension LineChartData {
    /// The lines of every chart of `set` in one chart: a line per run (or group), and with
    /// several tags a line per run (or group) and tag, coloured by run and dashed by tag, so
    /// that `train/loss` and `validation/loss` of one run share a colour. With one run (or
    /// group) and several tags, each tag gets its own colour instead.
    ///
    /// Values are smoothed over every point before any reduction, a group's band bounds the same
    /// way; the raw values stay for the faint line under the smoothed one (`drawsRaw` says
    /// whether the renderer shows them, for the subtitle).
    init(scalars set: ScalarChartSet, style: ScalarChartStyle, title: String? = nil, drawsRaw: Bool = true) {
        self.init(charts: set.charts, style: style, title: title, drawsRaw: drawsRaw)
    }

    /// The lines of some charts of a ``ScalarChartSet`` in one chart, as
    /// ``init(scalars:style:title:drawsRaw:)`` draws them: `[chart]` for one tag's chart, as a
    /// report draws each tag. Colours stay those of the set.
    init(charts: [ScalarChartSet.Chart], style: ScalarChartStyle, title: String? = nil, drawsRaw: Bool = true) {
        let tags = charts.map(\.tag)
        let lineNames = Set(charts.flatMap { $0.lines.map(\.name) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let severalTags = tags.count > 1
        let severalLines = lineNames.count > 1
        var series: [Series] = []
        for name in lineNames {
            for (tagIndex, chart) in charts.enumerated() {
                guard let line = chart.lines.first(where: { $0.name == name }) else { continue }
                let label = severalTags ? (severalLines ? name + " · " + chart.tag : chart.tag) : name
                let colorIndex = severalTags && !severalLines ? tagIndex : line.colorIndex
                let dashIndex = severalTags && severalLines ? tagIndex : 0
                series.append(
                    Self.series(
                        line, label: label, colorIndex: colorIndex, dashIndex: dashIndex, style: style))
            }
        }
        let xTitle: String
        let xFormat: AxisFormat
        switch style.x {
        case .step:
            (xTitle, xFormat) = ("step", .count)
        case .relative:
            (xTitle, xFormat) = ("time since the first point", .duration)
        case .wall:
            (xTitle, xFormat) = ("wall time (\(Self.zoneName(style.utcOffset)))", .clock(utcOffset: style.utcOffset))
        }
        self.init(
            title: title ?? (tags.isEmpty ? "no scalars" : tags.joined(separator: ", ")),
            subtitle: Self.subtitle(charts, style: style, drawsRaw: drawsRaw), xTitle: xTitle, xFormat: xFormat,
            yScale: style.logarithmicY ? .logarithmic : .linear, series: series)
    }

    private static func series(
        _ line: ScalarChartSet.Line, label: String, colorIndex: Int, dashIndex: Int, style: ScalarChartStyle
    ) -> Series {
        let x: [Double]
        switch style.x {
        case .step: x = line.steps.map(Double.init)
        case .wall: x = line.wallTimes
        case .relative:
            let start = line.wallTimes.first(where: \.isFinite) ?? 0
            x = line.wallTimes.map { $0 - start }
        }
        let smoothed = style.smoothing > 0
        func smooth(_ values: [Double]) -> [Double] {
            smoothed ? Smoothing.exponentialMovingAverage(values, weight: style.smoothing) : values
        }
        var band: Band?
        if let spread = line.spread {
            switch style.band {
            case .std:
                band = Band(
                    lower: smooth(zip(line.values, spread.std).map { $0 - $1 }),
                    upper: smooth(zip(line.values, spread.std).map { $0 + $1 }))
            case .minmax:
                band = Band(lower: smooth(spread.min), upper: smooth(spread.max))
            case .none:
                band = nil
            }
        }
        let note = line.spread == nil ? nil : (line.runs.count == 1 ? "1 run" : "\(line.runs.count) runs")
        return Series(
            label: label, colorIndex: colorIndex, dashIndex: dashIndex, x: x, y: smooth(line.values),
            rawY: smoothed ? line.values : nil, band: band, note: note)
    }

    /// How the lines were made, in a few words.
    private static func subtitle(_ charts: [ScalarChartSet.Chart], style: ScalarChartStyle, drawsRaw: Bool) -> String {
        var parts: [String] = []
        let grouped = charts.contains { $0.lines.contains { $0.spread != nil } }
        if grouped {
            switch style.band {
            case .std: parts.append("mean of each group's runs ± 1 std")
            case .minmax: parts.append("mean of each group's runs, band from min to max")
            case .none: parts.append("mean of each group's runs")
            }
        }
        if style.smoothing > 0 {
            parts.append("smoothing \(NumberFormatting.short(style.smoothing))" + (drawsRaw ? " (raw values faint)" : ""))
        } else {
            parts.append("no smoothing")
        }
        if style.logarithmicY { parts.append("log scale") }
        return parts.joined(separator: " · ")
    }

    /// `UTC`, `UTC+02:00`, `UTC-05:30`.
    static func zoneName(_ offset: Int) -> String {
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return "UTC" + (offset > 0 ? "+" : "-") + (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
