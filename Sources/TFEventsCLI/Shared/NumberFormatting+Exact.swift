extension NumberFormatting {
    /// The shortest decimal that reads back as exactly `value` (Swift's and Python's `repr`), with
    /// `nan`, `inf` and `-inf` for the non-finite values, which Python's `float()`, pandas and
    /// most CSV readers accept.
    ///
    /// Scalars are float32 widened to float64, so `0.1` as written prints as `0.10000000149011612`:
    /// the value TensorBoard shows, to the last bit.
    static func exact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(unsafeUninitializedCapacity: maximumDescriptionLength) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            writeDescription(value, to: buffer.baseAddress!)
        }
    }

    /// The most bytes ``writeDescription(_:to:)`` writes (`-1.2345678901234567e-308` has 24).
    static let maximumDescriptionLength = 32

    /// Writes what `value.description` is for a finite `value`, byte for byte, and returns how
    /// many bytes it wrote (at most ``maximumDescriptionLength``): the digits of
    /// ``ShortestDecimal``, laid out as Swift lays them out. Decimal notation from `0.0001` up to
    /// 2^53 (`100.0`, `0.5`, `9007199254740992.0`), exponential notation outside it (`1e-05`,
    /// `1.5e+16`, `5e-324`). `NumberFormattingTests` compares the two on millions of values.
    @inline(__always)
    static func writeDescription(_ value: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var out = start
        if value.sign == .minus {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        let magnitude = value.magnitude
        guard magnitude != 0 else {
            out[0] = UInt8(ascii: "0")
            out[1] = UInt8(ascii: ".")
            out[2] = UInt8(ascii: "0")
            return out + 3 - start
        }
        let decimal = ShortestDecimal(magnitude)
        let count = decimal.digitCount
        // The value is 0.DIGITS × 10^point.
        let point = count + Int(decimal.exponent)
        if point < -3 || magnitude > 0x1p53 {
            // D.DIGITSe±XX, the first digit before the point.
            writeDigits(decimal.digits, count: count, endingAt: out + 1 + count)
            out[0] = out[1]
            if count > 1 {
                out[1] = UInt8(ascii: ".")
                out += count + 1
            } else {
                out += 1
            }
            out.pointee = UInt8(ascii: "e")
            let exponent = point - 1
            out[1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            let magnitude = UInt64(exponent.magnitude)
            let exponentDigits = magnitude >= 100 ? 3 : 2
            writeDigits(magnitude, count: exponentDigits, endingAt: out + 2 + exponentDigits)
            return out + 2 + exponentDigits - start
        }
        if point <= 0 {
            // 0.000DIGITS
            out[0] = UInt8(ascii: "0")
            out[1] = UInt8(ascii: ".")
            for index in 0..<(-point) { out[2 + index] = UInt8(ascii: "0") }
            let end = out + 2 - point + count
            writeDigits(decimal.digits, count: count, endingAt: end)
            return end - start
        }
        if point < count {
            // DIGITS.DIGITS: the digits written one place right, then the integer part moved back.
            writeDigits(decimal.digits, count: count, endingAt: out + count + 1)
            for index in 0..<point { out[index] = out[index + 1] }
            out[point] = UInt8(ascii: ".")
            return out + count + 1 - start
        }
        // DIGITS000.0
        writeDigits(decimal.digits, count: count, endingAt: out + count)
        for index in count..<point { out[index] = UInt8(ascii: "0") }
        out[point] = UInt8(ascii: ".")
        out[point + 1] = UInt8(ascii: "0")
        return out + point + 2 - start
    }

    /// Writes `value` in decimal, and returns how many bytes it wrote (at most 20).
    @inline(__always)
    static func writeInteger(_ value: Int64, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var out = start
        if value < 0 {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        let magnitude = value.magnitude
        var count = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        writeDigits(magnitude, count: count, endingAt: out + count)
        return out + count - start
    }

    /// Writes the last `count` decimal digits of `value` so that they end just before `end`, two
    /// at a time, eight at a time in 32-bit arithmetic (cheaper than 64-bit division).
    @inline(__always)
    static func writeDigits(_ value: UInt64, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = UnsafeRawPointer(digitPairs.utf8Start)
        var out = end
        var rest = value
        var remaining = count
        @inline(__always)
        func writePair(_ pair: UInt32) {
            out -= 2
            UnsafeMutableRawPointer(out).storeBytes(
                of: pairs.loadUnaligned(fromByteOffset: Int(pair) &* 2, as: UInt16.self), as: UInt16.self)
        }
        while remaining >= 8 {
            var low = UInt32(truncatingIfNeeded: rest % 100_000_000)
            rest /= 100_000_000
            for _ in 0..<4 {
                writePair(low % 100)
                low /= 100
            }
            remaining &-= 8
        }
        var low = UInt32(truncatingIfNeeded: rest)
        while remaining >= 2 {
            writePair(low % 100)
            low /= 100
            remaining &-= 2
        }
        if remaining == 1 {
            out -= 1
            out.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: low % 10)
        }
    }

    /// "00" to "99", one after another.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }
}
