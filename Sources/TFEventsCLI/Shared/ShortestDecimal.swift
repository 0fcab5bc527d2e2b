/// The shortest decimal that reads back as a given `Double`, and of those the closest to it (ties
/// to an even last digit): the digits Swift's `description` and Python's `repr` print.
///
/// This is Ulf Adams' Ryū (PLDI 2018, `d2s.c` of github.com/ulfjack/ryu): a 128-bit approximation
/// of the value's power of five, and the interval of decimals that round to the value narrowed a
/// digit at a time. About a third of the instructions of the standard library's formatting, with no
/// `String` made; `NumberFormattingTests` checks it against `description` on millions of values.
struct ShortestDecimal {
    /// The decimal digits, without trailing zeros.
    var digits: UInt64
    /// The power of ten: the value is `digits × 10^exponent`.
    var exponent: Int32

    /// The shortest decimal of `value`, which must be finite and greater than zero.
    @inline(__always)
    init(_ value: Double) {
        let bits = value.bitPattern
        let mantissa = bits & ((1 << 52) - 1)
        let biasedExponent = UInt32(truncatingIfNeeded: bits >> 52) & 0x7FF
        if let integer = Self.smallInteger(mantissa: mantissa, biasedExponent: biasedExponent) {
            self = integer
        } else {
            self = Self.general(mantissa: mantissa, biasedExponent: biasedExponent)
        }
    }

    private init(digits: UInt64, exponent: Int32) {
        self.digits = digits
        self.exponent = exponent
    }

    /// How many digits ``digits`` has (at most 17).
    @inline(__always)
    var digitCount: Int {
        // From the bit length, which leaves two candidates: ⌊bits × log10(2)⌋ + 1 or one more.
        let estimate = ((64 - digits.leadingZeroBitCount) &* 1233) >> 12
        return estimate &+ (digits >= Self.powerOfTen(estimate) ? 1 : 0)
    }

    /// 10^`exponent`, for 0 ≤ `exponent` ≤ 19.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

    /// An integer in `[1, 2^53)`: its own digits, trailing zeros moved to the exponent.
    @inline(__always)
    private static func smallInteger(mantissa: UInt64, biasedExponent: UInt32) -> ShortestDecimal? {
        let significand = (1 << 52) | mantissa
        let exponent = Int32(biasedExponent) - 1023 - 52
        guard exponent <= 0, exponent >= -52 else { return nil }
        let fraction = significand & ((1 << UInt64(-exponent)) - 1)
        guard fraction == 0 else { return nil }
        var digits = significand >> UInt64(-exponent)
        var power: Int32 = 0
        while digits % 10 == 0 {
            digits /= 10
            power += 1
        }
        return ShortestDecimal(digits: digits, exponent: power)
    }

