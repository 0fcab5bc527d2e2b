internal import Foundation
import TFEvents

/// What the values of an axis are, which decides its tick steps and how its labels read.
///
/// Labels are short, since they sit under ticks a few dozen pixels apart: `10k` rather than
/// `10000` for steps, `1h 30m` for durations, `14:30` for times of day. Each label shows the
/// digits its tick step needs and no more (`0.25` but never `0.30000000000000004`).
enum AxisFormat: Sendable, Hashable {
    /// Plain numbers (values): fixed digits, SI suffixes from 10,000, powers of ten when tiny.
    case number
    /// Counts such as steps: whole numbers, with SI suffixes from 1,000 (`1.5k`, `2M`).
    case count
    /// Seconds elapsed, read as `45s`, `12m`, `1h 30m`, `2d`.
    case duration
    /// Seconds since the Unix epoch, read as times of day (`14:30`), or dates (`Dec 6`) at
    /// midnight and when ticks are days apart, in a zone `utcOffset` seconds east of UTC.
    case clock(utcOffset: Int)

    /// Where ticks count from: 0, or midnight in the axis's zone for times of day.
    var tickOrigin: Double {
        if case .clock(let offset) = self { return -Double(offset) }
        return 0
    }

    /// The step for ticks about `rough` apart: 1, 2 or 5 times a power of ten, or for times the
    /// nearest whole number of seconds, minutes, hours or days.
    func niceStep(for rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        switch self {
        case .number:
            return Self.decimalStep(rough)
        case .count:
            return max(1, Self.decimalStep(rough))
        case .duration, .clock:
            guard rough >= 1 else { return Self.decimalStep(rough) }
            guard rough <= Self.timeSteps.last! * 1.5 else { return Self.decimalStep(rough / 86_400) * 86_400 }
            return Self.timeSteps.min { abs(log($0 / rough)) < abs(log($1 / rough)) }!
        }
    }

    /// The label of tick `value` on an axis ticked every `step`.
    func label(_ value: Double, step: Double) -> String {
        switch self {
        case .number: return Self.number(value, step: step, suffixFrom: 10_000)
        case .count: return Self.number(value, step: step, suffixFrom: 1_000)
        case .duration: return Self.duration(value, step: step)
        case .clock(let offset): return Self.clock(value, step: step, utcOffset: offset)
        }
    }

    /// Seconds, minutes, hours, days and a week: the steps of time axes.
    private static let timeSteps: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
        604_800,
    ]

    /// The 1, 2 or 5 times a power of ten nearest `rough` (geometrically, as d3's ticks choose),
    /// so that an axis asked for `n` ticks gets between about `n / 1.6` and `n * 1.6`.
    static func decimalStep(_ rough: Double) -> Double {
        let exponent = Int(log10(rough).rounded(.down))
        let power = ChartAxis.power(exponent)
        let ratio = rough / power
        if ratio >= 50.0.squareRoot() { return 10 * power }
        if ratio >= 10.0.squareRoot() { return 5 * power }
        if ratio >= 2.0.squareRoot() { return 2 * power }
        return power
    }

    /// The decimal exponent of a tick step (`0.05` → -2), which says how many digits labels need.
    private static func exponent(of step: Double) -> Int {
        Int((log10(step) + 1e-9).rounded(.down))
    }

    private static let suffixes = ["", "k", "M", "G", "T", "P"]

    private static func number(_ value: Double, step: Double, suffixFrom threshold: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let stepExponent = exponent(of: step)
        if magnitude >= threshold {
            let group = min(suffixes.count - 1, Int((log10(magnitude) + 1e-9).rounded(.down)) / 3)
            let scaled = value / ChartAxis.power(3 * group)
            return trimmed(fixed(scaled, decimals: max(0, 3 * group - stepExponent))) + suffixes[group]
        }
        if stepExponent < -4 {
            // 0.00002 reads better as 2e-5; keep the digits the step needs.
            let valueExponent = Int((log10(magnitude) + 1e-9).rounded(.down))
            let mantissa = value / ChartAxis.power(valueExponent)
            return trimmed(fixed(mantissa, decimals: max(0, valueExponent - stepExponent))) + "e\(valueExponent)"
        }
        return trimmed(fixed(value, decimals: max(0, -stepExponent)))
    }

    private static func duration(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        if step < 1 { return number(value, step: step, suffixFrom: .infinity) + "s" }
        let sign = value < 0 ? "-" : ""
        var rest = Int64(abs(value).rounded())
        var parts: [String] = []
        for (unit, seconds) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] {
            let count = rest / seconds
            rest %= seconds
            if count > 0 { parts.append("\(count)\(unit)") }
        }
        return sign + parts.prefix(2).joined(separator: " ")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func clock(_ value: Double, step: Double, utcOffset: Int) -> String {
        guard value.isFinite, abs(value) < 1e15,
            let time = CalendarTime(utc: Int64(value.rounded(.down)) + Int64(utcOffset))
        else { return number(value, step: step, suffixFrom: 1e4) }
        let date = months[time.month - 1] + " \(time.day)"
        let midnight = time.hour == 0 && time.minute == 0 && time.second == 0
        if step >= 86_400 || midnight { return date }
        let hoursAndMinutes = padded(time.hour) + ":" + padded(time.minute)
        return step < 60 ? hoursAndMinutes + ":" + padded(time.second) : hoursAndMinutes
    }

    private static func padded(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    private static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(min(decimals, 17))f", value)
    }

    /// `2.50` → `2.5`, `3.00` → `3`, `-0` → `0`.
    private static func trimmed(_ text: String) -> String {
        var text = text
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
