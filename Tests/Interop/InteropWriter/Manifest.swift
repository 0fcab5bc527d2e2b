import Foundation

/// What InteropWriter wrote, for the checkers in Tests/Interop to compare TensorBoard's view with.
///
/// Shape: `{"runs": {RUN: {"files": [BASENAME...], SECTION: {TAG: [ITEM...]}, KEY: VALUE}}}`, where
/// each kind of summary has its own SECTION (`scalars`, `images`, ...) and checker module.
struct Manifest {
    private var runs: [String: Run] = [:]

    private struct Run {
        var sections: [String: [(tag: String, items: [JSON])]] = [:]
        var sectionOrder: [String] = []
        var fields: [(String, JSON)] = []
        var files: [String] = []
    }

    var runCount: Int { runs.count }

    /// Appends `item` to `run`'s `section` under `tag`, keeping first-seen order.
    mutating func append(run: String, section: String, tag: String, _ item: JSON) {
        var entry = runs[run, default: Run()]
        if entry.sections[section] == nil { entry.sectionOrder.append(section) }
        var tags = entry.sections[section, default: []]
        if let index = tags.firstIndex(where: { $0.tag == tag }) {
            tags[index].items.append(item)
        } else {
            tags.append((tag, [item]))
        }
        entry.sections[section] = tags
        runs[run] = entry
    }

    /// Records a scalar point as TensorBoard must return it: the value rounded to float32; a nil
    /// wall time means "now at write time" (checked against the run's `write_window`).
    mutating func addScalar(run: String, tag: String, wallTime: Double?, step: Int64, value: Double) {
        let wall: JSON = wallTime.map { .number($0) } ?? .null
        append(run: run, section: "scalars", tag: tag, .array([wall, .int(step), .number(Double(Float(value)))]))
    }

    /// Records a scalar point as it was written, in a run where TensorBoard does not show every
    /// point written (a restart purged some): the file-by-file check reads these, the loaders'
    /// checks the points given to ``addScalar(run:tag:wallTime:step:value:)``.
    mutating func addWrittenScalar(run: String, tag: String, wallTime: Double, step: Int64, value: Double) {
        append(
            run: run, section: "written_scalars", tag: tag,
            .array([.number(wallTime), .int(step), .number(Double(Float(value)))]))
    }

    /// Sets a run-level field such as `write_window`.
    mutating func set(run: String, _ key: String, _ value: JSON) {
        var entry = runs[run, default: Run()]
        entry.fields.removeAll { $0.0 == key }
        entry.fields.append((key, value))
        runs[run] = entry
    }

    /// Records the event files a writer created for `run`.
    mutating func addFile(run: String, path: String) {
        runs[run, default: Run()].files.append(String(path.split(separator: "/").last ?? Substring(path)))
    }

    func json() -> String {
        let object = JSON.object([
            (
                "runs",
                .object(
                    runs.keys.sorted().map { name in
                        let run = runs[name]!
                        var members: [(String, JSON)] = [("files", .array(run.files.map { .string($0) }))]
                        for section in run.sectionOrder {
                            members.append(
                                (section, .object(run.sections[section]!.map { ($0.tag, .array($0.items)) })))
                        }
                        return (name, .object(members + run.fields))
                    })
            )
        ])
        return object.serialized() + "\n"
    }
}

/// A JSON value, with non-finite numbers written as the strings TensorBoard's JSON API uses.
indirect enum JSON {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int64)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    func serialized() -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .number(let value):
            if value.isNaN { return "\"NaN\"" }
            if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
            return "\(value)"
        case .string(let value): return JSON.quote(value)
        case .array(let items): return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { JSON.quote($0.0) + ": " + $0.1.serialized() }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