    /// Ryū's `d2d`.
    private static func general(mantissa: UInt64, biasedExponent: UInt32) -> ShortestDecimal {
        let e2: Int32
        let m2: UInt64
        if biasedExponent == 0 {
            // Two more bits, so that the bounds are exact.
            e2 = 1 - 1023 - 52 - 2
            m2 = mantissa
        } else {
            e2 = Int32(biasedExponent) - 1023 - 52 - 2
            m2 = (1 << 52) | mantissa
        }
        let acceptsBounds = m2 & 1 == 0
        // The interval of decimals that read back as the value: (mm, mp) around mv, all × 4.
        let mv = 4 * m2
        let mmShift: UInt64 = mantissa != 0 || biasedExponent <= 1 ? 1 : 0

        var vr: UInt64
        var vp: UInt64
        var vm: UInt64
        let e10: Int32
        var vmIsTrailingZeros = false
        var vrIsTrailingZeros = false
        let tables = Pow5Tables.shared
        if e2 >= 0 {
            let q = log10Pow2(e2) &- (e2 > 3 ? 1 : 0)
            e10 = q
            let k = Pow5Tables.inverseBitCount &+ pow5Bits(q) &- 1
            let i = q &+ k &- e2
            let multiplier = tables.inverse[Int(truncatingIfNeeded: q)]
            vr = mulShift(4 * m2, multiplier, i)
            vp = mulShift(4 * m2 + 2, multiplier, i)
            vm = mulShift(4 * m2 - 1 - mmShift, multiplier, i)
            if q <= 21 {
                // At most one of mp, mv and mm is a multiple of 5.
                if mv % 5 == 0 {
                    vrIsTrailingZeros = isMultipleOfPowerOf5(mv, q)
                } else if acceptsBounds {
                    vmIsTrailingZeros = isMultipleOfPowerOf5(mv - 1 - mmShift, q)
                } else {
                    vp -= isMultipleOfPowerOf5(mv + 2, q) ? 1 : 0
                }
            }
        } else {
            let q = log10Pow5(0 &- e2) &- (e2 < -1 ? 1 : 0)
            e10 = q &+ e2
            let i = 0 &- e2 &- q
            let k = pow5Bits(i) &- Pow5Tables.bitCount
            let j = q &- k
            let multiplier = tables.powers[Int(truncatingIfNeeded: i)]
            vr = mulShift(4 * m2, multiplier, j)
            vp = mulShift(4 * m2 + 2, multiplier, j)
            vm = mulShift(4 * m2 - 1 - mmShift, multiplier, j)
            if q <= 1 {
                // mv = 4 m2 has at least two trailing zero bits.
                vrIsTrailingZeros = true
                if acceptsBounds {
                    vmIsTrailingZeros = mmShift == 1
                } else {
                    vp -= 1
                }
            } else if q < 63 {
                vrIsTrailingZeros = mv & ((1 &<< UInt64(truncatingIfNeeded: q)) &- 1) == 0
            }
        }

        // The shortest decimal in the interval: digits removed while vp and vm still differ.
        var removed: Int32 = 0
        var lastRemovedDigit: UInt64 = 0
        let output: UInt64
        if vmIsTrailingZeros || vrIsTrailingZeros {
            // The rare general case (an exact bound or an exact value).
            while vp / 10 > vm / 10 {
                vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
                vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
                lastRemovedDigit = vr % 10
                vr /= 10
                vp /= 10
                vm /= 10
                removed += 1
            }
            if vmIsTrailingZeros {
                while vm % 10 == 0 {
                    vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
                    lastRemovedDigit = vr % 10
                    vr /= 10
                    vp /= 10
                    vm /= 10
                    removed += 1
                }
            }
            if vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0 {
                // Exactly halfway: round to even.
                lastRemovedDigit = 4
            }
            let roundsUp = (vr == vm && (!acceptsBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5
            output = vr + (roundsUp ? 1 : 0)
        } else {
            // The common case: two digits at a time first.
            var roundsUp = false
            if vp / 100 > vm / 100 {
                roundsUp = vr % 100 >= 50
                vr /= 100
                vp /= 100
                vm /= 100
                removed += 2
            }
            while vp / 10 > vm / 10 {
                roundsUp = vr % 10 >= 5
                vr /= 10
                vp /= 10
                vm /= 10
                removed += 1
            }
            output = vr + (vr == vm || roundsUp ? 1 : 0)
        }
        return ShortestDecimal(digits: output, exponent: e10 &+ removed)
    }

    /// ⌈log2(5^e)⌉ (1 for e = 0), for 0 ≤ e ≤ 3528.
    @inline(__always)
    private static func pow5Bits(_ e: Int32) -> Int32 {
        ((e &* 1_217_359) >> 19) &+ 1
    }

    /// ⌊log10(2^e)⌋, for 0 ≤ e ≤ 1650.
    @inline(__always)
    private static func log10Pow2(_ e: Int32) -> Int32 {
        (e &* 78913) >> 18
    }

    /// ⌊log10(5^e)⌋, for 0 ≤ e ≤ 2620.
    @inline(__always)
    private static func log10Pow5(_ e: Int32) -> Int32 {
        (e &* 732_923) >> 20
    }

    private static func isMultipleOfPowerOf5(_ value: UInt64, _ power: Int32) -> Bool {
        var value = value
        var count: Int32 = 0
        while value % 5 == 0 {
            value /= 5
            count += 1
            if count >= power { return true }
        }
        return count >= power
    }

    /// `(m × multiplier) >> shift`, `m` below 2^55, `multiplier` 125 bits, `shift` above 64.
    @inline(__always)
    private static func mulShift(_ m: UInt64, _ multiplier: Pow5Tables.Entry, _ shift: Int32) -> UInt64 {
        let low = m.multipliedFullWidth(by: multiplier.low)
        let high = m.multipliedFullWidth(by: multiplier.high)
        let (sumLow, carry) = high.low.addingReportingOverflow(low.high)
        let sumHigh = high.high &+ (carry ? 1 : 0)
        // 0 < shift - 64 < 64 (Ryū's bounds), so masking shifts are exact and need no range checks.
        let distance = UInt64(truncatingIfNeeded: shift &- 64)
        return (sumHigh &<< (64 &- distance)) | (sumLow &>> distance)
    }
}
