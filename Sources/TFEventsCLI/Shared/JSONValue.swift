/// A JSON value with ordered object members, written the way TensorBoard's JSON API writes
/// numbers: non-finite values as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A number, or null when absent.
    static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// Compact JSON on one line.
    func serialized() -> String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON, two spaces a level.
    func pretty() -> String {
        pretty(level: 0)
    }

    /// Indented JSON as it is written `level` levels deep in an enclosing value (the first line not
    /// indented, the following ones as deep as they are there).
    func pretty(level: Int) -> String {
        var out = ""
        write(to: &out, indent: "  ", level: level)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (depth: Int) in indent.map { String(repeating: $0, count: depth) } ?? "" }
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value): out += JSONValue.format(value)
        case .string(let value): JSONValue.quote(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return out += "[]" }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
                out += (index + 1 < items.count ? "," : "") + (indent == nil && index + 1 < items.count ? " " : "")
                out += newline
            }
            out += pad(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                out += pad(level + 1)
                JSONValue.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent, level: level + 1)
                out += (index + 1 < members.count ? "," : "") + (indent == nil && index + 1 < members.count ? " " : "")
                out += newline
            }
            out += pad(level) + "}"
        }
    }

    /// The shortest decimal that reads back as the same double; integral values without ".0"
    /// only when they are exactly representable integers of modest size.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        if value == value.rounded() && abs(value) < 1e15 {
            return value == 0 && value.sign == .minus ? "-0.0" : String(Int64(value)) + ".0"
        }
        return "\(value)"
    }

    static func quote(_ string: String, into out: inout String) {
        out += "\""
        // Most strings (names, numbers, base64) need no escape: copied whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
