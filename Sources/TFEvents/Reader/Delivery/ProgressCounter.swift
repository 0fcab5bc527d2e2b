internal import Synchronization

/// Reports how many points have been read, from whichever thread reads them, one call at a time.
final class ProgressCounter: Sendable {
    private let total = Atomic<Int>(0)
    private let report: LockedValue<(@Sendable (Int) -> Void)?>

    init(_ report: (@Sendable (Int) -> Void)?) {
        self.report = LockedValue(report)
    }

    /// Adds `count` points and passes the new total on.
    func add(_ count: Int) {
        let now = total.wrappingAdd(count, ordering: .relaxed).newValue
        report.withLock { $0?(now) }
    }

    /// The points read so far.
    var count: Int { total.load(ordering: .relaxed) }
}
