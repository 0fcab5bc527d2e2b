import Foundation
import TFEvents

extension InspectReport {
    /// The readable report: a header, then each run and each of its files, then a closing line
    /// that says whether anything is damaged.
    func renderText(tagFilter: CompiledFilters) -> String {
        var out = ""
        let fileCount = files.count
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        switch kind {
        case .file:
            out += "\(path): event file, \(plural(bytes, "byte"))\n"
        case .logdir:
            out += "\(path): log directory, \(plural(runs.count, "run")), \(plural(fileCount, "event file")), "
                + "\(plural(bytes, "byte"))\n"
        }
        for problem in directoryProblems {
            out += "  problem: \(problem.path): \(problem.message)\n"
        }
        for run in runs {
            out += "\n"
            var indent = ""
            if let name = run.name {
                out += "run \(name)\n"
                indent = "  "
            }
            for file in run.files {
                out += render(file, indent: indent, tagFilter: tagFilter)
            }
            if !run.notes.isEmpty {
                out += indent + "run notes\n"
                for note in run.notes { out += indent + "  - \(note)\n" }
            }
        }
        out += "\n" + closingLine() + "\n"
        return out
    }

    /// `No problems: …` or `N problems in M of K event files: …`.
    func closingLine() -> String {
        let records = files.reduce(0) { $0 + $1.records }
        guard !isClean else {
            return "No problems: \(plural(files.count, "event file")), \(plural(records, "record"))."
        }
        var kinds: [String: Int] = [:]
        for problem in files.flatMap(\.problems) { kinds[problem.kind.rawValue, default: 0] += 1 }
        if !directoryProblems.isEmpty { kinds["io", default: 0] += directoryProblems.count }
        let breakdown = kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "\(plural(problemCount, "problem")) in \(damagedFileCount) of \(plural(files.count, "event file"))"
            + "\(directoryProblems.isEmpty ? "" : " and \(plural(directoryProblems.count, "directory", "directories"))")"
            + ": \(breakdown)."
    }

    private func render(_ file: FileInspection, indent: String, tagFilter: CompiledFilters) -> String {
        var out = indent + file.name + "\n"
        let pad = indent + "  "
        func line(_ label: String, _ value: String) {
            out += pad + label.padding(toLength: 14, withPad: " ", startingAt: 0) + value + "\n"
        }
        line("size", "\(plural(file.size, "byte")), \(plural(file.records, "record"))")
        line("file_version", file.fileVersion.map { "\($0)" + (file.events.fileVersion > 1 ? " (\(file.events.fileVersion) records)" : "") } ?? "none")
        line("writer", file.sourceWriter ?? "not named")
        line("events", eventsText(file.events))
        let values = file.valuesByPlugin.sorted { $0.key < $1.key }.map { "\(pluginName($0.key)) \($0.value)" }
        line("values", values.isEmpty ? "none" : values.joined(separator: ", "))
        line("steps", stepsText(file.steps, what: "summary event"))
        line("wall time", wallTimeText(file.wallTime))
        let tags = file.sortedTags.filter { tagFilter.includes(tag: $0.tag) }
        if tags.isEmpty {
            line("tags", file.tags.isEmpty ? "none" : "none match --tags")
        } else {
            out += pad + "tags\n"
            var table = TextTable(
                titles: ["plugin", "tag", "values", "steps", "out of order", "non-finite"], numeric: [2, 4, 5])
            for tag in tags {
                let steps = tag.steps.min == tag.steps.max ? "\(tag.steps.min)" : "\(tag.steps.min)..\(tag.steps.max)"
                table.append([
                    pluginName(tag.plugin), tag.tag, String(tag.values), steps, String(tag.steps.outOfOrder),
                    tag.plugin == "scalars" ? String(tag.nonFinite) : "-",
                ])
            }
            for row in table.renderPlain().split(separator: "\n", omittingEmptySubsequences: false) where !row.isEmpty {
                out += pad + "  " + row + "\n"
            }
        }
        if file.problems.isEmpty {
            line("problems", "none")
        } else {
            out += pad + "problems\n"
            for problem in file.problems {
                var text = problem.offset.map { "byte \($0): " } ?? ""
                text += problem.kind.rawValue + ": " + problem.message
                if let resumed = problem.resumedAt { text += "; reading resumed at byte \(resumed)" }
                out += pad + "  " + text + "\n"
            }
        }
        if !file.notes.isEmpty {
            out += pad + "notes\n"
            for note in file.notes { out += pad + "  - \(note)\n" }
        }
        return out
    }

