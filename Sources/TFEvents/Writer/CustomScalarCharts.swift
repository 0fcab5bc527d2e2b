/// The custom scalar layout of one writer: the caller's own layout and the charts of grouped
/// scalars, combined into the one layout the writer last wrote.
///
/// TensorBoard reads only the last layout of a run (EventFileFormat.md §7.11), so every change
/// writes the whole combined layout again, never a part of it.
struct CustomScalarCharts: Sendable {
    /// The title of the category that holds the charts of grouped scalars.
    static let groupedCategoryTitle = "Grouped scalars"

    /// The layout given to ``SummaryWriter/setCustomScalarLayout(_:)``, if any.
    var callerLayout: CustomScalarLayout?
    /// Each group's chart name and keys, in the order first seen.
    private(set) var groups: [(chart: String, keys: [String])] = []
    /// The combined layout as last written, to write it again only when it changes.
    var written: CustomScalarLayout?

    /// Adds the keys of a group not seen before; returns whether anything was added.
    mutating func addGroup(_ chart: String, keys: [String]) -> Bool {
        if let index = groups.firstIndex(where: { $0.chart == chart }) {
            let new = keys.filter { !groups[index].keys.contains($0) }
            groups[index].keys.append(contentsOf: uniqued(new))
            return !new.isEmpty
        }
        groups.append((chart, uniqued(keys)))
        return true
    }

    private func uniqued(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }

    /// The tag a grouped value is stored under: `<chart>/<key>`.
    static func tag(chart: String, key: String) -> String {
        chart + "/" + key
    }

    /// The caller's layout, with a multiline chart per group in the category
    /// ``groupedCategoryTitle`` (appended to the caller's category of that title, if it has one).
    var combined: CustomScalarLayout {
        var layout = callerLayout ?? CustomScalarLayout()
        guard !groups.isEmpty else { return layout }
        let charts = groups.map { group in
            let tags = group.keys.map { Self.tag(chart: group.chart, key: $0) }
            return CustomScalarLayout.Chart.multiline(group.chart, tags: tags)
        }
        if let index = layout.categories.firstIndex(where: { $0.title == Self.groupedCategoryTitle }) {
            for chart in charts where !layout.categories[index].charts.contains(chart) {
                layout.categories[index].charts.append(chart)
            }
        } else {
            layout.categories.append(CustomScalarLayout.Category(Self.groupedCategoryTitle, charts: charts))
        }
        return layout
    }
}
