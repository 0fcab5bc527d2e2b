import TFEvents

/// The group of each run, for the cards of a grouped report: the page's filter keeps a card when
/// its run's name or its group's name matches.
struct ReportGroupNames {
    private let groups: [String: String]

    init(_ groups: [RunGroup]?) {
        var names: [String: String] = [:]
        for group in groups ?? [] {
            for run in group.runs { names[run] = group.name }
        }
        self.groups = names
    }

    subscript(run: String) -> String? { groups[run] }

    /// The `data-name` and `data-group` attributes the filter reads, with a leading space.
    static func attributes(run: String, group: String?) -> String {
        var html = " data-name=\"\(Markup.escape(run))\""
        if let group { html += " data-group=\"\(Markup.escape(group))\"" }
        return html
    }
}
