/// Parses `file_version` strings as TensorBoard's `event_util.ParseFileVersion` does: the text
/// after the last `brain.Event:` (the whole string when there is none) read with Python's
/// `float()`, and -1 when that fails.
enum FileVersion {
    static func parse(_ version: String) -> Double {
        // What every writer we know writes, answered without the general parse (which costs
        // more than reading a small run's points; `FileVersionTests` checks the answers).
        switch version {
        case "brain.Event:2": return 2
        case "brain.Event:1": return 1
        default: return parseGenerally(version)
        }
    }

    /// ``parse(_:)`` for any string.
    static func parseGenerally(_ version: String) -> Double {
        var text = Substring(version)
        let marker = "brain.Event:"
        while let range = text.firstRange(of: marker) {
            text = text[range.upperBound...]
        }
        return pythonFloat(text) ?? -1
    }

    /// Python's `float(str)`: surrounding whitespace, an optional sign, a decimal number with
    /// optional exponent and single underscores between digits, or `inf`, `infinity`, `nan` in any case.
    static func pythonFloat(_ text: Substring) -> Double? {
        var body = text.trimmingWhitespace
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        let bytes = Array(body.utf8)
        var cleaned: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if byte == UInt8(ascii: "_") {
                // Allowed only between two digits.
                guard index > 0, index + 1 < bytes.count,
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index - 1]),
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
                else { return nil }
                continue
            }
            guard
                isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            else { return nil }
            cleaned.append(byte)
        }
        guard cleaned.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Double(sign + String(decoding: cleaned, as: UTF8.self))
    }
}
