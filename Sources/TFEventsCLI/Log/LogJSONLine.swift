/// One JSON object per line for `tfevents log --stdin`: `{"step": 3, "loss": 0.5, "acc": 0.9}`.
///
/// The object must be flat. `step` (an integer, or a number with an integral value below 2^53)
/// and `wall_time` (a finite number) are special; every other key is a tag whose value must be
/// a number. Besides JSON's numbers, the bare tokens `NaN`, `Infinity` and `-Infinity` that
/// Python's `json.dumps` writes are accepted. `null`, strings, booleans, arrays and nested objects
/// are errors, as are duplicate keys and anything after the closing brace.
struct LogJSONLine {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: Substring) {
        bytes = Array(text.utf8)
    }

    static func parse(_ text: Substring) throws(LogInputError) -> LogEntry {
        var parser = LogJSONLine(text)
        return try parser.object()
    }

    private mutating func object() throws(LogInputError) -> LogEntry {
        var entry = LogEntry(values: [])
        var seen: Set<String> = []
        skipSpace()
        try expect(UInt8(ascii: "{"), "'{'")
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let key = try string()
                guard seen.insert(key).inserted else { throw LogInputError("duplicate key \"\(key)\"") }
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipSpace()
                try member(key, into: &entry)
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw error("unexpected text after the object") }
        guard !entry.values.isEmpty else {
            throw LogInputError("no values: give at least one tag with a number")
        }
        return entry
    }

    private mutating func member(_ key: String, into entry: inout LogEntry) throws(LogInputError) {
        let start = index
        guard let number = try number() else {
            throw LogInputError("\"\(key)\" is \(kindOfValue(at: start)); values must be numbers")
        }
        switch key {
        case "step":
            guard let step = number.integer else {
                throw LogInputError("\"step\" must be an integer, got \(number.text)")
            }
            entry.step = step
        case "wall_time":
            guard number.value.isFinite else {
                throw LogInputError("\"wall_time\" must be a finite number of seconds, got \(number.text)")
            }
            entry.wallTime = number.value
        case "":
            throw LogInputError("a key is empty: tags must not be empty")
        default:
            entry.values.append(.init(tag: key, value: number.value))
        }
    }

    // MARK: Tokens

    private struct Number {
        var text: String
        var value: Double
        /// The value as a step, when it is an integer (exactly, for a literal without a fraction or
        /// exponent; below 2^53 otherwise).
        var integer: Int64?
    }

    /// A number at the current position, or `nil` (not moving) when something else is there.
    private mutating func number() throws(LogInputError) -> Number? {
        for (token, value) in [("NaN", Double.nan), ("Infinity", .infinity), ("-Infinity", -.infinity)] {
            if hasPrefix(token) {
                index += token.utf8.count
                return Number(text: token, value: value, integer: nil)
            }
        }
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else {
            index = start
            return nil
        }
        index += 1
        if first != UInt8(ascii: "0") {
            while let byte = peek, isDigit(byte) { index += 1 }
        }
        var isIntegerLiteral = true
        if peek == UInt8(ascii: ".") {
            isIntegerLiteral = false
            index += 1
            guard let byte = peek, isDigit(byte) else { throw error("expected a digit after '.'") }
            while let byte = peek, isDigit(byte) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isIntegerLiteral = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek, isDigit(byte) else { throw error("expected a digit in the exponent") }
            while let byte = peek, isDigit(byte) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw error("'\(text)' is not a number") }
        var integer: Int64?
        if isIntegerLiteral {
            integer = Int64(text)
        } else if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
            integer = Int64(value)
        }
        return Number(text: text, value: value, integer: integer)
    }

    /// A JSON string (the opening quote is at the current position), with its escapes decoded.
    private mutating func string() throws(LogInputError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll()
        }
        while true {
            guard let byte = peek else { throw error("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard let escape = peek else { throw error("unterminated string") }
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default: throw error("invalid escape '\\\(Character(UnicodeScalar(escape)))'")
                }
            case 0..<0x20:
                throw error("control character in a string")
            default:
                utf8.append(byte)
            }
        }
    }

    /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair.
    private mutating func unicodeEscape() throws(LogInputError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard hasPrefix("\\u") else { throw error("unpaired surrogate in a \\u escape") }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            if let scalar = Unicode.Scalar(value) { return scalar }
        } else if let scalar = Unicode.Scalar(high) {
            return scalar
        }
        throw error("invalid \\u escape")
    }

    private mutating func hex4() throws(LogInputError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hex digits after \\u") }
        index += 4
        return value
    }

    /// What kind of JSON value starts at `position`, for messages.
    private func kindOfValue(at position: Int) -> String {
        guard position < bytes.count else { return "missing" }
        switch bytes[position] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "{"): return "an object"
        default: return "not a JSON value"
        }
    }

    // MARK: Bytes

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hasPrefix(_ token: String) -> Bool {
        let utf8 = Array(token.utf8)
        return index + utf8.count <= bytes.count && Array(bytes[index..<index + utf8.count]) == utf8
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(LogInputError) {
        guard peek == byte else { throw error("expected \(what)") }
        index += 1
    }

    /// `invalid JSON at column N: …`, counting columns in characters from 1.
    private func error(_ message: String) -> LogInputError {
        let column = String(decoding: bytes[..<min(index, bytes.count)], as: UTF8.self).count + 1
        return LogInputError("invalid JSON at column \(column): \(message)")
    }
}
