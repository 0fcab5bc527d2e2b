/// What one ``RunLoader/advance(final:into:)`` call yields, in reading order: the points of the
/// scalar fast path as plain numbers, and every other ``RawItem`` beside them with its place
/// among those points.
///
/// Almost every point of a scalar run comes from the fast path. Kept as a ``ScalarPoint`` (no
/// enum, no reference to count) it costs an append on the way in and a load on the way out; as a
/// ``RawItem`` holding a ``Point`` it cost outlined copies, retains and releases at every step.
struct RawBatch {
    /// The fast path's points, in reading order.
    private(set) var scalars: [ScalarPoint] = []
    /// Everything else, in reading order.
    private(set) var items: [RawItem] = []
    /// For each item, how many of ``scalars`` came before it.
    private(set) var positions: [Int] = []

    init() {}

    /// Whether the batch holds nothing.
    var isEmpty: Bool { scalars.isEmpty && items.isEmpty }

    /// How many points and items it holds.
    var count: Int { scalars.count + items.count }

    /// Appends an item after everything appended so far.
    mutating func append(_ item: RawItem) {
        positions.append(scalars.count)
        items.append(item)
    }

    /// Appends a point of the scalar fast path after everything appended so far.
    @inline(__always)
    mutating func append(_ point: ScalarPoint) {
        scalars.append(point)
    }

    /// Empties the batch, keeping its storage.
    mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }

    /// Calls `scalars` with each run of fast-path points between items and `item` with each
    /// item, in reading order.
    @inline(__always)
    func forEach(scalars body: (UnsafeBufferPointer<ScalarPoint>) -> Void, item: (RawItem) -> Void) {
        scalars.withUnsafeBufferPointer { points in
            var next = 0
            for index in items.indices {
                let position = positions[index]
                if next < position {
                    body(UnsafeBufferPointer(rebasing: points[next..<position]))
                    next = position
                }
                item(items[index])
            }
            if next < points.count { body(UnsafeBufferPointer(rebasing: points[next...])) }
        }
    }

    /// Every item in reading order, fast-path points as ``RawItem/point(_:)``.
    var rawItems: [RawItem] {
        var result: [RawItem] = []
        result.reserveCapacity(count)
        forEach(scalars: { points in for point in points { result.append(.point(point.point)) } }) { item in
            result.append(item)
        }
        return result
    }
}

/// A point of the scalar fast path: a legacy `simple_value` or a rank-0 `DT_FLOAT` of a series
/// whose kind is ``Series/Kind/scalars``, so its value is the float32 as stored.
struct ScalarPoint {
    var series: Int
    var step: Int64
    var wallTime: Double
    var value: Float

    /// The point as every other path gives it.
    var point: Point {
        Point(series: series, step: step, wallTime: wallTime, value: .scalar(Double(value)))
    }
}
