import Foundation
import Testing
import TestSupport
import TFEvents

@testable import TFEventsCLI

/// How chart lines are packed into the page: exact numbers, compact steps, reduced long lines.
@Suite struct ChartEncodingTests {
    @Test func float32ValuesArePackedAsFloat32AndOthersAsFloat64Exactly() {
        let single: [Double] = [0, 1.5, -2, Double(Float(0.1)), .nan, .infinity, -.infinity]
        let packed = ParsedJSON.from(ChartEncoding.numbers(single))
        #expect(packed["f32"].string != nil)
        #expect(ReportPage.numbers(packed).map(\.bitPattern) == single.map { Double(Float($0)).bitPattern })
        let double: [Double] = [0.1, 1e-300, 3]
        let wide = ParsedJSON.from(ChartEncoding.numbers(double))
        #expect(wide["f64"].string != nil)
        #expect(ReportPage.numbers(wide) == double)
    }

    @Test func stepsAreDifferencesUnlessOneIsTooLarge() {
        let steps: [Int64] = [5, 10, 10, 7, 1_000_000]
        let packed = ParsedJSON.from(ChartEncoding.steps(steps))
        #expect(packed["first"].double == 5 && packed["deltas"].string != nil)
        #expect(ReportPage.steps(packed) == steps)
        let even: [Int64] = [3, 13, 23, 33]
        let evenly = ParsedJSON.from(ChartEncoding.steps(even))
        #expect(evenly["stride"].double == 10 && evenly["count"].double == 4 && evenly["deltas"] == .null)
        #expect(ReportPage.steps(evenly) == even)
        #expect(ReportPage.steps(ParsedJSON.from(ChartEncoding.steps([42]))) == [42])
        let far: [Int64] = [0, 1 << 40]
        let wide = ParsedJSON.from(ChartEncoding.steps(far))
        #expect(wide["f64"].string != nil && ReportPage.steps(wide) == far)
    }

    @Test func shortLinesAreWholeAndLongOnesKeepEachColumnsExtremes() {
        func line(_ count: Int) -> ScalarChartSet.Line {
            let values = (0..<count).map { $0 == count / 2 ? 1_000 : sin(Double($0)) }
            return ScalarChartSet.Line(
                name: "a", runs: ["a"], steps: (0..<count).map(Int64.init), wallTimes: (0..<count).map { 1.7e9 + Double($0) },
                values: values, spread: nil, colorIndex: 2)
        }
        let short = ParsedJSON.from(ChartEncoding.line(line(4 * ChartEncoding.columns)))
        #expect(short["buckets"] == .null && short["line"].double == 2)
        #expect(ReportPage.numbers(short["value"]).count == 4 * ChartEncoding.columns)
        let long = ParsedJSON.from(ChartEncoding.line(line(100_000)))
        let values = ReportPage.numbers(long["value"])
        #expect(long["count"].double == 100_000)
        #expect(values.count <= 6 * ChartEncoding.columns && values.contains(1_000))
        let kept = ReportPage.bytes(long["buckets"]["kept"].string).reduce(0) { $0 + Int($1) }
        #expect(kept == values.count)
        #expect(ReportPage.words(long["buckets"]["finite"].string, as: UInt32.self).reduce(0, +) == 100_000)
    }
}

extension ParsedJSON {
    /// What the page's script would read of `value`.
    static func from(_ value: JSONValue) -> ParsedJSON {
        (try? ParsedJSON.parse(Array(value.serialized().utf8))) ?? .null
    }
}
