/// Puts values into buckets for ``Histogram``, one function per ``Histogram/Bucketing``.
///
/// Generic over the element type so `[Float]` is bucketed in place without first being copied
/// into a `[Double]`; every computation on a value is done on its exact `Double` widening, which
/// is what TensorFlow, TensorBoard and tensorboardX compute on too.
enum HistogramBucketer {
    /// The most buckets `.equalWidth` makes (a million: 24 MB of tensor).
    static let maximumBucketCount = 1 << 20

    static func bucket<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, _ bucketing: Histogram.Bucketing
    ) throws(SummaryWriterError) -> Histogram {
        switch bucketing.kind {
        case .equalWidth(let count):
            guard count >= 1 else {
                throw .invalidInput("a histogram needs at least 1 bucket, but the bucket count is \(count)")
            }
            // Each bucket is written as 24 bytes; far beyond any display, a count like this is a mistake.
            guard count <= maximumBucketCount else {
                throw .invalidInput(
                    "a histogram may have at most \(maximumBucketCount) buckets, but the bucket count is \(count)")
            }
            return equalWidth(values, bucketCount: count)
        case .edges(let edges):
            try validate(edges)
            return explicit(values, edges: edges)
        case .tensorboardX:
            return tensorboardX(values)
        }
    }

    // MARK: TensorFlow 2: equal widths from min to max

    static func equalWidth<T: BinaryFloatingPoint>(_ values: UnsafeBufferPointer<T>, bucketCount n: Int) -> Histogram {
        let (low, high, nonFinite) = finiteRange(values)
        let finiteCount = values.count - nonFinite
        guard finiteCount > 0 else {
            // TensorFlow 2 writes all-zero rows for empty input.
            let zero = Histogram.Bucket(left: 0, right: 0, count: 0)
            return Histogram(
                buckets: Array(repeating: zero, count: n), nonFiniteCount: nonFinite, outOfRangeCount: 0)
        }
        let minimum = Double(low)
        let maximum = Double(high)
        if minimum == maximum {
            var buckets = Array(repeating: Histogram.Bucket(left: minimum, right: minimum, count: 0), count: n)
            buckets[n - 1].count = Double(finiteCount)
            return Histogram(buckets: buckets, nonFiniteCount: nonFinite, outOfRangeCount: 0)
        }

        // TensorFlow computes index = floor((x - min) / ((max - min) / n)), capped at n - 1, and
        // the edges as numpy.linspace(min, max, n + 1). That is reproduced exactly whenever
        // max - min and its n-th part are normal numbers. Otherwise TensorFlow's arithmetic gives
        // NaN (an infinite range) or divides by zero (a range of a few subnormals) and loses
        // counts, so the same buckets are computed on halved values, or from the range directly.
        let range = maximum - minimum
        let width = range / Double(n)
        let lastIndex = Double(n - 1)
        var counts = [Int](repeating: 0, count: n)
        counts.withUnsafeMutableBufferPointer { counts in
            // The quotient is never negative (x >= min), so truncating is flooring, without a
            // call to floor() on targets that lack a rounding instruction.
            @inline(__always) func add(_ quotient: Double) {
                counts[Int(Swift.min(quotient, lastIndex))] += 1
            }
            if range.isFinite && width > 0 {
                if nonFinite == 0 {
                    countAllFinite(values, minimum: minimum, width: width, into: counts)
                } else {
                    for x in values where x.isFinite { add((Double(x) - minimum) / width) }
                }
            } else if range.isFinite {
                for x in values where x.isFinite { add((Double(x) - minimum) / range * Double(n)) }
            } else {
                let halfMinimum = minimum / 2
                let halfWidth = (maximum / 2 - halfMinimum) / Double(n)
                for x in values where x.isFinite { add((Double(x) / 2 - halfMinimum) / halfWidth) }
            }
        }

        var edges = [Double](repeating: 0, count: n + 1)
        if range.isFinite {
            // numpy.linspace: i * step + start, or (i / n) * range + start when step is 0.
            for i in 0..<n {
                edges[i] = width == 0 ? Double(i) / Double(n) * range + minimum : Double(i) * width + minimum
            }
        } else {
            let halfMinimum = minimum / 2
            let halfWidth = (maximum / 2 - halfMinimum) / Double(n)
            for i in 0..<n { edges[i] = (Double(i) * halfWidth + halfMinimum) * 2 }
        }
        edges[n] = maximum
        return Histogram(
            buckets: (0..<n).map { Histogram.Bucket(left: edges[$0], right: edges[$0 + 1], count: Double(counts[$0])) },
            nonFiniteCount: nonFinite, outOfRangeCount: 0)
    }

    /// The hot loop of ``equalWidth(_:bucketCount:)``: every value finite, the width normal.
    /// Four sets of counters, summed at the end, keep runs of equal buckets (the common case:
    /// most values sit in a few central buckets) from waiting on one another's increments.
    static func countAllFinite<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, minimum: Double, width: Double, into counts: UnsafeMutableBufferPointer<Int>
    ) {
        let n = counts.count
        let lastIndex = Double(n - 1)
        let lanes = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4 * n)
        defer { lanes.deallocate() }
        lanes.initialize(repeating: 0)
        guard let base = lanes.baseAddress else { return }
        let (lane1, lane2, lane3) = (base + n, base + 2 * n, base + 3 * n)
        @inline(__always) func index(_ x: T) -> Int {
            Int(Swift.min((Double(x) - minimum) / width, lastIndex))
        }
        var i = 0
        let count = values.count
        while i + 4 <= count {
            base[index(values[i])] &+= 1
            lane1[index(values[i + 1])] &+= 1
            lane2[index(values[i + 2])] &+= 1
            lane3[index(values[i + 3])] &+= 1
            i += 4
        }
        while i < count {
            base[index(values[i])] &+= 1
            i += 1
        }
        for bucket in 0..<n {
            counts[bucket] = base[bucket] &+ lane1[bucket] &+ lane2[bucket] &+ lane3[bucket]
        }
    }

    /// The smallest and the largest finite value (`+inf` and `-inf` when there are none) and the
    /// number of values that are not finite.
    static func finiteRange<T: BinaryFloatingPoint>(_ values: UnsafeBufferPointer<T>) -> (T, T, Int) {
        // A branch-free pass first, which the compiler vectorizes: comparisons with NaN are false,
        // so NaN is never taken as the minimum or maximum, and only NaN differs from itself.
        var low = T.infinity
        var high = -T.infinity
        var nanCount = 0
        for x in values {
            low = x < low ? x : low
            high = x > high ? x : high
            nanCount &+= x != x ? 1 : 0
        }
        if low > -T.infinity && high < T.infinity {
            return (low, high, nanCount)
        }
        // Infinities among the values: the careful pass.
        low = T.infinity
        high = -T.infinity
        var nonFinite = 0
        for x in values {
            if x.isFinite {
                low = Swift.min(low, x)
                high = Swift.max(high, x)
            } else {
                nonFinite += 1
            }
        }
        return (low, high, nonFinite)
    }

    // MARK: Explicit edges, numpy.histogram's rules

    static func validate(_ edges: [Double]) throws(SummaryWriterError) {
        guard edges.count >= 2 else {
            throw .invalidInput("histogram edges must number at least 2, but \(edges.count) were given")
        }
        if let index = edges.firstIndex(where: { !$0.isFinite }) {
            throw .invalidInput("histogram edges must be finite, but edge \(index) is \(edges[index])")
        }
        if let index = edges.indices.dropFirst().first(where: { edges[$0] < edges[$0 - 1] }) {
            throw .invalidInput(
                "histogram edges must increase, but edge \(index) (\(edges[index])) is less than edge \(index - 1) "
                    + "(\(edges[index - 1]))")
        }
    }

    static func explicit<T: BinaryFloatingPoint>(_ values: UnsafeBufferPointer<T>, edges: [Double]) -> Histogram {
        let bucketCount = edges.count - 1
        var counts = [Int](repeating: 0, count: bucketCount)
        var nonFinite = 0
        var outOfRange = 0
        let first = edges[0]
        let last = edges[bucketCount]
        // Where x would be if the edges were evenly spaced: right for evenly spaced edges (the
        // usual case) or a neighbour, checked against the real edges; a binary search otherwise.
        let guessScale = last > first ? Double(bucketCount) / (last - first) : 0
        edges.withUnsafeBufferPointer { edges in
            counts.withUnsafeMutableBufferPointer { counts in
                for value in values {
                    let x = Double(value)
                    guard x.isFinite else {
                        nonFinite += 1
                        continue
                    }
                    guard x >= first && x <= last else {
                        outOfRange += 1
                        continue
                    }
                    if x == last {
                        counts[bucketCount - 1] += 1  // the last bucket is closed
                        continue
                    }
                    // The bucket is the last edge <= x: the one with edges[b] <= x < edges[b + 1].
                    let offset = (x - first) * guessScale  // NaN when the edges span more than a Double
                    let guess = offset < Double(bucketCount - 1) ? Int(offset) : bucketCount - 1
                    if edges[guess] <= x {
                        if x < edges[guess + 1] {
                            counts[guess] += 1
                            continue
                        }
                        if guess + 2 <= bucketCount && x < edges[guess + 2] {
                            counts[guess + 1] += 1
                            continue
                        }
                    } else if guess > 0 && edges[guess - 1] <= x {
                        counts[guess - 1] += 1
                        continue
                    }
                    var low = 0
                    var high = bucketCount
                    while low < high {
                        let middle = (low + high) / 2
                        if edges[middle] <= x { low = middle + 1 } else { high = middle }
                    }
                    counts[low - 1] += 1
                }
            }
        }
        let buckets = (0..<bucketCount).map {
            Histogram.Bucket(left: edges[$0], right: edges[$0 + 1], count: Double(counts[$0]))
        }
        return Histogram(buckets: buckets, nonFiniteCount: nonFinite, outOfRangeCount: outOfRange)
    }

    // MARK: tensorboardX: exponential edges, trimmed to the occupied range

    /// tensorboardX's positive edges, computed as it does: `v = 1e-12; while v < 1e20: v *= 1.1`.
    static let positiveEdges: [Double] = {
        var edges: [Double] = []
        var v = 1e-12
        while v < 1e20 {
            edges.append(v)
            v *= 1.1
        }
        return edges
    }()

    /// All of tensorboardX's edges: the negated positive ones in increasing order, 0, the positive ones.
    static let tensorboardXEdges: [Double] = positiveEdges.reversed().map { -$0 } + [0] + positiveEdges

    /// A positive normal double's exponent and top three significand bits, which grow with it:
    /// each key covers a range of values whose ends differ by a factor of at most 2^(1/8) < 1.1,
    /// so at most one edge falls inside it.
    @inline(__always)
    static func searchKey(_ y: Double) -> Int { Int(truncatingIfNeeded: y.bitPattern >> 49) }

    /// For each ``searchKey(_:)`` from that of the first positive edge on, the index of the first
    /// positive edge `>=` the smallest value with that key: where the search for a value starts.
    static let searchStarts: [Int] = {
        let firstKey = searchKey(positiveEdges[0])
        let lastKey = searchKey(positiveEdges[positiveEdges.count - 1]) + 1
        return (firstKey...lastKey).map { key in
            let smallest = Double(bitPattern: UInt64(key) << 49)
            return positiveEdges.firstIndex { $0 >= smallest } ?? positiveEdges.count
        }
    }()

    static func tensorboardX<T: BinaryFloatingPoint>(_ values: UnsafeBufferPointer<T>) -> Histogram {
        let edges = tensorboardXEdges
        let k = positiveEdges.count  // edges[k] is 0; bucket k is [0, 1e-12)
        var counts = [Int](repeating: 0, count: 2 * k)
        var nonFinite = 0
        var outOfRange = 0
        positiveEdges.withUnsafeBufferPointer { positive in
            searchStarts.withUnsafeBufferPointer { starts in
                counts.withUnsafeMutableBufferPointer { counts in
                    let smallest = positive[0]
                    let largest = positive[k - 1]
                    let firstKey = searchKey(smallest)
                    // The first positive edge >= y (orEqual) or > y, for smallest <= y <= largest.
                    @inline(__always) func firstEdge(above y: Double, orEqual: Bool) -> Int {
                        var index = starts[searchKey(y) - firstKey]
                        while index < k && (positive[index] < y || (!orEqual && positive[index] == y)) {
                            index += 1
                        }
                        return index
                    }
                    for value in values {
                        let x = Double(value)
                        guard x.isFinite else {
                            nonFinite += 1
                            continue
                        }
                        guard x >= -largest && x <= largest else {
                            outOfRange += 1
                            continue
                        }
                        let bucket: Int
                        if x >= 0 {
                            // The last edge <= x; the last bucket is closed, so x == largest goes in it.
                            bucket = x < smallest ? k : Swift.min(k + firstEdge(above: x, orEqual: false), 2 * k - 1)
                        } else {
                            // [-p[j], -p[j-1]) holds x when p[j] is the first edge >= -x.
                            let y = -x
                            bucket = y <= smallest ? k - 1 : k - 1 - firstEdge(above: y, orEqual: true)
                        }
                        counts[bucket] += 1
                    }
                }
            }
        }

        // tensorboardX keeps one empty bucket before the first occupied one (its legacy format
        // has only right edges, so that bucket carries the left edge of the data) and the
        // buckets up to the last occupied one.
        guard let firstOccupied = counts.firstIndex(where: { $0 > 0 }),
            let lastOccupied = counts.lastIndex(where: { $0 > 0 })
        else {
            return Histogram(buckets: [], nonFiniteCount: nonFinite, outOfRangeCount: outOfRange)
        }
        var buckets: [Histogram.Bucket] = []
        buckets.reserveCapacity(lastOccupied - firstOccupied + 2)
        if firstOccupied == 0 {
            // No edge lies left of the first one; tensorboardX pairs an empty count with it.
            buckets.append(Histogram.Bucket(left: edges[0], right: edges[0], count: 0))
        } else {
            buckets.append(Histogram.Bucket(left: edges[firstOccupied - 1], right: edges[firstOccupied], count: 0))
        }
        for index in firstOccupied...lastOccupied {
            buckets.append(Histogram.Bucket(left: edges[index], right: edges[index + 1], count: Double(counts[index])))
        }
        return Histogram(buckets: buckets, nonFiniteCount: nonFinite, outOfRangeCount: outOfRange)
    }
}
