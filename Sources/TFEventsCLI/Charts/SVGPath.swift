/// The `d` attribute of an SVG path, in absolute coordinates rounded to 0.1 px, as compact as
/// SVG allows: `M10 20L11 21 12 19.5`.
///
/// A point that rounds to the previous one is dropped; it would draw nothing.
struct SVGPath {
    private(set) var data = ""
    private var last: (x: String, y: String)?
    /// Whether the next pair continues a line without a command letter (after `M` or `L`).
    private var drawing = false

    /// Whether anything has been drawn.
    var isEmpty: Bool { data.isEmpty }

    /// Starts a new piece of the line at (`x`, `y`).
    mutating func move(_ x: Double, _ y: Double) {
        let point = (SVGBuilder.number(x), SVGBuilder.number(y))
        data += "M" + point.0 + " " + point.1
        last = point
        drawing = true
    }

    /// Continues the line to (`x`, `y`), or starts one there when none is started.
    mutating func line(_ x: Double, _ y: Double) {
        guard let last else { return move(x, y) }
        let point = (SVGBuilder.number(x), SVGBuilder.number(y))
        if point == last { return }
        data += (drawing ? " " : "L") + point.0 + " " + point.1
        self.last = point
        drawing = true
    }

    /// Ends the current piece; the next point starts a new one.
    mutating func lift() {
        last = nil
        drawing = false
    }

    /// Closes the current shape.
    mutating func closeShape() {
        data += "Z"
        last = nil
        drawing = false
    }
}
