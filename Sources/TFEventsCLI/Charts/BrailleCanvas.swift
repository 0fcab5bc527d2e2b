/// A grid of terminal cells drawn as Unicode braille, each cell a 2 × 4 grid of dots, so a
/// terminal of 100 × 30 cells is a canvas of 200 × 120 dots.
///
/// Each cell has one colour: that of the last line drawn through it. A cell may instead hold a
/// mark (a character such as `▴`) that replaces its dots.
struct BrailleCanvas {
    /// The size in cells.
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var colors: [Int?]
    private var marks: [Character?]

    /// The size in dots.
    var dotColumns: Int { columns * 2 }
    var dotRows: Int { rows * 4 }

    init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: nil, count: self.columns * self.rows)
        marks = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// The bit of dot (x, y) within its cell, as Unicode numbers braille dots 1 to 8.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets dot (`x`, `y`), counted from the top left, in colour `color`; dots off the canvas are ignored.
    mutating func set(_ x: Int, _ y: Int, color: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[x % 2][y % 4]
        colors[cell] = color
    }

    /// Draws a straight line of dots from one dot to another (Bresenham's), skipping dots as
    /// `pattern` says: dot `n` of the line is drawn when `pattern(n)` is true. `counter` carries
    /// the dot count from one segment to the next, so dashes run on along a polyline.
    mutating func line(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: Int, counter: inout Int,
        pattern: (Int) -> Bool = { _ in true }
    ) {
        var (x, y) = start
        let dx = abs(end.x - x)
        let dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1
        let stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            if pattern(counter) { set(x, y, color: color) }
            counter += 1
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Puts `mark` in the cell holding dot (`x`, `y`), in colour `color`.
    mutating func mark(_ mark: Character, atDot x: Int, _ y: Int, color: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let cell = (y / 4) * columns + x / 2
        marks[cell] = mark
        colors[cell] = color
    }

    /// Cell (`column`, `row`): its character (a space when empty) and its colour, if anything is in it.
    func cell(_ column: Int, _ row: Int) -> (character: Character, color: Int?) {
        let index = row * columns + column
        if let mark = marks[index] { return (mark, colors[index]) }
        let bits = dots[index]
        guard bits != 0 else { return (" ", nil) }
        return (Character(Unicode.Scalar(0x2800 + UInt32(bits))!), colors[index])
    }
}
