import Foundation
import FoundationXML

/// An SVG document parsed with Foundation's `XMLParser`: a parse that fails means the document is
/// not well-formed XML, which is what every SVG test checks first.
struct SVGTree {
    /// One element, with its attributes and text.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This element and every element below it, in document order.
        var all: [Element] { [self] + children.flatMap(\.all) }

        /// The text of this element and of every element below it.
        var allText: String { text + children.map(\.allText).joined() }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    let root: Element

    init(_ text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        self.root = root
    }

    /// Every element named `name`, in document order.
    func elements(_ name: String) -> [Element] {
        root.all.filter { $0.name == name }
    }

    /// Every `path` element of class `className`.
    func paths(class className: String) -> [Element] {
        elements("path").filter { $0.attributes["class"] == className }
    }

    /// The coordinate pairs of a path's `d`, one array per piece (each `M` starts one).
    static func pieces(_ d: String) -> [[(x: Double, y: Double)]] {
        var pieces: [[(x: Double, y: Double)]] = []
        var numbers: [Double] = []
        func flush() {
            guard !numbers.isEmpty else { return }
            pieces.append(stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) })
            numbers = []
        }
        var token = ""
        for character in d + " " {
            if character == "M" || character == "L" || character == "Z" || character == " " {
                if let number = Double(token) { numbers.append(number) }
                token = ""
                if character == "M" || character == "Z" { flush() }
            } else {
                token.append(character)
            }
        }
        flush()
        return pieces
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
