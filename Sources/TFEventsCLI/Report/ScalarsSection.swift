import Foundation

/// A chart per scalar tag, grouped into TensorBoard's sections (the part of the tag before its
/// first `/`), with the controls every chart shares: smoothing, horizontal axis, vertical scale,
/// the band of groups, and the legend. The page's script draws each chart when it scrolls into
/// view, from ``ChartEncoding``'s data.
struct ScalarsSection: ReportSection {
    let charts: ScalarChartSet
    let isGrouped: Bool
    /// The smoothing weight the page starts with.
    let smoothing: Double

    var id: String { "scalars" }
    var title: String { "Scalars" }
    var isEmpty: Bool { charts.charts.isEmpty }
    var badge: String? { ReportDocument.count(charts.charts.count, "chart") }

    func data() -> JSONValue? {
        ChartEncoding.data(charts)
    }

    func body() -> String {
        let weight = String(format: "%.3f", smoothing)
        var html = """
            <div class="controls" id="chart-controls">
            <label class="control smoothing"><span class="control-label">Smoothing</span>\
            <input type="range" id="smoothing" min="0" max="0.999" step="0.001" value="\(weight)" \
            aria-describedby="smoothing-help"><output id="smoothing-value" for="smoothing">\(weight)</output></label>
            <div class="control segmented" role="group" aria-label="Horizontal axis">\
            <span class="control-label">X axis</span>\
            <button type="button" data-x="step" aria-pressed="true">Step</button>\
            <button type="button" data-x="relative" aria-pressed="false">Relative</button>\
            <button type="button" data-x="wall" aria-pressed="false">Wall</button></div>
            <div class="control segmented" role="group" aria-label="Vertical scale">\
            <span class="control-label">Y axis</span>\
            <button type="button" data-y="linear" aria-pressed="true">Linear</button>\
            <button type="button" data-y="log" aria-pressed="false">Log</button></div>

            """
        if isGrouped {
            html += """
                <div class="control segmented" role="group" aria-label="Band around a group's mean">\
                <span class="control-label">Band</span>\
                <button type="button" data-band="std" aria-pressed="true">± 1 std</button>\
                <button type="button" data-band="minmax" aria-pressed="false">Min–max</button>\
                <button type="button" data-band="none" aria-pressed="false">None</button></div>

                """
        }
        html += """
            </div>
            <p class="visually-hidden" id="smoothing-help">TensorBoard's debiased exponential moving average; \
            0 shows the raw values.</p>
            <div class="legend" id="legend" aria-label="Legend"></div>

            """
        var sections: [String: [Int]] = [:]
        for (index, chart) in charts.charts.enumerated() {
            sections[chart.section, default: []].append(index)
        }
        for section in sections.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let indices = sections[section]!
            html += "<details class=\"tag-group\" open><summary><h3>\(Markup.escape(section))</h3>"
            html += "<span class=\"group-count\">\(indices.count)</span></summary>\n<div class=\"chart-grid\">\n"
            for index in indices {
                html += chartFigure(index)
            }
            html += "</div>\n</details>\n"
        }
        return html
    }

    private func chartFigure(_ index: Int) -> String {
        let chart = charts.charts[index]
        let tag = chart.tag
        var caption: String
        if let slash = tag.lastIndex(of: "/") {
            caption = "<span class=\"prefix\">\(Markup.escape(String(tag[...slash])))</span>"
            caption += "<span class=\"leaf\">\(Markup.escape(String(tag[tag.index(after: slash)...])))</span>"
        } else {
            caption = "<span class=\"leaf\">\(Markup.escape(tag))</span>"
        }
        let points = chart.lines.reduce(0) { $0 + $1.values.count }
        let lines = ReportDocument.count(chart.lines.count, isGrouped ? "group" : "run")
        return """
            <figure class="chart" data-chart="\(index)" data-tag="\(Markup.escape(tag))">\
            <figcaption><span class="tag-name" title="\(Markup.escape(tag))">\(caption)</span>\
            <span class="chart-meta">\(lines) · \(ReportDocument.count(points, "point"))</span></figcaption>\
            <div class="plot"><canvas class="base" aria-label="\(Markup.escape(tag)): \(lines)"></canvas>\
            <canvas class="overlay" aria-hidden="true"></canvas></div>\
            <div class="nonfinite" hidden></div></figure>

            """
    }
}
