/// JSON inside a `<script type="application/json">` element of an HTML page.
///
/// The HTML parser ends a script element at the first `</script` whatever JSON thinks, and a
/// `<!--` changes how it looks for that end; so `<`, `>` and `&` are written as `\u003c`,
/// `\u003e` and `\u0026`, which JSON reads back as the same characters. U+2028 and U+2029 are
/// escaped too, for JavaScript engines older than ES2019 that do not take them in strings. These
/// characters can only occur inside JSON strings, where the escapes mean the same.
enum EmbeddedJSON {
    /// `value` serialized, safe as the content of a script element.
    static func script(_ value: JSONValue) -> String {
        let json = value.serialized()
        var escaped = ""
        escaped.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": escaped += "\\u003c"
            case ">": escaped += "\\u003e"
            case "&": escaped += "\\u0026"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
