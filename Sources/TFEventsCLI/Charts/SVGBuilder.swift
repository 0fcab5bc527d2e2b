/// Writes SVG text: elements with escaped attribute values and text, numbers rounded to a tenth
/// of a pixel, nothing that depends on the machine (no locale, no date, no random id), so the same
/// chart is always the same bytes.
///
/// Every string that reaches the document goes through ``Markup/escape(_:)``; names from event
/// files are untrusted.
struct SVGBuilder {
    private(set) var text = ""

    /// Starts a standalone document `width` by `height` pixels, with `title` for screen readers
    /// and as the tooltip of image viewers.
    init(width: Double, height: Double, title: String) {
        let w = Self.number(width)
        let h = Self.number(height)
        text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        text += " role=\"img\">\n<title>\(Markup.escape(title))</title>\n"
    }

    /// `value` rounded to 0.1: `12.34` → `12.3`, `5.0` → `5`, `-0.04` → `0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return sign + (fraction == 0 ? "\(whole)" : "\(whole).\(fraction)")
    }

    /// An opacity rounded to 0.01: `0.25`, `1`.
    static func opacity(_ value: Double) -> String {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        if hundredths == 100 { return "1" }
        if hundredths == 0 { return "0" }
        let digits = hundredths < 10 ? "0\(hundredths)" : "\(hundredths)"
        return "0." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
    }

    /// Opens `<name attributes>`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">\n"
    }

    /// Closes `</name>`.
    mutating func close(_ name: String) {
        text += "</" + name + ">\n"
    }

    /// An element without content, `<name attributes/>`, or with `content` as escaped text.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        if let content {
            text += "<" + name + Self.attributes(attributes) + ">" + Markup.escape(content) + "</" + name + ">\n"
        } else {
            text += "<" + name + Self.attributes(attributes) + "/>\n"
        }
    }

    /// Ends the document and returns it.
    mutating func finish() -> String {
        text += "</svg>\n"
        return text
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + Markup.escape($0.1) + "\"" }.joined()
    }
}
