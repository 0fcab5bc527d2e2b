import TFEvents

/// The last text of each text tag in each run: Markdown shown as text (escaped, line breaks
/// kept) with its pipe tables as tables (``MarkdownText``), and rank-1 and rank-2 text tensors
/// as tables, as TensorBoard's TEXT tab lays them out.
struct TextSection: ReportSection {
    /// The characters of one text shown at most; the rest is cut, and says so.
    static let maximumCharacters = 20_000

    struct Card {
        var run: String
        var group: String?
        var step: Int64
        var count: Int
        var shape: [Int]
        var strings: [String]
    }

    /// Cards by tag, tags in name order.
    let tags: [(tag: String, cards: [Card])]

    init(runs: [ReportInput.Run], groups: [RunGroup]?) {
        let groupOf = ReportGroupNames(groups)
        var byTag: [String: [Card]] = [:]
        for run in runs {
            for entry in run.scan.entries where entry.series.kind == .text {
                guard case .text(let shape, let strings)? = entry.last else { continue }
                byTag[entry.series.tag, default: []].append(
                    Card(
                        run: run.name, group: groupOf[run.name], step: entry.lastStep, count: entry.count,
                        shape: shape, strings: strings))
            }
        }
        tags = byTag.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, byTag[$0]!) }
    }

    var id: String { "text" }
    var title: String { "Text" }
    var isEmpty: Bool { tags.isEmpty }
    var badge: String? { ReportDocument.count(tags.count, "text tag") }

    func body() -> String {
        var html = "<p class=\"section-note\">The last text of each tag in each run. Markdown is shown as written, "
        html += "its tables as tables.</p>\n"
        for (tag, cards) in tags {
            html += "<details class=\"tag-group\" open><summary><h3>\(Markup.escape(tag))</h3>"
            html += "<span class=\"group-count\">\(cards.count)</span></summary>\n<div class=\"text-grid\">\n"
            for card in cards {
                html += "<article class=\"text-card\"\(ReportGroupNames.attributes(run: card.run, group: card.group))>"
                html += "<header><span class=\"run\">\(Markup.escape(card.run))</span>"
                html += "<span class=\"facts\">step \(card.step) · \(ReportDocument.count(card.count, "point"))</span></header>"
                html += "<div class=\"text-body\">\(content(card))</div></article>\n"
            }
            html += "</div>\n</details>\n"
        }
        return html
    }

    private func content(_ card: Card) -> String {
        switch card.shape.count {
        case 0:
            let text = card.strings.first ?? ""
            guard text.count > Self.maximumCharacters else { return MarkdownText.html(text) }
            return MarkdownText.html(String(text.prefix(Self.maximumCharacters)))
                + "<p class=\"cut\">… \(ReportDocument.count(text.count - Self.maximumCharacters, "more character")) not shown</p>"
        case 1:
            return MarkdownText.table(header: nil, alignments: [], rows: card.strings.prefix(1_000).map { [$0] })
        default:
            // Rank 2 and more: rows of the last dimension, as TensorBoard shows a 2-D tensor.
            let columns = max(1, card.shape.last ?? 1)
            var rows: [[String]] = []
            var index = 0
            while index < card.strings.count, rows.count < 1_000 {
                rows.append(Array(card.strings[index..<min(index + columns, card.strings.count)]))
                index += columns
            }
            return MarkdownText.table(header: nil, alignments: [], rows: rows)
        }
    }
}
