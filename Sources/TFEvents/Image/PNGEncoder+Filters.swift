/// PNG's five scanline filters (PNG specification, section 9.2). Each replaces a byte `x` by
/// `x` minus a prediction from `a` (the byte one pixel to the left), `b` (the byte above) and
/// `c` (the byte above `a`); bytes outside the image count as 0.
enum PNGFilter: UInt8, CaseIterable, Sendable, Hashable {
    /// No prediction.
    case none = 0
    /// Predicts `a`.
    case sub = 1
    /// Predicts `b`.
    case up = 2
    /// Predicts `(a + b) / 2`, rounded down.
    case average = 3
    /// Predicts whichever of `a`, `b`, `c` is closest to `a + b - c`, preferring `a`, then `b`.
    case paeth = 4
}

extension PNGEncoder {
    /// The filters tried after None, in order.
    private static let candidateFilters: [PNGFilter] = [.sub, .up, .average, .paeth]

    /// How the filter of each row is chosen.
    enum FilterSelection: Sendable, Hashable {
        /// Per row, the filter whose output has the smallest sum of magnitudes, bytes taken as
        /// signed (libpng's heuristic); ties go to the filter with the lower number.
        case adaptive
        /// The same filter for every row.
        case fixed(PNGFilter)
    }

    /// Filters `height` rows of `rowByteCount` bytes from `pixels` into `output`, which gets
    /// `height × (1 + rowByteCount)` bytes: each row's filter type, then its filtered bytes.
    static func filterScanlines(
        _ pixels: UnsafePointer<UInt8>,
        rowByteCount: Int,
        height: Int,
        bytesPerPixel: Int,
        selection: FilterSelection,
        into output: UnsafeMutablePointer<UInt8>
    ) {
        // The row above the first is all zeros; scratch holds the candidates for Sub...Paeth.
        let zeroRow = UnsafeMutablePointer<UInt8>.allocate(capacity: rowByteCount)
        zeroRow.initialize(repeating: 0, count: rowByteCount)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 4 * rowByteCount)
        defer {
            zeroRow.deallocate()
            scratch.deallocate()
        }

        for y in 0..<height {
            let row = pixels + y * rowByteCount
            let above = y == 0 ? UnsafePointer(zeroRow) : row - rowByteCount
            let destination = output + y * (rowByteCount + 1)

            switch selection {
            case .fixed(let filter):
                destination[0] = filter.rawValue
                apply(filter, row: row, above: above, count: rowByteCount, bpp: bytesPerPixel, into: destination + 1)

            case .adaptive:
                var best = PNGFilter.none
                var bestSum = signedMagnitudeSum(row, count: rowByteCount)
                var bestBytes = row
                for filter in candidateFilters where bestSum > 0 {
                    let candidate = scratch + (Int(filter.rawValue) - 1) * rowByteCount
                    apply(filter, row: row, above: above, count: rowByteCount, bpp: bytesPerPixel, into: candidate)
                    let sum = signedMagnitudeSum(candidate, count: rowByteCount)
                    if sum < bestSum {
                        best = filter
                        bestSum = sum
                        bestBytes = UnsafePointer(candidate)
                    }
                }
                destination[0] = best.rawValue
                (destination + 1).update(from: bestBytes, count: rowByteCount)
            }
        }
    }

    /// Writes `filter` applied to `row` (with `above` the previous row) into `output`.
    @inline(__always)
    static func apply(
        _ filter: PNGFilter,
        row: UnsafePointer<UInt8>,
        above: UnsafePointer<UInt8>,
        count: Int,
        bpp: Int,
        into output: UnsafeMutablePointer<UInt8>
    ) {
        // The first pixel has no left neighbour (a = c = 0). For the rest, the loops run over
        // aligned views: x = row[bpp...], a = row[0...], b = above[bpp...], c = above[0...].
        // Wrapping arithmetic and no index arithmetic inside keep the loops free of overflow
        // checks, so the compiler vectorizes them.
        let first = min(bpp, count)
        let rest = count - first
        let x = row + first
        let a = row
        let b = above + first
        let c = above
        let out = output + first
        switch filter {
        case .none:
            output.update(from: row, count: count)

        case .sub:
            output.update(from: row, count: first)
            for i in 0..<rest {
                out[i] = x[i] &- a[i]
            }

        case .up:
            for i in 0..<count {
                output[i] = row[i] &- above[i]
            }

        case .average:
            for i in 0..<first {
                output[i] = row[i] &- (above[i] &>> 1)
            }
            for i in 0..<rest {
                let mean = (UInt16(a[i]) &+ UInt16(b[i])) &>> 1
                out[i] = x[i] &- UInt8(truncatingIfNeeded: mean)
            }

        case .paeth:
            // With a = c = 0 the predictor is always b.
            for i in 0..<first {
                output[i] = row[i] &- above[i]
            }
            for i in 0..<rest {
                let left = Int16(a[i])
                let up = Int16(b[i])
                let corner = Int16(c[i])
                let pa = (up &- corner).magnitude
                let pb = (left &- corner).magnitude
                let pc = (left &+ up &- corner &- corner).magnitude
                let upOrCorner = pb <= pc ? up : corner
                let prediction = pa <= pb && pa <= pc ? left : upOrCorner
                out[i] = x[i] &- UInt8(truncatingIfNeeded: prediction)
            }
        }
    }

    /// The sum of `count` bytes read as signed 8-bit values, without their signs: the cost
    /// that adaptive filtering minimizes.
    @inline(__always)
    static func signedMagnitudeSum(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        // A 32-bit accumulator vectorizes well; 2^24 bytes of at most 128 each cannot overflow it.
        let block = 1 << 24
        var total = 0
        var start = 0
        while start < count {
            let end = min(count, start + block)
            var sum: UInt32 = 0
            for i in start..<end {
                sum &+= UInt32(Int8(bitPattern: bytes[i]).magnitude)
            }
            total += Int(sum)
            start = end
        }
        return total
    }
}
