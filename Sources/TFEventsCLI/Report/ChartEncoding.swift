import Foundation
import TFEvents

/// How chart lines reach the page: reduced, then packed as base64 typed arrays inside the page's
/// JSON, so that 1,000,000 points make a page of about a megabyte that opens at once.
///
/// Each line is cut by ``PolylineReduction`` into buckets of the points that fall in one of
/// ``columns`` pixel columns; the page draws the points each bucket keeps (first, last, lowest
/// and highest finite, first and last non-finite). A line of at most `4 × columns` points is not
/// reduced: every point is its own bucket and is drawn.
///
/// Smoothing runs in the page over the buckets: a bucket of `k` finite points with mean `m`
/// moves TensorBoard's average as `k` points of value `m` would,
/// `last = last·w^k + (1 − w^k)·m`, and the result is debiased by `1 − w^n`, `n` being the
/// number of finite points so far. For a line that is not reduced every bucket holds one point
/// and this is exactly TensorBoard's smoothing; for a reduced line it is the smoothing of the
/// bucket means, which is what a pixel column can show.
///
/// Arrays, all little-endian:
/// - values: `{"f32": base64}` when every value is a float32 (what almost every writer stores),
///   else `{"f64": base64}`, so values shown are exact;
/// - steps: `{"first": s0, "stride": d, "count": n}` when they are evenly spaced (as most are),
///   else `{"first": s0, "deltas": base64 int32}`, the differences from one kept step to the
///   next, or `{"f64": base64}` when a difference does not fit 32 bits;
/// - wall times: `{"first": t0, "f32": base64}`, the seconds since `t0` (to a few milliseconds
///   over a day), or `{"f64": base64}` when not finite;
/// - buckets of a reduced line: `kept` (uint8, how many kept points each bucket has), `finite`
///   (int32 counts) and `mean` (float64).
enum ChartEncoding {
    /// The pixel columns lines are reduced to: about the width of a chart on a wide screen.
    static let columns = 400

    /// The page's data for the charts.
    static func data(_ charts: ScalarChartSet) -> JSONValue {
        .object([
            ("names", .array(charts.lineNames.map { .string($0) })),
            ("columns", .integer(Int64(columns))),
            ("charts", .array(charts.charts.map { chart in
                .object([("tag", .string(chart.tag)), ("lines", .array(chart.lines.map(line)))])
            })),
        ])
    }

    /// One line, reduced and packed.
    static func line(_ line: ScalarChartSet.Line) -> JSONValue {
        let reduction = PolylineReduction(x: line.steps.map(Double.init), y: line.values, columns: columns)
        let kept = reduction.keptIndices
        let isReduced = reduction.buckets.count < line.values.count
        var members: [(String, JSONValue)] = [
            ("line", .integer(Int64(line.colorIndex))),
            ("count", .integer(Int64(line.values.count))),
            ("step", steps(kept.map { line.steps[$0] })),
            ("wall", times(kept.map { line.wallTimes[$0] })),
            ("value", numbers(kept.map { line.values[$0] })),
        ]
        if line.spread != nil || line.runs.count > 1 {
            members.append(("runs", .integer(Int64(line.runs.count))))
        }
        if isReduced {
            members.append((
                "buckets",
                .object([
                    ("kept", .string(base64(reduction.buckets.map { UInt8(clamping: $0.kept.count) }))),
                    ("finite", .string(base64(reduction.buckets.map { Int32(clamping: $0.finiteCount) }))),
                    ("mean", .object([("f64", .string(base64(reduction.buckets.map(\.finiteMean))))])),
                ])
            ))
        }
        if let spread = line.spread {
            // Per point when not reduced; per bucket otherwise: the mean spread, the lowest
            // minimum and the highest maximum of each bucket.
            let ranges = reduction.buckets.map(\.range)
            func fold(_ values: [Double], _ combine: ([Double]) -> Double) -> [Double] {
                ranges.map { range in
                    let finite = values[range].filter(\.isFinite)
                    return finite.isEmpty ? .nan : combine(finite)
                }
            }
            members.append((
                "band",
                .object([
                    ("std", numbers(fold(spread.std) { $0.reduce(0, +) / Double($0.count) })),
                    ("min", numbers(fold(spread.min) { $0.min()! })),
                    ("max", numbers(fold(spread.max) { $0.max()! })),
                ])
            ))
        }
        return .object(members)
    }

    /// Values as float32 when that loses nothing, else float64.
    static func numbers(_ values: [Double]) -> JSONValue {
        if values.allSatisfy({ $0.isNaN || Double(Float($0)) == $0 }) {
            return .object([("f32", .string(base64(values.map { Float($0) })))])
        }
        return .object([("f64", .string(base64(values)))])
    }

    /// Steps as int32 differences, or float64 when a difference is too large.
    static func steps(_ steps: [Int64]) -> JSONValue {
        guard let first = steps.first, abs(first) < 1 << 53 else {
            return .object([("f64", .string(base64(steps.map(Double.init))))])
        }
        var deltas: [Int32] = []
        deltas.reserveCapacity(steps.count)
        for index in steps.indices.dropFirst() {
            let (delta, overflow) = steps[index].subtractingReportingOverflow(steps[index - 1])
            guard !overflow, let narrow = Int32(exactly: delta) else {
                return .object([("f64", .string(base64(steps.map(Double.init))))])
            }
            deltas.append(narrow)
        }
        if let stride = deltas.first, deltas.allSatisfy({ $0 == stride }) {
            return .object([
                ("first", .integer(first)), ("stride", .integer(Int64(stride))), ("count", .integer(Int64(steps.count))),
            ])
        }
        return .object([("first", .integer(first)), ("deltas", .string(base64(deltas)))])
    }

    /// Wall times as float32 seconds after the first.
    static func times(_ times: [Double]) -> JSONValue {
        guard let first = times.first, times.allSatisfy(\.isFinite) else {
            return .object([("f64", .string(base64(times)))])
        }
        return .object([("first", .number(first)), ("f32", .string(base64(times.map { Float($0 - first) })))])
    }

    static func base64(_ values: [UInt8]) -> String {
        Data(values).base64EncodedString()
    }

    static func base64(_ values: [Int32]) -> String {
        littleEndian(values.map { UInt32(bitPattern: $0) })
    }

    static func base64(_ values: [Float]) -> String {
        littleEndian(values.map(\.bitPattern))
    }

    static func base64(_ values: [Double]) -> String {
        littleEndian(values.map(\.bitPattern))
    }

    private static func littleEndian<Word: FixedWidthInteger>(_ words: [Word]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(words.count * Word.bitWidth / 8)
        for word in words {
            var value = word.littleEndian
            withUnsafeBytes(of: &value) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
    }
}
