/// How a terminal is coloured: not at all (piped output, `NO_COLOR`), with the 256 colours of
/// xterm (every colour terminal), or in 24-bit colour when `COLORTERM` says the terminal has it.
enum TerminalColors: Sendable, Hashable {
    case none
    case palette256
    case trueColor

    /// What the terminal on standard output allows, from ``TerminalOutput`` and `COLORTERM`.
    static func current(_ output: TerminalOutput, environment: [String: String]) -> TerminalColors {
        guard output.allowsStyling else { return .none }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        return colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .palette256
    }

    /// `text` in colour `hex` (`#RRGGBB`), or as it is without colour.
    func paint(_ text: String, _ hex: String) -> String {
        guard let code = foreground(hex) else { return text }
        return code + text + Self.reset
    }

    /// `text` in bold.
    func bold(_ text: String) -> String {
        self == .none ? text : "\u{1B}[1m" + text + Self.reset
    }

    /// `text` faint, for what supports the data (axis, notes).
    func dim(_ text: String) -> String {
        self == .none ? text : "\u{1B}[2m" + text + Self.reset
    }

    static let reset = "\u{1B}[0m"

    /// The escape sequence that sets the foreground to `hex`, or `nil` without colour.
    func foreground(_ hex: String) -> String? {
        guard self != .none, let (red, green, blue) = Self.components(hex) else { return nil }
        switch self {
        case .none: return nil
        case .trueColor: return "\u{1B}[38;2;\(red);\(green);\(blue)m"
        case .palette256: return "\u{1B}[38;5;\(Self.nearest256(red, green, blue))m"
        }
    }

    private static func components(_ hex: String) -> (Int, Int, Int)? {
        guard hex.hasPrefix("#"), hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// The xterm colour closest to (`red`, `green`, `blue`): from the 6 × 6 × 6 cube or the grey ramp.
    static func nearest256(_ red: Int, _ green: Int, _ blue: Int) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ value: Int) -> Int {
            levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) }!
        }
        let (r, g, b) = (level(red), level(green), level(blue))
        let cube = 16 + 36 * r + 6 * g + b
        func distance(_ cr: Int, _ cg: Int, _ cb: Int) -> Int {
            (cr - red) * (cr - red) + (cg - green) * (cg - green) + (cb - blue) * (cb - blue)
        }
        let cubeDistance = distance(levels[r], levels[g], levels[b])
        let average = (red + green + blue) / 3
        let greyIndex = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        return distance(grey, grey, grey) < cubeDistance ? 232 + greyIndex : cube
    }
}
