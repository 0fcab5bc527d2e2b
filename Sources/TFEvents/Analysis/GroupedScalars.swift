/// The scalars of one tag over a group's runs, folded step by step: what tensorboard-reducer
/// computes, and what a report draws as a group's mean with a band.
///
/// Only the steps every run has are kept (a step some run lacks would mix different sets of runs
/// into one line). Where a run has several points at one step, its last counts, as in
/// ``RunContents/scalarTable``.
///
/// ```swift
/// let runs = contents.runs.filter { group.runs.contains($0.run.name) }
/// let loss = GroupedScalars(runs.compactMap { $0.series(tag: "loss")?.scalars })
/// print(loss.steps, loss.values(.mean), loss.values(.std))
/// ```
public struct GroupedScalars: Sendable, Hashable {
    /// The steps every run has, ascending.
    public var steps: [Int64]
    /// The mean of the runs' wall times at each step.
    public var wallTimes: [Double]
    /// The values at each step, one array per run (in the order given), aligned with ``steps``.
    public var runValues: [[Double]]

    /// Folds the scalar series of a group's runs (one series per run, as
    /// ``SeriesContents/scalars`` gives them).
    public init(_ runs: [[(step: Int64, wallTime: Double, value: Double)]]) {
        var perRun: [[Int64: (wallTime: Double, value: Double)]] = []
        perRun.reserveCapacity(runs.count)
        for points in runs {
            var last: [Int64: (wallTime: Double, value: Double)] = [:]
            last.reserveCapacity(points.count)
            for point in points { last[point.step] = (point.wallTime, point.value) }
            perRun.append(last)
        }
        guard let smallest = perRun.min(by: { $0.count < $1.count }) else {
            steps = []
            wallTimes = []
            runValues = []
            return
        }
        let steps = smallest.keys.filter { step in perRun.allSatisfy { $0[step] != nil } }.sorted()
        self.steps = steps
        runValues = perRun.map { run in steps.map { run[$0]!.value } }
        wallTimes = steps.map { step in GroupStatistic.average(perRun.map { $0[step]!.wallTime }) }
    }

    /// The number of runs folded.
    public var runCount: Int { runValues.count }

    /// `statistic` of the runs' values at each step, aligned with ``steps``.
    public func values(_ statistic: GroupStatistic) -> [Double] {
        steps.indices.map { index in statistic(runValues.map { $0[index] }) }
    }
}
