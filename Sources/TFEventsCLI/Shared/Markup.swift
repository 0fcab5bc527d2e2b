/// Text from event files (run names, tags, text summaries, hyperparameter values) is untrusted:
/// everything put into HTML or SVG goes through ``Markup/escape(_:)``, so a tag named
/// `<img src=x onerror=alert(1)>` shows as those characters and runs nothing.
enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element
    /// content and in quoted attribute values of HTML and XML (SVG). Control characters that XML
    /// forbids are replaced by U+FFFD, so an SVG stays well-formed.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
