import Foundation

/// The table `tfevents tail` shows on a terminal: one row per run and tag with the last step and
/// value, steps per second, the age of the last point and a sparkline of the recent values.
struct TailTable {
    /// The log directory, shortened in the middle when the title line would not fit.
    var logdir: String
    /// What follows the log directory on the title line.
    var status: String
    var histories: [ScalarHistory]
    /// Shown instead of the table while there is no scalar series.
    var emptyMessage: String
    /// A line under the table, if any (problems reported, how to quit).
    var footer: String?

    /// The lines of the frame, at most `width - 1` columns wide (so the terminal never wraps
    /// them) and, when `height` is given, at most `height - 1` lines (rows that do not fit are
    /// counted in a last line).
    func lines(width: Int, height: Int?, now: Double) -> [Line] {
        let usable = max(20, width - 1)
        let directory = logdir.shortened(toWidth: max(10, usable - status.displayWidth))
        var lines = [Line(text: Self.cut(directory + status, to: usable), style: .title)]
        let sorted = histories.sorted { ($0.run, $0.tag) < ($1.run, $1.tag) }
        guard !sorted.isEmpty else {
            lines.append(Line(text: Self.cut(emptyMessage, to: usable), style: .plain))
            if let footer { lines.append(Line(text: Self.cut(footer, to: usable), style: .dim)) }
            return lines
        }
        var shown = sorted
        var hidden = 0
        if let height {
            // Title, header, the footer and a line for "N more", and one spare line.
            let room = max(1, height - 1 - 2 - (footer == nil ? 0 : 1))
            if sorted.count > room {
                shown = Array(sorted.prefix(room - 1))
                hidden = sorted.count - shown.count
            }
        }
        var cells = shown.map { history in Self.cells(history, now: now) }
        let titles = ["run", "tag", "step", "value", "steps/s", "age", "recent"]
        Self.fit(&cells, titles: titles, width: usable)
        var table = TextTable(titles: titles, numeric: [2, 3, 4, 5])
        for row in cells { table.append(row) }
        let rendered = table.renderPlain().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (number, text) in rendered.enumerated() {
            let style: Line.Style
            if number == 0 {
                style = .header
            } else if let value = shown[number - 1].last?.value, !value.isFinite {
                style = .alert
            } else {
                style = .plain
            }
            lines.append(Line(text: Self.cut(String(text), to: usable), style: style))
        }
        if hidden > 0 {
            lines.append(
                Line(text: Self.cut("… \(hidden) more series; narrow them with --runs or --tags", to: usable), style: .dim))
        }
        if let footer { lines.append(Line(text: Self.cut(footer, to: usable), style: .dim)) }
        return lines
    }

    /// One line of the frame and how it may be styled.
    struct Line: Equatable {
        var text: String
        var style: Style

        enum Style {
            case title, header, plain, alert, dim
        }

        /// The line with SGR styling: bold title and header, red rows whose last value is NaN or
        /// infinite, dim notes.
        var styled: String {
            switch style {
            case .title, .header: return "\u{1B}[1m" + text + "\u{1B}[0m"
            case .alert: return "\u{1B}[31m" + text + "\u{1B}[0m"
            case .dim: return "\u{1B}[2m" + text + "\u{1B}[0m"
            case .plain: return text
            }
        }
    }

    static func cells(_ history: ScalarHistory, now: Double) -> [String] {
        guard let last = history.last else { return [history.run, history.tag, "", "", "", "", ""] }
        return [
            history.run, history.tag, String(last.step), NumberFormatting.short(last.value),
            history.stepsPerSecond.map(rate) ?? "–", age(now - last.wallTime), history.sparkline,
        ]
    }

    /// Steps per second with three significant digits or so.
    static func rate(_ value: Double) -> String {
        if value >= 100 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }

    /// How long ago: `12s`, `5m`, `3h`, `2d`, `1y`.
    static func age(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "0s" }
        let units: [(Double, String)] = [(365 * 86_400, "y"), (86_400, "d"), (3_600, "h"), (60, "m")]
        for (size, name) in units where seconds >= size {
            return String(Int(seconds / size)) + name
        }
        return String(Int(seconds)) + "s"
    }

    /// Shortens the run and tag columns (keeping their ends, which tell runs and tags apart) until
    /// the table fits in `width` columns.
    static func fit(_ rows: inout [[String]], titles: [String], width: Int) {
        func columnWidth(_ column: Int) -> Int {
            ([titles[column]] + rows.map { $0[column] }).map(\.displayWidth).max() ?? 0
        }
        var total = titles.indices.map(columnWidth).reduce(0, +) + 2 * (titles.count - 1)
        while total > width {
            let column = columnWidth(0) >= columnWidth(1) ? 0 : 1
            let current = columnWidth(column)
            guard current > 8 else { return }
            let target = max(8, current - (total - width))
            for index in rows.indices { rows[index][column] = rows[index][column].shortened(toWidth: target) }
            total -= current - columnWidth(column)
        }
    }

    /// `text` cut to `width` columns.
    static func cut(_ text: String, to width: Int) -> String {
        text.displayWidth > width ? String(text.prefix(width)) : text
    }
}
