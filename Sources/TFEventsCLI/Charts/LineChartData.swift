internal import Foundation

/// What a line chart shows, independent of where it is drawn: ``SVGLineChart`` and
/// ``TerminalLineChart`` draw the same data.
///
/// Each series carries every point; renderers choose which to draw with ``PolylineReduction``
/// at their own resolution. Values are what is drawn: smoothing is applied before the data gets
/// here.
struct LineChartData: Sendable {
    /// One line of the chart, with what is drawn around it.
    struct Series: Sendable {
        /// The legend's name for the line.
        var label: String
        /// The colour, an index into ``ChartPalette``.
        var colorIndex: Int
        /// The dash pattern: 0 solid, then ``dashPatterns`` in turn.
        var dashIndex: Int = 0
        /// The x of each point.
        var x: [Double]
        /// The y of each point: the line drawn (smoothed when smoothing is on).
        var y: [Double]
        /// The unsmoothed values, drawn faint under the line; `nil` when the line is not smoothed.
        var rawY: [Double]?
        /// A band around the line (a group's spread), aligned with ``x``.
        var band: Band?
        /// A short note after the name in legends, such as how many runs a group has.
        var note: String?
    }

    /// The area between two curves.
    struct Band: Sendable {
        var lower: [Double]
        var upper: [Double]
    }

    /// The chart's title.
    var title: String
    /// A line under the title saying how the lines were made (smoothing, grouping).
    var subtitle: String?
    /// What the x axis shows (`step`).
    var xTitle: String
    var xFormat: AxisFormat = .count
    var yScale: ChartAxis.Scale = .linear
    var series: [Series]

    /// SVG dash patterns in units of the line width, for ``Series/dashIndex`` 1, 2, ...
    static let dashPatterns: [[Double]] = [[5, 2.5], [1.2, 2], [6, 2, 1.2, 2]]

    /// The span of every finite x.
    var xDomain: ClosedRange<Double>? {
        Self.span(series.lazy.flatMap(\.x))
    }

    /// The span of every value drawn: lines, raw lines and bands (positive ones only on a
    /// logarithmic axis), with a little room above and below so no line touches the frame.
    var yDomain: ClosedRange<Double>? { yDomain(includingRawAndBands: true) }

    /// The span of the lines' values, and of raw lines and bands when they are drawn too.
    func yDomain(includingRawAndBands: Bool) -> ClosedRange<Double>? {
        let values = series.lazy.flatMap { series in
            includingRawAndBands
                ? [series.y, series.rawY ?? [], series.band?.lower ?? [], series.band?.upper ?? []].joined()
                : [series.y, [], [], []].joined()
        }
        switch yScale {
        case .linear:
            guard let span = Self.span(values) else { return nil }
            let margin = (span.upperBound - span.lowerBound) * 0.04
            return (span.lowerBound - margin)...(span.upperBound + margin)
        case .logarithmic:
            guard let span = Self.span(values.filter { $0 > 0 }) else { return nil }
            let margin = pow(span.upperBound / span.lowerBound, 0.04)
            return (span.lowerBound / margin)...(span.upperBound * margin)
        }
    }

    /// Whether any point drawn is non-finite, or has no place on a logarithmic axis: those are
    /// marked at the edge of the chart, and the legend says what the marks mean.
    var hasOffScalePoints: Bool {
        series.contains { series in
            series.y.contains { !$0.isFinite || (yScale == .logarithmic && $0 <= 0) }
        }
    }

    private static func span(_ values: some Sequence<Double>) -> ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where value.isFinite {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        return low <= high ? low...high : nil
    }
}
