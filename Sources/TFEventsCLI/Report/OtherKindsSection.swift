import TFEvents

/// The tags of the kinds the report does not draw (audio, meshes, custom scalar layouts, raw
/// tensors): kind, tag, run, number of points and last step, so a
/// reader knows what else the log directory holds.
struct OtherKindsSection: ReportSection {
    struct Row {
        var kind: String
        var tag: String
        var run: String
        var group: String?
        var count: Int
        var lastStep: Int64
    }

    /// The kinds listed, in the order shown, with their names.
    static let kinds: [(Series.Kind, String)] = [
        (.audio, "audio"), (.mesh, "mesh"),
        (.customScalars, "custom scalars"), (.other, "other"),
    ]

    /// Rows by kind, then tag, then run.
    let rows: [Row]

    init(runs: [ReportInput.Run], groups: [RunGroup]?) {
        let groupOf = ReportGroupNames(groups)
        var rows: [Row] = []
        for (kind, name) in Self.kinds {
            var kindRows: [Row] = []
            for run in runs {
                for entry in run.scan.entries where entry.series.kind == kind && entry.count > 0 {
                    let plugin = entry.series.pluginName
                    let label = kind == .other && !plugin.isEmpty ? "other (\(plugin))" : name
                    kindRows.append(
                        Row(
                            kind: label, tag: entry.series.tag, run: run.name, group: groupOf[run.name],
                            count: entry.count, lastStep: entry.lastStep))
                }
            }
            rows += kindRows.sorted { a, b in
                a.tag != b.tag
                    ? a.tag.utf8.lexicographicallyPrecedes(b.tag.utf8) : a.run.utf8.lexicographicallyPrecedes(b.run.utf8)
            }
        }
        self.rows = rows
    }

    var id: String { "other" }
    var title: String { "Other data" }
    var isEmpty: Bool { rows.isEmpty }
    var badge: String? { ReportDocument.count(Set(rows.map { $0.kind + "\u{0}" + $0.tag }).count, "other tag") }

    func body() -> String {
        var html = """
            <p class="section-note">Tags of kinds this report does not draw. <code>tfevents export</code> writes their \
            points (with <code>--audio DIR</code>); \
            TensorBoard shows them in their dashboards.</p>
            <div class="table-wrap fit"><table class="data other-kinds">
            <thead><tr><th>Kind</th><th>Tag</th><th>Run</th><th class="num">Points</th><th class="num">Last step</th></tr></thead>
            <tbody>

            """
        for row in rows {
            html += "<tr\(ReportGroupNames.attributes(run: row.run, group: row.group))>"
            html += "<td><span class=\"kind\">\(Markup.escape(row.kind))</span></td>"
            html += "<td class=\"tag-cell\">\(Markup.escape(row.tag))</td><td>\(Markup.escape(row.run))</td>"
            html += "<td class=\"num\">\(row.count)</td><td class=\"num\">\(row.lastStep)</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }
}
