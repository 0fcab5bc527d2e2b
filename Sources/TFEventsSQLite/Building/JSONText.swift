/// The little JSON the database holds in text columns: a text tensor's nested strings, its
/// shape, a custom scalars chart's tags.
enum JSONText {
    /// `value` as a JSON string.
    static func quote(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// An array of strings.
    static func array(_ values: [String]) -> String {
        "[" + values.map(quote).joined(separator: ",") + "]"
    }

    /// An array of integers, such as a shape.
    static func array(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    /// Strings in row-major order nested as `shape` says: `[["a","b"],["c","d"]]` for `[2, 2]`.
    static func nested(_ strings: ArraySlice<String>, shape: ArraySlice<Int>) -> String {
        guard let first = shape.first else { return strings.first.map(quote) ?? "\"\"" }
        let rest = shape.dropFirst()
        let stride = rest.reduce(1, *)
        let parts = (0..<max(first, 0)).map { index -> String in
            let start = strings.startIndex + index * stride
            guard start + stride <= strings.endIndex else { return "null" }
            return nested(strings[start..<start + stride], shape: rest)
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    /// An object of string fields, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + quote($0.1) }.joined(separator: ",") + "}"
    }
}
