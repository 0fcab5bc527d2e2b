/// Which points of a long series a chart draws, so that a line of 100,000 points draws as fast as
/// one of a few thousand and still looks the same: the points are cut into runs that fall in one
/// pixel column, and each keeps its first, last, lowest and highest finite points (the M4 rule:
/// a line through those four covers exactly the pixels the full line covers) and its first and last
/// non-finite ones, so spikes and NaNs stay visible.
///
/// Charts draw from the kept points; statistics are always computed over every point.
package struct PolylineReduction: Sendable {
    /// One run of consecutive points that fall in the same pixel column.
    package struct Bucket: Sendable, Hashable {
        /// The points' indices.
        package var range: Range<Int>
        /// The indices kept, ascending.
        package var kept: [Int]
        /// How many of the points are finite.
        package var finiteCount: Int
        /// The mean of the finite points (0 when there are none).
        package var finiteMean: Double
    }

    /// The buckets, in index order.
    package var buckets: [Bucket]

    /// Cuts the points `(x[i], y[i])` into buckets by the pixel column of `x` in `columns` columns
    /// over `xRange` (the chart's x range; by default the points' own). A series of at most
    /// `4 * columns` points gets one bucket per point, so small series are drawn exactly.
    package init(x: [Double], y: [Double], columns: Int, xRange: ClosedRange<Double>? = nil) {
        precondition(x.count == y.count, "one x per y")
        let columns = max(1, columns)
        guard x.count > 4 * columns, let range = xRange ?? Self.range(of: x) else {
            buckets = y.indices.map { index in
                let finite = y[index].isFinite
                return Bucket(
                    range: index..<index + 1, kept: [index], finiteCount: finite ? 1 : 0,
                    finiteMean: finite ? y[index] : 0)
            }
            return
        }
        let scale = range.upperBound > range.lowerBound ? Double(columns) / (range.upperBound - range.lowerBound) : 0
        func column(_ value: Double) -> Int {
            guard value.isFinite else { return 0 }
            return min(columns - 1, max(0, Int(((value - range.lowerBound) * scale).rounded(.down))))
        }
        var buckets: [Bucket] = []
        var start = 0
        while start < x.count {
            let current = column(x[start])
            var end = start + 1
            while end < x.count, column(x[end]) == current { end += 1 }
            buckets.append(Self.bucket(start..<end, y: y))
            start = end
        }
        self.buckets = buckets
    }

    /// The indices of every kept point, ascending.
    package var keptIndices: [Int] { buckets.flatMap(\.kept) }

    private static func bucket(_ range: Range<Int>, y: [Double]) -> Bucket {
        var lowest: Int?
        var highest: Int?
        var firstNonFinite: Int?
        var lastNonFinite: Int?
        var firstFinite: Int?
        var lastFinite: Int?
        var sum = 0.0
        var count = 0
        for index in range {
            let value = y[index]
            guard value.isFinite else {
                if firstNonFinite == nil { firstNonFinite = index }
                lastNonFinite = index
                continue
            }
            if firstFinite == nil { firstFinite = index }
            lastFinite = index
            if lowest.map({ value < y[$0] }) ?? true { lowest = index }
            if highest.map({ value > y[$0] }) ?? true { highest = index }
            sum += value
            count += 1
        }
        let kept = Set([firstFinite, lastFinite, lowest, highest, firstNonFinite, lastNonFinite].compactMap { $0 })
        return Bucket(range: range, kept: kept.sorted(), finiteCount: count, finiteMean: count > 0 ? sum / Double(count) : 0)
    }

    private static func range(of x: [Double]) -> ClosedRange<Double>? {
        let finite = x.lazy.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }
}
