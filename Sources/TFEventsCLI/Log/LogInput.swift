/// Parsing of `log`'s inputs.
enum LogInput {
    /// A value: anything Swift's `Double` reads (decimal or hexadecimal, with an exponent or not),
    /// including `nan`, `inf`, `infinity` and `-inf` in any case.
    static func value(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.first?.isWhitespace == false, text.last?.isWhitespace == false else { return nil }
        return Double(text)
    }

    /// A step: a decimal integer that fits in 64 bits, with an optional sign.
    static func step(_ text: Substring) -> Int64? {
        Int64(text)
    }

    /// `TAG=VALUE`, split at the last `=` (so a tag may contain `=`, a value never does).
    static func assignment(_ argument: String) throws(LogInputError) -> LogEntry.Value {
        guard let equals = argument.lastIndex(of: "=") else {
            throw LogInputError("'\(argument)' is not TAG=VALUE")
        }
        let tag = String(argument[..<equals])
        let text = argument[argument.index(after: equals)...]
        guard !tag.isEmpty else { throw LogInputError("'\(argument)' has an empty tag") }
        guard let value = value(text) else {
            throw LogInputError("'\(argument)': '\(text)' is not a number")
        }
        return LogEntry.Value(tag: tag, value: value)
    }

    /// One line of `--stdin`: `nil` for a blank line or a `#` comment, otherwise an entry.
    ///
    /// A line is either `TAG VALUE [STEP]` (separated by spaces or tabs) or a JSON object whose
    /// keys are tags with numeric values, plus the optional special keys `step` (an integer) and
    /// `wall_time` (finite seconds since the epoch).
    static func line(_ line: Substring) throws(LogInputError) -> LogEntry? {
        var text = line
        if text.last == "\r" { text = text.dropLast() }
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first else { return nil }
        if first == "#" { return nil }
        if first == "{" { return try LogJSONLine.parse(text) }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 2 || fields.count == 3 else {
            throw LogInputError("expected TAG VALUE [STEP] or a JSON object, got \(fields.count) fields")
        }
        guard let value = value(fields[1]) else { throw LogInputError("value '\(fields[1])' is not a number") }
        var step: Int64?
        if fields.count == 3 {
            guard let parsed = Self.step(fields[2]) else {
                throw LogInputError("step '\(fields[2])' is not an integer")
            }
            step = parsed
        }
        return LogEntry(values: [.init(tag: String(fields[0]), value: value)], step: step)
    }
}
