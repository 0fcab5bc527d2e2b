import TFEvents

/// Each PR-curve tag: the last curve of every run in one chart (``SVGPRCurveChart``: precision
/// over recall, as TensorBoard's PR CURVES dashboard draws a step).
struct PRCurvesSection: ReportSection {
    /// Curves by tag, tags in name order, runs in the report's order.
    let tags: [(tag: String, curves: [SVGPRCurveChart.Curve])]

    init(runs: [ReportInput.Run], colors: ReportColors) {
        var byTag: [String: [SVGPRCurveChart.Curve]] = [:]
        for run in runs {
            for entry in run.scan.entries where entry.series.kind == .prCurves {
                guard case .prCurve(let curve)? = entry.last else { continue }
                byTag[entry.series.tag, default: []].append(
                    .init(name: run.name, colorIndex: colors.index(run: run.name), curve: curve, step: entry.lastStep))
            }
        }
        tags = byTag.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, byTag[$0]!) }
    }

    var id: String { "pr-curves" }
    var title: String { "PR curves" }
    var isEmpty: Bool { tags.isEmpty }
    var badge: String? { ReportDocument.count(tags.count, "PR chart") }

    func body() -> String {
        var html = "<p class=\"section-note\">The last precision–recall curve of each run, one chart per tag, "
        html += "as TensorBoard's PR CURVES dashboard draws a step.</p>\n<div class=\"figure-grid\">\n"
        for (tag, curves) in tags {
            html += "<figure class=\"figure-card\">"
            html += SVGFigure.html { theme in
                SVGPRCurveChart(title: tag, curves: curves, width: 560, height: 420, theme: theme).render()
            }
            html += "</figure>\n"
        }
        return html + "</div>\n"
    }
}
