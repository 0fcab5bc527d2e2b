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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count + json.utf8.count / 64)
        var utf8 = json.utf8.makeIterator()
        // Works on UTF-8 bytes: U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array(#"\u003c"#.utf8)
            case UInt8(ascii: ">"): bytes += Array(#"\u003e"#.utf8)
            case UInt8(ascii: "&"): bytes += Array(#"\u0026"#.utf8)
            case 0xE2:
                let second = utf8.next()
                let third = second == 0x80 ? utf8.next() : nil
                if second == 0x80, third == 0xA8 || third == 0xA9 {
                    bytes += Array((third == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                } else {
                    bytes.append(byte)
                    pending = [second, third].compactMap { $0 }
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
