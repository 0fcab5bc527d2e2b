import TFEvents

/// Each histogram tag of each run over steps, as TensorBoard's DISTRIBUTIONS dashboard draws it
/// (``SVGDistributionChart``: the histograms compressed at TensorBoard's basis points, bands from
/// the extremes in to the median).
struct DistributionsSection: ReportSection {
    /// One tag of one run.
    struct Card {
        var run: String
        var group: String?
        var colorIndex: Int
        var histograms: [(step: Int64, histogram: Histogram)]
    }

    /// Cards by tag, tags in name order, runs in the report's order.
    let tags: [(tag: String, cards: [Card])]

    init(runs: [ReportInput.Run], groups: [RunGroup]?, colors: ReportColors) {
        let groupOf = ReportGroupNames(groups)
        var byTag: [String: [Card]] = [:]
        for run in runs {
            for entry in run.scan.entries where entry.series.kind == .histograms {
                let histograms = entry.points.compactMap { point -> (step: Int64, histogram: Histogram)? in
                    guard case .histogram(let histogram) = point.value else { return nil }
                    return (point.step, histogram)
                }
                guard !histograms.isEmpty else { continue }
                byTag[entry.series.tag, default: []].append(
                    Card(
                        run: run.name, group: groupOf[run.name], colorIndex: colors.index(run: run.name),
                        histograms: histograms))
            }
        }
        tags = byTag.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, byTag[$0]!) }
    }

    var id: String { "distributions" }
    var title: String { "Distributions" }
    var isEmpty: Bool { tags.isEmpty }
    var badge: String? { ReportDocument.count(tags.reduce(0) { $0 + $1.cards.count }, "distribution") }

    func body() -> String {
        var html = "<p class=\"section-note\">Each histogram tag over its steps, as TensorBoard's DISTRIBUTIONS "
        html += "dashboard draws it: from the lightest band (minimum to maximum) in to the darkest (±0.5σ), the median as a line.</p>\n"
        for (tag, cards) in tags {
            html += "<details class=\"tag-group\" open><summary><h3>\(Markup.escape(tag))</h3>"
            html += "<span class=\"group-count\">\(cards.count)</span></summary>\n<div class=\"figure-grid\">\n"
            for card in cards {
                html += "<figure class=\"figure-card\"\(ReportGroupNames.attributes(run: card.run, group: card.group))>"
                html += SVGFigure.html { theme in
                    SVGDistributionChart(
                        title: tag, subtitle: card.run, histograms: card.histograms, colorIndex: card.colorIndex,
                        width: 560, height: 320, theme: theme
                    ).render()
                }
                html += "</figure>\n"
            }
            html += "</div>\n</details>\n"
        }
        return html
    }
}
