import TFEvents

/// What `tfevents tail` remembers of one scalar series: its last points, enough for the last
/// value, the step, a rate and a sparkline. Nothing grows with the length of the series.
struct ScalarHistory {
    /// How many recent points are kept: the sparkline's width and the rate's window.
    static let capacity = 20

    let run: String
    let tag: String
    /// The most recent points, oldest first, at most ``capacity``.
    private(set) var recent: [(step: Int64, wallTime: Double, value: Double)] = []
    /// How many points the series has (purged points are not counted).
    private(set) var count = 0

    init(run: String, tag: String) {
        self.run = run
        self.tag = tag
    }

    mutating func append(step: Int64, wallTime: Double, value: Double) {
        if recent.count == Self.capacity { recent.removeFirst() }
        recent.append((step, wallTime, value))
        count += 1
    }

    /// Forgets everything, before the surviving points are replayed after a purge.
    mutating func reset() {
        recent.removeAll()
        count = 0
    }

    var last: (step: Int64, wallTime: Double, value: Double)? { recent.last }

    /// Steps per second over the recent points, from the writer's wall times (so it is right for
    /// data written long ago too); `nil` with fewer than two points or no time between them.
    var stepsPerSecond: Double? {
        guard let first = recent.first, let last = recent.last else { return nil }
        let seconds = last.wallTime - first.wallTime
        let steps = Double(last.step - first.step)
        guard seconds > 0, steps >= 0 else { return nil }
        return steps / seconds
    }

    /// The recent values as a sparkline.
    var sparkline: String { Sparkline.render(recent.map(\.value), width: Self.capacity) }
}
