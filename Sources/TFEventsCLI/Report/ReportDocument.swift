import ArgumentParser
import Foundation
import TFEvents

/// The report page: a header, a navigation bar, the sections in order, the data the script reads,
/// the style and the script; one file with nothing to fetch.
///
/// The Content-Security-Policy allows no request at all (images and audio only as `data:` URIs,
/// style and script only inline), so even a page built from hostile event files cannot reach out,
/// and what escaping might miss could not run a script from elsewhere.
struct ReportDocument {
    /// The policy: no fetch, no frame, no form target; inline style and script, `data:` media.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

    let input: ReportInput
    let title: String
    let smoothing: Double
    let generated: Date
    /// The charts of every scalar tag.
    let charts: ScalarChartSet
    /// The groups, when runs are grouped.
    let groups: [RunGroup]?
    /// The sections, in page order; empty ones are left out of the page.
    let sections: [any ReportSection]

    init(
        input: ReportInput, title: String, grouping: RunGrouping?, objective: ObjectiveRule, smoothing: Double,
        generated: Date
    ) {
        self.input = input
        self.title = title
        self.smoothing = smoothing
        self.generated = generated
        let charts = ScalarChartSet(
            scalarRuns: input.runs.map { ScalarChartSet.ScalarRun(name: $0.name, hparams: $0.hparams, series: $0.scan.scalars) },
            grouping: grouping)
        let groups = grouping.map { grouping in
            grouping.groups(
                of: input.runs.map(\.name),
                hyperparameters: Dictionary(input.runs.map { ($0.name, $0.hparams) }, uniquingKeysWith: { a, _ in a }))
        }
        self.charts = charts
        self.groups = groups
        let colors = ReportColors(lineNames: charts.lineNames, groupOf: ReportGroupNames(groups))
        let table = OverviewTable(input: input, groups: groups, lineNames: charts.lineNames, objective: objective)
        let sections: [any ReportSection] = [
            OverviewSection(table: table, problems: input.problems),
            ScalarsSection(charts: charts, isGrouped: groups != nil, smoothing: smoothing),
            ImagesSection(runs: input.runs, groups: groups),
            TextSection(runs: input.runs, groups: groups),
            DistributionsSection(runs: input.runs, groups: groups, colors: colors),
            PRCurvesSection(runs: input.runs, colors: colors),
            OtherKindsSection(runs: input.runs, groups: groups),
        ]
        self.sections = sections.filter { !$0.isEmpty }
    }

    /// What the page holds, for the command's last line: `3 runs, 5 charts, 6 images`.
    var contentsDescription: String {
        var parts = [Self.count(input.runs.count, "run")]
        if let groups { parts.append(Self.count(groups.count, "group")) }
        parts += sections.dropFirst().compactMap { section in section.badge }
        return parts.joined(separator: ", ")
    }

    /// `1 run`, `3 runs`.
    static func count(_ count: Int, _ noun: String) -> String {
        "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `412 KB`, `3.1 MB`: decimal units, as mail clients show sizes.
    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return String(format: "%.0f KB", Double(bytes) / 1e3) }
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    /// `1,000`: thousands separated by commas, whatever the locale, as the rest of the page is English.
    static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (count < 0 ? "-" : "") + text
    }

    /// The whole page.
    func html() -> String {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="generator" content="tfevents \(Markup.escape(TFEventsCommand.configuration.version))">
            <title>\(Markup.escape(title))</title>
            <link rel="icon" href="data:,">
            <style>\(ReportStyle.css)</style>
            </head>
            <body>

            """
        html += header()
        html += "<main>\n"
        for section in sections {
            html += "<section class=\"section\" id=\"\(section.id)\" aria-labelledby=\"\(section.id)-title\">\n"
            html += "<h2 id=\"\(section.id)-title\">\(Markup.escape(section.title))"
            if let badge = section.badge { html += " <span class=\"badge\">\(Markup.escape(badge))</span>" }
            html += "</h2>\n"
            html += section.body()
            html += "</section>\n"
        }
        html += "</main>\n"
        html += """
            <footer class="footer">Made by <code>tfevents report</code> \(Markup.escape(TFEventsCommand.configuration.version)) \
            from the event files as TensorBoard reads them. Statistics are over every point; long lines are \
            drawn from a reduced polyline that keeps each pixel column's extremes.</footer>
            <div class="tooltip" id="tooltip" role="tooltip" hidden></div>
            <script type="application/json" id="report-data">\(EmbeddedJSON.script(data()))</script>
            <script>\(ReportScript.javascript)</script>
            </body>
            </html>

            """
        return html
    }

    /// The title, what was read and when, and the navigation bar with the run filter and the
    /// theme switch.
    private func header() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        let iso = ISO8601DateFormatter().string(from: generated)
        var facts = input.logdirs.map { "<span class=\"path\" title=\"log directory\">\(Markup.escape($0))</span>" }
        facts.append("<span>\(Self.count(input.runs.count, "run"))</span>")
        if let groups { facts.append("<span>\(Self.count(groups.count, "group"))</span>") }
        if !charts.charts.isEmpty { facts.append("<span>\(Self.count(charts.charts.count, "scalar tag"))</span>") }
        facts.append("<span>generated <time datetime=\"\(iso)\">\(formatter.string(from: generated))</time></span>")
        var html = """
            <header class="masthead">
            <h1>\(Markup.escape(title))</h1>
            <p class="facts">\(facts.joined(separator: "<span class=\"sep\" aria-hidden=\"true\">·</span>"))</p>
            </header>
            <nav class="bar" aria-label="Sections">
            <div class="bar-inner">
            <ul class="nav">
            """
        for section in sections {
            html += "<li><a href=\"#\(section.id)\">\(Markup.escape(section.title))"
            if let badge = section.badge {
                html += " <span class=\"nav-count\">\(Markup.escape(String(badge.prefix { $0 != " " })))</span>"
            }
            html += "</a></li>"
        }
        let noun = groups == nil ? "runs" : "groups"
        html += """
            </ul>
            <div class="bar-tools">
            <label class="search"><span class="visually-hidden">Filter \(noun)</span>\
            <input type="search" id="filter" placeholder="Filter \(noun) (regex)" autocomplete="off" spellcheck="false">\
            <span class="search-count" id="filter-count"></span></label>
            <button type="button" class="theme-toggle" id="theme" title="Colour scheme: follows the system">Auto</button>
            </div>
            </div>
            </nav>

            """
        return html
    }

    /// The page's data: settings, the palette, and each section's data under its id.
    private func data() -> JSONValue {
        var sectionData: [(String, JSONValue)] = []
        for section in sections {
            if let data = section.data() { sectionData.append((section.id, data)) }
        }
        return .object([
            ("version", .integer(1)),
            ("smoothing", .number(smoothing)),
            ("grouped", .bool(groups != nil)),
            ("palette", .object([
                ("light", .array(ChartPalette.light.map { .string($0) })),
                ("dark", .array(ChartPalette.dark.map { .string($0) })),
            ])),
            ("sections", .object(sectionData)),
        ])
    }
}
