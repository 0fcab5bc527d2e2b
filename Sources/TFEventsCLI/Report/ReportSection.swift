/// One section of a report: a heading, an entry in the page's navigation, its HTML, and the data
/// the page's script reads for it.
///
/// A new kind of content (histogram distributions, PR curves...) is a new conforming type added
/// to ``ReportDocument/sections``; the document lays sections out in order and skips empty ones.
///
/// Everything from event files in `body()` must go through ``Markup/escape(_:)``; data goes in
/// `data()` and reaches the page as JSON that the script reads with `textContent` and
/// `setAttribute` only, never as markup.
protocol ReportSection {
    /// The section element's id and its anchor: lowercase letters, digits and `-`.
    var id: String { get }
    /// The heading and the navigation entry.
    var title: String { get }
    /// A short count shown next to the heading and in the navigation, such as `12 charts`.
    var badge: String? { get }
    /// Whether there is nothing to show: the section is left out.
    var isEmpty: Bool { get }
    /// The section's content, below its heading.
    func body() -> String
    /// The data the page's script reads, embedded under ``id`` in the page's JSON; `nil` for none.
    func data() -> JSONValue?
}

extension ReportSection {
    var badge: String? { nil }

    func data() -> JSONValue? { nil }
}