    private func pluginName(_ plugin: String) -> String {
        plugin.isEmpty ? "(none)" : plugin
    }

    private func eventsText(_ events: FileInspection.EventCounts) -> String {
        var parts: [String] = []
        func add(_ name: String, _ count: Int) {
            if count > 0 { parts.append("\(name) \(count)") }
        }
        add("file_version", events.fileVersion)
        add("summary", events.summary)
        if !events.sessionLog.isEmpty {
            let statuses = events.sessionLog.sorted { $0.key < $1.key }.map { "\(Self.statusName($0.key)) \($0.value)" }
            parts.append("session_log \(events.sessionLog.values.reduce(0, +)) (\(statuses.joined(separator: ", ")))")
        }
        add("log_message", events.logMessage)
        add("graph_def", events.graphDef)
        add("meta_graph_def", events.metaGraphDef)
        add("tagged_run_metadata", events.taggedRunMetadata)
        add("empty", events.empty)
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `start`, `stop`, `checkpoint`, `unspecified`, or `status_N` for other values.
    static func statusName(_ raw: Int32) -> String {
        switch raw {
        case 0: "unspecified"
        case 1: "start"
        case 2: "stop"
        case 3: "checkpoint"
        default: "status_\(raw)"
        }
    }

    private func stepsText(_ steps: StepStatistics, what: String) -> String {
        guard !steps.isEmpty else { return "none" }
        var text = "first \(steps.first), last \(steps.last), min \(steps.min), max \(steps.max) over "
            + plural(steps.count, what) + "; "
        if let pair = steps.firstOutOfOrder {
            text += "\(steps.outOfOrder) out of order (first: \(pair.after) after \(pair.before))"
        } else {
            text += "none out of order"
        }
        return text
    }

    private func wallTimeText(_ time: WallTimeStatistics) -> String {
        var text: String
        if time.isEmpty {
            text = "none"
        } else {
            text = "\(Self.utc(time.min)) to \(Self.utc(time.max)) (\(Self.duration(time.max - time.min)))"
            if time.first != time.min || time.last != time.max {
                text += ", first \(Self.utc(time.first)), last \(Self.utc(time.last))"
            }
        }
        if time.nonFinite > 0 { text += "; \(time.nonFinite) not finite" }
        return text
    }

    /// `2023-11-14 22:13:20 UTC`, with milliseconds when the time has a fraction.
    static func utc(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return String(seconds) }
        guard let time = CalendarTime(utc: Int64(seconds.rounded(.down))) else { return String(seconds) }
        let millis = Int(((seconds - seconds.rounded(.down)) * 1000).rounded())
        var text = time.dateAndTime
        if millis > 0 && millis < 1000 { text += String(format: ".%03d", millis) }
        return text + " UTC"
    }

    /// `9 s`, `4 min 59 s`, `2 h 3 min`, `3 d 4 h`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return seconds < 10 && seconds != seconds.rounded() ? String(format: "%.3g s", seconds) : "\(total) s" }
        let (days, hours, minutes, secs) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60, total % 60)
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        return "\(minutes) min \(secs) s"
    }
}

/// `1 record`, `2 records`.
fileprivate func plural<N: BinaryInteger>(_ count: N, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
}
