/// The small part of XML that S3's responses use, parsed by hand: elements, text, the five named
/// entities and numeric character references, CDATA, comments and the declaration. Attributes
/// are skipped (S3 puts only `xmlns` there) and namespace prefixes dropped.
///
/// A hand parser rather than Foundation's `XMLParser`: the library does not otherwise link
/// Foundation, and a ListObjectsV2 page (1,000 keys, a few hundred kilobytes) needs no streaming.
enum XMLTree {
    /// An element: its name, the text directly inside it, and its child elements in order.
    struct Element: Hashable, Sendable {
        var name: String
        var text = ""
        var children: [Element] = []

        /// The first child element named `name`.
        func child(_ name: String) -> Element? {
            children.first { $0.name == name }
        }

        /// The child elements named `name`.
        func children(named name: String) -> [Element] {
            children.filter { $0.name == name }
        }

        /// The text of the first child element named `name`.
        func value(_ name: String) -> String? {
            child(name)?.text
        }
    }

    /// Why a document is not well-formed enough to read.
    struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "not valid XML at byte \(offset): \(message)" }
    }

    /// The document element of `bytes`.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> Element {
        var parser = Parser(bytes: bytes)
        return try parser.document()
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var stack: [Element] = [Element(name: "")]

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func document() throws(Failure) -> Element {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    try markup()
                } else {
                    let start = index
                    while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
                    stack[stack.count - 1].text += XMLTree.decodeEntities(bytes[start..<index])
                }
            }
            guard stack.count == 1 else {
                throw Failure(message: "<\(stack[stack.count - 1].name)> is not closed", offset: index)
            }
            guard let root = stack[0].children.first else {
                throw Failure(message: "no element", offset: index)
            }
            return root
        }

        private mutating func markup() throws(Failure) {
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                let start = index + 9
                try skip(past: "]]>")
                stack[stack.count - 1].text += String(decoding: bytes[start..<index - 3], as: UTF8.self)
            } else if starts(with: "<!") {
                try skip(past: ">")
            } else if starts(with: "</") {
                let at = index
                index += 2
                let name = readName()
                try skip(past: ">")
                guard stack.count > 1, stack[stack.count - 1].name == name else {
                    throw Failure(message: "</\(name)> closes nothing open", offset: at)
                }
                let element = stack.removeLast()
                stack[stack.count - 1].children.append(element)
            } else {
                let at = index
                index += 1
                let name = readName()
                guard !name.isEmpty else { throw Failure(message: "a tag without a name", offset: at) }
                // Attributes: skipped, minding quotes, which may hold '>'.
                var quote: UInt8?
                while index < bytes.count {
                    let byte = bytes[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
                guard index < bytes.count else { throw Failure(message: "<\(name) is not closed", offset: at) }
                let selfClosing = bytes[index - 1] == UInt8(ascii: "/")
                index += 1
                if selfClosing {
                    stack[stack.count - 1].children.append(Element(name: name))
                } else {
                    stack.append(Element(name: name))
                }
            }
        }

        /// A tag's name, without a namespace prefix.
        private mutating func readName() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
                    || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                {
                    break
                }
                index += 1
            }
            let name = bytes[start..<index]
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            return String(decoding: local, as: UTF8.self)
        }

        private func starts(with text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return text.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
        }

        private mutating func skip(past text: StaticString) throws(Failure) {
            let at = index
            while index < bytes.count {
                if starts(with: text) {
                    index += text.utf8CodeUnitCount
                    return
                }
                index += 1
            }
            throw Failure(message: "'\(text)' missing", offset: at)
        }
    }

    /// Text with `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#N;` / `&#xN;` decoded; anything else
    /// after `&` stays as it is.
    static func decodeEntities(_ text: ArraySlice<UInt8>) -> String {
        guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            guard byte == UInt8(ascii: "&"),
                let semicolon = text[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: text[(index + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: String(Character(scalar)).utf8)
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
