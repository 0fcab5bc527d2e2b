/// The powers of five ``ShortestDecimal`` multiplies by, to 125 bits: `5^i` and `2^k / 5^i`,
/// computed exactly (with a small big-integer) when first needed, rather than kept as a generated
/// table of 1,336 numbers. Ryū's `d2s_full_table.h` holds the same values.
///
/// The tables are made once and kept for the life of the process, behind plain pointers: an
/// array would be retained and released on every number formatted.
struct Pow5Tables: @unchecked Sendable {
    /// A 125-bit number.
    struct Entry: Sendable, Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// The bits of ``powers`` and of ``inverse``.
    static var bitCount: Int32 { 125 }
    static var inverseBitCount: Int32 { 125 }

    /// By `i`, for `0 ≤ i < 326`: the top 125 bits of `5^i`.
    let powers: UnsafePointer<Entry>
    /// By `i`, for `0 ≤ i < 342`: `⌊2^(bits(5^i) - 1 + 125) / 5^i⌋ + 1`.
    let inverse: UnsafePointer<Entry>

    static let shared = Pow5Tables()

    private init() {
        let (powers, inverse) = Self.compute()
        let powerStorage = UnsafeMutablePointer<Entry>.allocate(capacity: powers.count)
        powerStorage.initialize(from: powers, count: powers.count)
        let inverseStorage = UnsafeMutablePointer<Entry>.allocate(capacity: inverse.count)
        inverseStorage.initialize(from: inverse, count: inverse.count)
        self.powers = UnsafePointer(powerStorage)
        self.inverse = UnsafePointer(inverseStorage)
    }

    /// The tables, as arrays.
    static func compute() -> (powers: [Entry], inverse: [Entry]) {
        var powers: [Entry] = []
        var inverse: [Entry] = []
        var power = BigNumber(1)
        for i in 0..<342 {
            let length = power.bitLength
            if i < 326 { powers.append(power.shifted(by: Int(Self.bitCount) - length).entry) }
            inverse.append(power.inverse(bits: Int(Self.inverseBitCount)).entry)
            power.multiply(by: 5)
        }
        return (powers, inverse)
    }
}

/// A non-negative integer of any size, as little-endian 32-bit words: just what the tables need.
private struct BigNumber {
    var words: [UInt32]

    init(_ value: UInt32) {
        words = [value]
    }

    var bitLength: Int {
        guard let index = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return index * 32 + (32 - words[index].leadingZeroBitCount)
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in words.indices {
            let product = UInt64(words[index]) * UInt64(factor) + carry
            words[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { words.append(UInt32(carry)) }
    }

    /// The number times `2^count` (`count` may be negative: a shift right, dropping bits).
    func shifted(by count: Int) -> BigNumber {
        var result = BigNumber(0)
        let length = bitLength
        result.words = Array(repeating: 0, count: max(1, (length + count + 31) / 32 + 1))
        for bit in 0..<length where self.bit(bit) {
            let target = bit + count
            if target >= 0 { result.words[target / 32] |= 1 << UInt32(target % 32) }
        }
        return result
    }

    func bit(_ index: Int) -> Bool {
        index / 32 < words.count && words[index / 32] >> UInt32(index % 32) & 1 == 1
    }

    /// `⌊2^(bitLength - 1 + bits) / self⌋ + 1`, by long division one bit at a time: the
    /// remainder starts at `2^(bitLength - 1)`, below `self`, so the quotient has `bits` bits
    /// or one more.
    func inverse(bits: Int) -> BigNumber {
        let length = bitLength
        var remainder = BigNumber(0)
        remainder.words = Array(repeating: 0, count: words.count + 1)
        remainder.words[(length - 1) / 32] = 1 << UInt32((length - 1) % 32)
        var divisor = self
        divisor.words.append(0)
        var quotient = BigNumber(0)
        quotient.words = Array(repeating: 0, count: bits / 32 + 2)
        if remainder.isAtLeast(divisor) {
            remainder.subtract(divisor)
            quotient.words[0] = 1
        }
        for _ in 0..<bits {
            remainder.shiftLeftOne()
            quotient.shiftLeftOne()
            if remainder.isAtLeast(divisor) {
                remainder.subtract(divisor)
                quotient.words[0] |= 1
            }
        }
        quotient.addOne()
        return quotient
    }

    /// The low 128 bits.
    var entry: Pow5Tables.Entry {
        func word(_ index: Int) -> UInt64 { index < words.count ? UInt64(words[index]) : 0 }
        return Pow5Tables.Entry(low: word(0) | word(1) << 32, high: word(2) | word(3) << 32)
    }

    private func isAtLeast(_ other: BigNumber) -> Bool {
        for index in stride(from: max(words.count, other.words.count) - 1, through: 0, by: -1) {
            let a = index < words.count ? words[index] : 0
            let b = index < other.words.count ? other.words[index] : 0
            if a != b { return a > b }
        }
        return true
    }

    private mutating func subtract(_ other: BigNumber) {
        var borrow: Int64 = 0
        for index in words.indices {
            var difference = Int64(words[index]) - Int64(index < other.words.count ? other.words[index] : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            words[index] = UInt32(difference)
        }
    }

    private mutating func shiftLeftOne() {
        var carry: UInt32 = 0
        for index in words.indices {
            let next = words[index] >> 31
            words[index] = words[index] << 1 | carry
            carry = next
        }
        if carry != 0 { words.append(carry) }
    }

    private mutating func addOne() {
        for index in words.indices {
            words[index] &+= 1
            if words[index] != 0 { return }
        }
        words.append(1)
    }
}
