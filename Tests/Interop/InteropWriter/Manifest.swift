import Foundation

/// What InteropWriter wrote, for the checker to compare TensorBoard's view against.
struct Manifest {
    /// A scalar point as TensorBoard must return it: the value after rounding to float32.
    struct Point {
        var wallTime: Double?  // nil: "now" at write time, checked to lie within the run's window
        var step: Int64
        var value: Float
    }

    struct Run {
        var scalars: [String: [Point]] = [:]
        var tagOrder: [String] = []
        /// Wall-time bounds for points written with the default wall time.
        var writeWindow: (start: Double, end: Double)?
        var files: [String] = []
    }

    var runs: [String: Run] = [:]

    mutating func addScalar(run: String, tag: String, wallTime: Double?, step: Int64, value: Double) {
        var entry = runs[run, default: Run()]
        if entry.scalars[tag] == nil { entry.tagOrder.append(tag) }
        entry.scalars[tag, default: []].append(Point(wallTime: wallTime, step: step, value: Float(value)))
        runs[run] = entry
    }

    func json() -> String {
        var out = "{\"runs\": {"
        out += runs.keys.sorted().map { name -> String in
            let run = runs[name]!
            var body = "\"scalars\": {"
            body += run.tagOrder.map { tag in
                "\(quote(tag)): [" + run.scalars[tag]!.map { point in
                    "[\(point.wallTime.map { number(Double($0)) } ?? "null"), \(point.step), \(number(Double(point.value)))]"
                }.joined(separator: ", ") + "]"
            }.joined(separator: ", ")
            body += "}"
            if let window = run.writeWindow {
                body += ", \"write_window\": [\(number(window.start)), \(number(window.end))]"
            }
            body += ", \"files\": [" + run.files.map(quote).joined(separator: ", ") + "]"
            return "\(quote(name)): {\(body)}"
        }.joined(separator: ", ")
        out += "}}\n"
        return out
    }
}

/// A JSON number, with non-finite values as the strings TensorBoard's JSON API uses.
func number(_ value: Double) -> String {
    if value.isNaN { return "\"NaN\"" }
    if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
    return "\(value)"
}

func quote(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
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
