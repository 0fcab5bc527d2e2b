/// First, last, smallest and largest of a sequence of steps, and how often a step was smaller
/// than the one before it (`outoforder_steps` in `tensorboard --inspect`).
struct StepStatistics: Equatable {
    private(set) var count = 0
    private(set) var first: Int64 = 0
    private(set) var last: Int64 = 0
    private(set) var min: Int64 = 0
    private(set) var max: Int64 = 0
    /// How many steps were smaller than the step before them.
    private(set) var outOfOrder = 0
    /// The first such pair: the step before, and the smaller step that followed it.
    private(set) var firstOutOfOrder: (before: Int64, after: Int64)?

    var isEmpty: Bool { count == 0 }

    mutating func add(_ step: Int64) {
        if count == 0 {
            first = step
            min = step
            max = step
        } else {
            if step < last {
                outOfOrder += 1
                if firstOutOfOrder == nil { firstOutOfOrder = (last, step) }
            }
            min = Swift.min(min, step)
            max = Swift.max(max, step)
        }
        last = step
        count += 1
    }

    static func == (a: StepStatistics, b: StepStatistics) -> Bool {
        a.count == b.count && a.first == b.first && a.last == b.last && a.min == b.min && a.max == b.max
            && a.outOfOrder == b.outOfOrder && a.firstOutOfOrder?.before == b.firstOutOfOrder?.before
            && a.firstOutOfOrder?.after == b.firstOutOfOrder?.after
    }
}

/// The earliest, latest, first and last finite wall times, and how many were not finite.
struct WallTimeStatistics: Equatable {
    private(set) var count = 0
    private(set) var first: Double = 0
    private(set) var last: Double = 0
    private(set) var min: Double = 0
    private(set) var max: Double = 0
    /// Wall times that were NaN or infinite (left out of the others).
    private(set) var nonFinite = 0

    var isEmpty: Bool { count == 0 }

    mutating func add(_ time: Double) {
        guard time.isFinite else {
            nonFinite += 1
            return
        }
        if count == 0 {
            first = time
            min = time
            max = time
        } else {
            min = Swift.min(min, time)
            max = Swift.max(max, time)
        }
        last = time
        count += 1
    }
}
