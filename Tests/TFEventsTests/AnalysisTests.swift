import Foundation

import Testing

@testable import TFEvents

/// The rules of smoothing, grouping, folding and line reduction on small inputs whose answers are
/// worked out by hand.
@Suite struct AnalysisTests {
    @Test func smoothingWorkedExample() {
        // last = 0.4 * 1 = 0.4, / (1 - 0.6) = 1; last = 0.24 + 1.2 = 1.44, / (1 - 0.36) = 2.25;
        // NaN as it is; last = 0.864 + 0.8 = 1.664, / (1 - 0.216) = 2.1224489…
        let smoothed = Smoothing.exponentialMovingAverage([1, 3, .nan, 2], weight: 0.6)
        #expect(smoothed.count == 4)
        #expect(abs(smoothed[0] - 1) < 1e-15)
        #expect(abs(smoothed[1] - 2.25) < 1e-15)
        #expect(smoothed[2].isNaN)
        #expect(abs(smoothed[3] - 1.664 / 0.784) < 1e-15)
    }

    @Test func smoothingEdgeWeights() {
        let values: [Double] = [5, -1, .infinity, 7]
        #expect(Smoothing.exponentialMovingAverage(values, weight: 0) == values)
        // Weight 1, as TensorBoard computes it: last stays 0 * 1 + 0 * v = 0, divided by 1.
        #expect(Smoothing.exponentialMovingAverage(values, weight: 1) == [0, 0, .infinity, 0])
        #expect(Smoothing.exponentialMovingAverage([3, 3, 3], weight: 0.9) == [3, 3, 3])
        #expect(Smoothing.exponentialMovingAverage([], weight: 0.5) == [])
        // Out-of-range weights are clamped, a NaN weight is 0.
        #expect(Smoothing.exponentialMovingAverage([1, 2], weight: .nan) == [1, 2])
        #expect(Smoothing.exponentialMovingAverage([1, 2], weight: -3) == [1, 2])
    }

    @Test(arguments: [
        ("lr_0.1/seed_1", "lr_0.1"), ("seed_2/lr_0.1", "lr_0.1"), ("lr_0.1_seed3_bs32", "lr_0.1_bs32"),
        ("a/seed_1/b", "a/b"), ("seed_7", "."), ("noseedhere", "noseedhere"), ("run-seed12-", "run"),
    ])
    func groupNames(run: String, group: String) throws {
        let grouping = try RunGrouping(removing: #"seed_?\d+"#)
        #expect(grouping.groupName(of: run) == group)
    }

    @Test func groupingByPatternKeepsRunOrderWithinGroups() throws {
        let grouping = try RunGrouping(removing: #"seed_?\d+"#)
        let groups = grouping.groups(of: ["lr_0.1/seed_2", "lr_0.01/seed_1", "lr_0.1/seed_1", "other"])
        #expect(groups == [
            RunGroup(name: "lr_0.01", runs: ["lr_0.01/seed_1"]),
            RunGroup(name: "lr_0.1", runs: ["lr_0.1/seed_2", "lr_0.1/seed_1"]),
            RunGroup(name: "other", runs: ["other"]),
        ])
    }

    @Test func badPatternsAreRefused() {
        #expect(throws: RunGroupingError.self) { try RunGrouping(removing: "seed(") }
        #expect(throws: RunGroupingError.self) { try RunGrouping(removing: #"\d*"#) }
    }

    @Test func groupingByHyperparameters() {
        let grouping = RunGrouping(equalHyperparametersIgnoring: ["seed"])
        let hparams: [String: [String: HParamValue]] = [
            "a": ["lr": 0.1, "seed": 1, "optimizer": "adam"], "b": ["lr": 0.1, "seed": 2, "optimizer": "adam"],
            "c": ["lr": 0.01, "seed": 1, "optimizer": "adam"], "d": [:],
        ]
        let groups = grouping.groups(of: ["a", "b", "c", "d"], hyperparameters: hparams)
        #expect(groups == [
            RunGroup(name: "d", runs: ["d"]),
            RunGroup(name: "lr=0.01, optimizer=adam", runs: ["c"]),
            RunGroup(name: "lr=0.1, optimizer=adam", runs: ["a", "b"]),
        ])
    }

    @Test func foldingKeepsSharedStepsAndTheLastPointOfAStep() {
        let a: [(step: Int64, wallTime: Double, value: Double)] = [(0, 10, 1), (1, 11, 2), (1, 11.5, 4), (2, 12, 3)]
        let b: [(step: Int64, wallTime: Double, value: Double)] = [(1, 20, 6), (2, 22, 5), (3, 23, 9)]
        let folded = GroupedScalars([a, b])
        #expect(folded.steps == [1, 2])
        #expect(folded.runValues == [[4, 3], [6, 5]])
        #expect(folded.wallTimes == [15.75, 17])
        #expect(folded.values(.mean) == [5, 4])
        #expect(folded.values(.std) == [1, 1])
        #expect(folded.values(.variance) == [1, 1])
        #expect(folded.values(.min) == [4, 3])
        #expect(folded.values(.max) == [6, 5])
        #expect(folded.values(.median) == [5, 4])
        #expect(GroupedScalars([]).steps.isEmpty)
    }

    @Test func aNaNMakesEveryStatisticNaN() {
        for statistic in GroupStatistic.allCases {
            #expect(statistic([1, .nan, 3]).isNaN, "\(statistic)")
        }
        #expect(GroupStatistic.median([4, 1, 3]) == 3)
        #expect(GroupStatistic.std([1, .infinity]).isNaN)
    }

    @Test func smallSeriesAreNotReduced() {
        let y = (0..<40).map { Double($0 % 7) }
        let reduction = PolylineReduction(x: y.indices.map(Double.init), y: y, columns: 10)
        #expect(reduction.keptIndices == Array(0..<40))
        #expect(reduction.buckets.allSatisfy { $0.range.count == 1 })
    }

    @Test func reductionKeepsEachColumnsExtremesAndNonFiniteValues() {
        var y = (0..<100_000).map { sin(Double($0) / 1000) }
        y[12_345] = 50
        y[54_321] = -50
        y[77_777] = .nan
        y[88_000] = .infinity
        let x = y.indices.map(Double.init)
        let reduction = PolylineReduction(x: x, y: y, columns: 500)
        let kept = reduction.keptIndices
        #expect(kept.count <= 500 * 6)
        #expect(kept.count >= 500 * 2)
        #expect(kept == kept.sorted())
        for index in [0, 12_345, 54_321, 77_777, 88_000, 99_999] { #expect(kept.contains(index), "\(index)") }
        #expect(reduction.buckets.count == 500)
        #expect(reduction.buckets.map(\.range.count).reduce(0, +) == 100_000)
        #expect(reduction.buckets.map(\.finiteCount).reduce(0, +) == 99_998)
        // Every column's lowest and highest finite values are among the kept points.
        for bucket in reduction.buckets {
            let finite = bucket.range.filter { y[$0].isFinite }
            let low = finite.map { y[$0] }.min()!
            let high = finite.map { y[$0] }.max()!
            #expect(bucket.kept.contains { y[$0] == low } && bucket.kept.contains { y[$0] == high })
        }
    }
}
