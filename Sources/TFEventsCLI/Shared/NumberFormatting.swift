import Foundation

/// Numbers as tables show them: up to 6 significant digits, integers without a fraction, and
/// `nan`, `inf`, `-inf` for the non-finite values.
enum NumberFormatting {
    static func short(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded() && abs(value) < 1e9 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            return String(format: "%.4e", value)
        }
        // Six significant digits, trailing zeros removed.
        let digits = max(0, 5 - Int(floor(log10(magnitude))))
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An integer with no grouping.
    static func integer(_ value: Int64) -> String {
        String(value)
    }
}
