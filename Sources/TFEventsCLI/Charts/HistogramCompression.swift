import TFEvents

/// A histogram as TensorBoard's DISTRIBUTIONS dashboard sees it: the values at fixed fractions
/// of its weight, interpolated within the buckets.
///
/// The basis points (0, 668, 1587, 3085, 5000, 6915, 8413, 9332 and 10000 of 10,000) are where a
/// normal distribution's CDF is at −∞, −1.5σ, −1σ, −0.5σ, 0, +0.5σ, +1σ, +1.5σ and +∞, so the
/// bands between them read as the spread a standard deviation would give. The arithmetic is that
/// of TensorBoard 2.21's `compress_histogram` (`tensorboard/plugins/distribution/compressor.py`)
/// step for step, numpy's pairwise sum and binary search and Python's `min`/`max` included, so the
/// values equal TensorBoard's bit for bit (`Scripts/distribution_reference.py`,
/// `Fixtures/distributions/reference.json`).
enum HistogramCompression {
    /// TensorBoard's basis points, in 1/10,000 of the total weight.
    static let basisPoints: [Double] = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]

    /// The value at each of `basisPoints`: the first is the histogram's left edge, the last its
    /// right edge (for a histogram with weight), and all are 0 for a histogram without buckets.
    static func compress(_ buckets: [Histogram.Bucket], basisPoints: [Double] = basisPoints) -> [Double] {
        guard let first = buckets.first, let last = buckets.last, let scale = basisPoints.last else {
            return basisPoints.map { _ in 0 }
        }
        let lowest = first.left
        let highest = last.right
        let total = pairwiseSum(buckets.map(\.count))
        // `counts.sum() or 1.0`: a zero total (NaN is truthy in Python) divides by 1.
        let divisor = total == 0 ? 1 : total
        var weights: [Double] = []
        weights.reserveCapacity(buckets.count)
        var running = 0.0
        for bucket in buckets {
            running += bucket.count * scale / divisor
            weights.append(running)
        }

        var result: [Double] = []
        var index = 0
        search: while index < basisPoints.count {
            let point = basisPoints[index]
            var bucket = searchSortedRight(weights, point)
            while bucket < weights.count {
                let cumulative = weights[bucket]
                let previous = bucket > 0 ? weights[bucket - 1] : 0
                if cumulative == previous {
                    bucket += 1
                    continue
                }
                let left = bucket == 0 || previous == 0 ? lowest : pythonMax(buckets[bucket - 1].right, lowest)
                let right = pythonMin(buckets[bucket].right, highest)
                result.append(left + (point - previous) * (right - left) / (cumulative - previous))
                index += 1
                continue search
            }
            break
        }
        while result.count < basisPoints.count { result.append(highest) }
        return result
    }

    /// numpy's sum of a float64 array: pairwise, 8 running sums over blocks of up to 128, started
    /// from the identity 0.
    static func pairwiseSum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { 0 + pairwise($0[...]) }
    }

    private static func pairwise(_ values: Slice<UnsafeBufferPointer<Double>>) -> Double {
        let count = values.count
        let start = values.startIndex
        if count < 8 {
            var sum = 0.0
            for value in values { sum += value }
            return sum
        }
        if count <= 128 {
            var partial = Array(values[start..<start + 8])
            var index = start + 8
            while index < start + count - count % 8 {
                for lane in 0..<8 { partial[lane] += values[index + lane] }
                index += 8
            }
            var sum = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                + ((partial[4] + partial[5]) + (partial[6] + partial[7]))
            while index < start + count {
                sum += values[index]
                index += 1
            }
            return sum
        }
        var half = count / 2
        half -= half % 8
        return pairwise(values[start..<start + half]) + pairwise(values[(start + half)...])
    }

    /// numpy's `searchsorted(sorted, key, side="right")`: the binary search numpy runs, with its
    /// order of NaN after every number, so that even unsorted weights (negative counts) give
    /// numpy's index.
    static func searchSortedRight(_ sorted: [Double], _ key: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = low + (high - low) / 2
            if numpyLess(key, sorted[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    private static func numpyLess(_ a: Double, _ b: Double) -> Bool {
        a < b || (b.isNaN && !a.isNaN)
    }

    /// Python's `max(a, b)`: `b` only when `b > a`.
    private static func pythonMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

    /// Python's `min(a, b)`: `b` only when `b < a`.
    private static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
