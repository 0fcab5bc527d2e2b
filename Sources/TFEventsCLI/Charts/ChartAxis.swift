internal import Foundation

/// One axis of a chart: the values it spans, linear or by decades, where a value lands between
/// two pixel positions, and the ticks a reader needs to read values off it.
///
/// Ticks are "nice": linear axes step by 1, 2 or 5 times a power of ten (never below 1 for step
/// counts), time axes by whole seconds, minutes, hours or days, and logarithmic axes by decades
/// (with 2 and 5 between them when the axis spans less than three). Both the SVG and the terminal
/// renderers use the same axes, so the same data gets the same ticks wherever it is drawn.
struct ChartAxis: Sendable {
    /// How values map to positions.
    enum Scale: Sendable, Hashable {
        case linear
        /// Logarithmic (base 10); only positive values have a position.
        case logarithmic
    }

    /// One tick: a value on the axis and its label.
    struct Tick: Sendable, Hashable {
        var value: Double
        var label: String
    }

    /// The values from the first position to the last, widened to something drawable: never
    /// empty, and positive on a logarithmic axis.
    let domain: ClosedRange<Double>
    let scale: Scale
    /// How tick values read.
    let format: AxisFormat

    /// An axis over `domain` (`nil`: no value to show, a unit axis is drawn).
    init(domain: ClosedRange<Double>?, scale: Scale = .linear, format: AxisFormat = .number) {
        self.scale = scale
        self.format = format
        self.domain = Self.drawable(domain, scale: scale)
    }

    /// The fraction of the way from the start of the axis to `value` (0 at the lower bound, 1 at
    /// the upper), or `nil` when `value` has no position (non-finite, or not positive on a
    /// logarithmic axis). Values outside the domain give fractions outside 0...1.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .logarithmic:
            guard value > 0 else { return nil }
            let low = log10(domain.lowerBound)
            return (log10(value) - low) / (log10(domain.upperBound) - low)
        }
    }

    /// The position of `value` between `start` (the lower bound) and `end` (the upper bound),
    /// which may run backwards, as a y axis does on screen.
    func position(_ value: Double, from start: Double, to end: Double) -> Double? {
        fraction(value).map { start + $0 * (end - start) }
    }

    /// About `count` ticks inside the domain (at least 2 when the domain allows).
    func ticks(count: Int) -> [Tick] {
        let count = max(2, count)
        switch scale {
        case .logarithmic:
            return logarithmicTicks(count: count)
        case .linear:
            let step = format.niceStep(for: (domain.upperBound - domain.lowerBound) / Double(count))
            let origin = format.tickOrigin
            // A tick a hair outside the domain (0.3 / 0.1 is 2.9999999999999996) still counts.
            let first = ((domain.lowerBound - origin) / step - 1e-9).rounded(.up)
            let last = ((domain.upperBound - origin) / step + 1e-9).rounded(.down)
            guard first <= last, last - first < 1000 else { return [] }
            return stride(from: first, through: last, by: 1).map { index in
                // index * step, not a running sum: 0.1 * 3 reads as 0.3 after rounding, a sum would not.
                let value = origin + index * step
                return Tick(value: value == 0 ? 0 : value, label: format.label(value, step: step))
            }
        }
    }

    /// Decades, with 2 and 5 between them when the axis spans less than about two and a half;
    /// every other decade (or fewer) when there are more than `count`.
    private func logarithmicTicks(count: Int) -> [Tick] {
        let low = Int(log10(domain.lowerBound).rounded(.down))
        let high = Int(log10(domain.upperBound).rounded(.up))
        let span = log10(domain.upperBound / domain.lowerBound)
        let multipliers: [Double] = span < 2.5 ? [1, 2, 5] : [1]
        let every = multipliers.count > 1 ? 1 : max(1, Int((Double(high - low) / Double(count)).rounded(.up)))
        var ticks: [Tick] = []
        for exponent in low...high where exponent % every == 0 {
            for multiplier in multipliers {
                let value = multiplier * Self.power(exponent)
                guard domain.contains(value) else { continue }
                ticks.append(Tick(value: value, label: format.label(value, step: Self.power(exponent))))
            }
        }
        return ticks
    }

    /// 10^exponent, exact for the exponents a double can show (pow can be off by an ulp).
    static func power(_ exponent: Int) -> Double {
        exponent >= 0 ? Double("1e\(exponent)")! : 1 / Double("1e\(-exponent)")!
    }

    private static func drawable(_ domain: ClosedRange<Double>?, scale: Scale) -> ClosedRange<Double> {
        switch scale {
        case .linear:
            guard let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite else { return 0...1 }
            guard domain.upperBound > domain.lowerBound else {
                let value = domain.lowerBound
                let margin = value == 0 ? 1 : abs(value) * 0.1
                return (value - margin)...(value + margin)
            }
            return domain
        case .logarithmic:
            guard let domain, domain.upperBound > 0, domain.upperBound.isFinite else { return 1...10 }
            let low = domain.lowerBound > 0 ? domain.lowerBound : domain.upperBound / 10
            guard domain.upperBound > low else { return (low / 2)...(low * 2) }
            return low...domain.upperBound
        }
    }
}
