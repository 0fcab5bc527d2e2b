/// Which points of a run a second reading must leave out, learned from the first: for each purge
/// (a restart or a step that went back; see ``Rewind``), how many points of the run came before it,
/// its step and the series it affects.
///
/// A purge drops points read *before* it. A stream that hands points on as it reads them cannot
/// take them back, so ``RunReader`` reads a large run twice: first to learn where the purges are
/// (keeping no points), then to stream the points, asking ``drops(ordinal:step:series:)`` about
/// each. Both readings number the points of the run in reading order, which is the same in both
/// for the same bytes. Memory is a few numbers per purge.
struct PurgeSieve {
    private struct Purge {
        /// The number of points of the run read before it.
        var ordinal: Int
        var step: Int64
        /// `nil` for every series.
        var series: [Int]?
    }

    private var purges: [Purge] = []
    /// For each index of ``purges``, the smallest step of that purge and every later one that
    /// affects every series.
    private var allSeriesSuffixMinimum: [Int64] = []

    /// Notes a purge read after `ordinal` points of the run. Call in reading order.
    mutating func add(_ rewind: Rewind, afterPoints ordinal: Int) {
        purges.append(Purge(ordinal: ordinal, step: rewind.step, series: rewind.series))
        allSeriesSuffixMinimum = []
    }

    /// Whether there is any purge at all.
    var isEmpty: Bool { purges.isEmpty }

    /// Whether the point read after `ordinal` earlier points of the run, at `step`, of the series
    /// `series`, is dropped by a purge read after it.
    mutating func drops(ordinal: Int, step: Int64, series: Int) -> Bool {
        guard !purges.isEmpty else { return false }
        if allSeriesSuffixMinimum.isEmpty { prepare() }
        // The first purge read after the point: one whose ordinal (points before it) exceeds the point's.
        var low = 0
        var high = purges.count
        while low < high {
            let middle = (low + high) / 2
            if purges[middle].ordinal > ordinal { high = middle } else { low = middle + 1 }
        }
        guard low < purges.count else { return false }
        if step >= allSeriesSuffixMinimum[low] { return true }
        // Purges of some series only (files without a version): few, so looked through one by one.
        return purges[low...].contains { purge in
            if let ids = purge.series, ids.contains(series) { return step >= purge.step }
            return false
        }
    }

    private mutating func prepare() {
        var minimum = Int64.max
        allSeriesSuffixMinimum = Array(repeating: .max, count: purges.count)
        for index in purges.indices.reversed() {
            if purges[index].series == nil { minimum = min(minimum, purges[index].step) }
            allSeriesSuffixMinimum[index] = minimum
        }
    }
}
