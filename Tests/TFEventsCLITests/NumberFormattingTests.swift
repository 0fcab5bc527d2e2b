import Testing

@testable import TFEventsCLI

/// The shortest decimals written into bytes (``ShortestDecimal``, ``NumberFormatting/writeDescription(_:to:)``)
/// are exactly `Double.description`, and the rows made of them exactly the rows made as `String`s
/// before: on every power of two and of ten and their neighbours, subnormals, 2^53 ± 1, float32
/// values widened, negative zero, and three million random values of every kind.
@Suite struct NumberFormattingTests {
    /// A xorshift generator, so that the values are the same on every run.
    struct Random {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static var edgeValues: [Double] {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 100, 1e15, 1e16, 1e-4, 1e-5, 0.00099999999999999999, 1e22, 1e23, 1e300,
            .greatestFiniteMagnitude, .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            0x1p53, 0x1p53 - 1, 0x1p53 + 2, 0x1p54, 123_456_789_012_345_680,
            Double(Float.greatestFiniteMagnitude), Double(Float.leastNonzeroMagnitude), Double(Float(0.1)),
            1_700_000_000.123, 1_700_000_000.123456,
        ]
        for exponent in -1074...1023 {
            let power = Double(sign: .plus, exponent: exponent, significand: 1)
            values += [power, power.nextUp, power.nextDown]
        }
        for exponent in -325...308 {
            for digits in ["1", "2", "5", "9.999999999999999", "1.0000000000000002"] {
                guard let value = Double("\(digits)e\(exponent)"), value.isFinite else { continue }
                values += [value, value.nextUp, value.nextDown]
            }
        }
        return values.filter(\.isFinite).flatMap { [$0, -$0] }
    }

    static func randomValues(_ count: Int) -> [Double] {
        var random = Random()
        var values: [Double] = []
        values.reserveCapacity(count)
        while values.count < count {
            let bits = random.next()
            switch bits % 5 {
            case 0, 1:
                // Any bit pattern: every exponent, subnormals included.
                let value = Double(bitPattern: random.next())
                if value.isFinite { values.append(value) }
            case 2:
                // float32 values widened, as every scalar is.
                let value = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
                if value.isFinite { values.append(Double(value)) }
            case 3:
                // Wall times in milliseconds and microseconds.
                values.append(1_600_000_000 + Double(random.next() % 300_000_000_000) / 1_000)
            default:
                // Integers of every size, and subnormals.
                values.append(Double(Int64(bitPattern: random.next()) >> Int64(random.next() % 64)))
                values.append(Double(bitPattern: random.next() & 0x000F_FFFF_FFFF_FFFF))
            }
        }
        return values
    }

    private func written(_ value: Double) -> String {
        String(unsafeUninitializedCapacity: NumberFormatting.maximumDescriptionLength) { buffer in
            NumberFormatting.writeDescription(value, to: buffer.baseAddress!)
        }
    }

    @Test func edgeValuesAreWrittenAsDescriptionWritesThem() {
        for value in Self.edgeValues where written(value) != value.description {
            Issue.record("\(value.description) written as \(written(value)) (bits \(value.bitPattern))")
            return
        }
    }

    @Test func millionsOfRandomValuesAreWrittenAsDescriptionWritesThem() {
        var mismatches = 0
        for value in Self.randomValues(3_000_000) where written(value) != value.description {
            mismatches += 1
            if mismatches <= 5 { Issue.record("\(value.description) written as \(written(value)) (bits \(value.bitPattern))") }
        }
        #expect(mismatches == 0)
    }

    @Test func tablesHoldRyusValues() {
        // Spot checks against Ryū's d2s_full_table.h.
        let tables = Pow5Tables.shared
        #expect(tables.powers[0] == .init(low: 0, high: 1_152_921_504_606_846_976))
        #expect(tables.powers[1] == .init(low: 0, high: 1_441_151_880_758_558_720))
        #expect(tables.inverse[0] == .init(low: 1, high: 2_305_843_009_213_693_952))
        #expect(tables.inverse[1] == .init(low: 11_068_046_444_225_730_970, high: 1_844_674_407_370_955_161))
    }

    @Test func rowsAreTheRowsMadeAsStrings() {
        var random = Random()
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1, 1e15, 1e16, 0.1, -2.5e-300]
        for format in ExportRows.Format.allCases {
            for (histograms, prCurves) in [(false, false), (true, false), (false, true), (true, true)] {
                let rows = ExportRows(format: format, includesHistograms: histograms, includesPRCurves: prCurves)
                let prefix = rows.prefix(run: "run, \"1\"", tag: "loss/é\n")
                // Another prefix first, so that the row's is not the table's first.
                var prefixes = RowPrefixes()
                _ = prefixes.add(rows.prefix(run: "other", tag: "tag"))
                let entry = prefixes.add(prefix)
                for index in 0..<2_000 {
                    let wallTime = index < specials.count ? specials[index] : Self.randomValues(1)[0] + Double(index)
                    let value = Double(bitPattern: random.next())
                    let step = Int64(bitPattern: random.next()) >> Int64(random.next() % 64)
                    let row = rows.scalar(prefix: entry, step: step, wallTime: wallTime, value: value)
                    let expected = Self.stringRow(
                        format: format, prefix: prefix, step: step, wallTime: wallTime, value: value,
                        emptyColumns: (histograms ? 3 : 0) + (prCurves ? ExportRows.prCurveColumns.count : 0))
                    #expect(row.text(shared: prefixes) == expected)
                    if row.text(shared: prefixes) != expected { return }
                }
            }
        }
    }

    /// The scalar row as it was made before rows were written into bytes.
    static func stringRow(
        format: ExportRows.Format, prefix: String, step: Int64, wallTime: Double, value: Double, emptyColumns: Int
    ) -> String {
        switch format {
        case .csv:
            return prefix + String(step) + "," + NumberFormatting.exactByDescription(wallTime) + ","
                + NumberFormatting.exactByDescription(value) + String(repeating: ",", count: emptyColumns) + "\n"
        case .jsonl:
            return prefix + "\"step\": " + String(step) + ", \"wall_time\": " + JSONValue.format(wallTime)
                + ", \"value\": " + JSONValue.format(value) + "}\n"
        }
    }
}

extension NumberFormatting {
    /// `exact` as it was: `description` for finite values.
    static func exactByDescription(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return value.description
    }
}
