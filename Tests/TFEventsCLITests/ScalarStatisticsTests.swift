import Testing
import TestSupport
@testable import TFEvents
@testable import TFEventsCLI

@Suite struct ScalarStatisticsTests {
    @Test func emptyStatisticsHaveNoValues() {
        let statistics = ScalarStatistics()
        #expect(statistics.count == 0)
        for statistic in Statistic.allCases where statistic != .count {
            #expect(statistics.value(of: statistic, minimizing: true) == nil, "\(statistic)")
        }
        #expect(statistics.value(of: .count, minimizing: true) == 0)
    }

    @Test func firstAndLastFollowTheOrderOfPointsNotTheirSteps() {
        var statistics = ScalarStatistics()
        statistics.add(5, step: 10)
        statistics.add(1, step: 3)
        statistics.add(7, step: 4)
        #expect(statistics.firstStep == 10 && statistics.first == 5)
        #expect(statistics.lastStep == 4 && statistics.last == 7)
        #expect(statistics.min == 1 && statistics.max == 7)
        #expect(statistics.mean == 13.0 / 3)
        #expect(statistics.count == 3)
    }

    @Test func nonFiniteValuesAreCountedAndLeftOutOfMinMaxAndMean() {
        let statistics = ScalarStatistics([.nan, 2, .infinity, 4, -.infinity, .nan])
        #expect(statistics.count == 6)
        #expect(statistics.nanCount == 2 && statistics.infinityCount == 2 && statistics.finiteCount == 2)
        #expect(statistics.min == 2 && statistics.max == 4 && statistics.mean == 3)
        #expect(statistics.first.isNaN && statistics.last.isNaN)
        #expect(statistics.value(of: .last, minimizing: false)?.isNaN == true)

        let onlyNaN = ScalarStatistics([.nan, .infinity])
        #expect(onlyNaN.min == nil && onlyNaN.max == nil && onlyNaN.mean == nil)
        #expect(onlyNaN.value(of: .best, minimizing: true) == nil)
    }

    @Test func bestIsTheMinimumWhenMinimizingAndTheMaximumOtherwise() {
        let statistics = ScalarStatistics([3, 1, 2])
        #expect(statistics.value(of: .best, minimizing: true) == 1)
        #expect(statistics.value(of: .best, minimizing: false) == 3)
        #expect(statistics.value(of: .first, minimizing: true) == 3)
        #expect(statistics.value(of: .last, minimizing: true) == 2)
        #expect(statistics.value(of: .mean, minimizing: true) == 2)
        #expect(statistics.value(of: .count, minimizing: true) == 3)
    }

    @Test func theMeanIsCompensatedOverMillionsOfPoints() {
        // 0.1 a million times, plus one large value that naive summation would swamp.
        var statistics = ScalarStatistics()
        statistics.add(1e8, step: 0)
        for step in 1...1_000_000 { statistics.add(0.1, step: Int64(step)) }
        statistics.add(-1e8, step: 1_000_001)
        let exact = 1_000_000 * 0.1 / 1_000_002
        #expect(abs((statistics.mean ?? 0) - exact) <= 1e-15 * exact, "\(statistics.mean ?? 0) vs \(exact)")
    }

    @Test func negativeZeroIsAMinimum() {
        let statistics = ScalarStatistics([0.0, -0.0])
        #expect(statistics.min == 0 && statistics.max == 0)
        #expect(statistics.last.sign == .minus)
    }
}

@Suite struct ObjectiveRuleTests {
    @Test func lossesAndErrorsAreMinimizedAndEverythingElseMaximized() {
        let rule = ObjectiveRule()
        for tag in ["loss", "train/Loss", "val/top1_err", "ERROR_rate", "cross_entropy_loss"] {
            #expect(rule.minimizes(tag), "\(tag)")
        }
        for tag in ["accuracy", "reward", "learning_rate", "f1"] {
            #expect(!rule.minimizes(tag), "\(tag)")
        }
    }

    @Test func maximizeIsCheckedBeforeMinimizeAndBothBeforeTheDefault() throws {
        let rule = ObjectiveRule(maximize: try Regex("neg_loss"), minimize: try Regex("perplexity|loss"))
        #expect(!rule.minimizes("neg_loss"))
        #expect(rule.minimizes("perplexity"))
        #expect(rule.minimizes("loss"))
        #expect(!rule.minimizes("accuracy"))
    }
}

@Suite struct RunNamingTests {
    @Test func labelsAreLastComponentsLengthenedUntilTheyDiffer() {
        #expect(RunNaming.labels(for: ["/r/exp1", "/r/exp2/"]) == ["exp1", "exp2"])
        #expect(RunNaming.labels(for: ["/a/exp", "/b/exp", "/c/other"]) == ["a/exp", "b/exp", "other"])
        #expect(RunNaming.labels(for: ["/x/a/exp", "/y/a/exp"]) == ["x/a/exp", "y/a/exp"])
        #expect(RunNaming.labels(for: ["/"]) == ["/"])
    }

    @Test func runsKeepTheirNamesUnlessTheyClash() {
        let named = RunNaming.names(
            [["train", "val"], ["test"]], allRunNames: [["train", "val"], ["test"]], logdirs: ["/r/exp1", "/r/exp2"])
        #expect(Array(named.joined()) == ["train", "val", "test"])
    }

    @Test func aClashPrefixesEveryRunAndNamesTheRootRunByItsLogdir() {
        let named = RunNaming.names(
            [[".", "train"], ["train", "val"]], allRunNames: [[".", "train"], ["train", "val"]],
            logdirs: ["/r/exp1", "/r/exp2"])
        #expect(Array(named.joined()) == ["exp1", "exp1/train", "exp2/train", "exp2/val"])
    }

    @Test func clashesAreDecidedOnEveryRunSoFilteringDoesNotRename() {
        let named = RunNaming.names([[], ["val"]], allRunNames: [["train"], ["train", "val"]], logdirs: ["/r/a", "/r/b"])
        #expect(Array(named.joined()) == ["b/val"])
    }

    @Test func theRootRunIsNamedByItsLogdirEvenWithoutAClash() {
        let named = RunNaming.names([["."], ["x"]], allRunNames: [["."], ["x"]], logdirs: ["/r/a", "/r/b"])
        #expect(Array(named.joined()) == ["a", "x"])
    }
}

@Suite struct SortKeyTests {
    private func run(_ name: String, loss: [Double]? = nil, lr: HParamValue? = nil) -> ShownRun {
        var summary = RunSummary(listing: .init(name: name, path: name, files: []), run: Run(name: name, path: name))
        if let loss { summary.scalars["loss"] = ScalarStatistics(loss) }
        if let lr { summary.run.hparams["lr"] = lr }
        return ShownRun(summary)
    }

    private var runs: [ShownRun] {
        [
            run("a", loss: [3, 2]), run("b", loss: [1, 5], lr: 0.1), run("c"), run("d", loss: [.nan], lr: 0.01),
            run("e", loss: [4, 2], lr: "auto"),
        ]
    }

    private func order(_ text: String, descending: Bool = false, statistic: Statistic = .last) throws -> [String] {
        try SortKey(text: text, descending: descending).sorted(runs, statistic: statistic, objective: ObjectiveRule())
            .map(\.name)
    }

    @Test func ascendingWithMissingValuesLastAndNaNJustBefore() throws {
        #expect(try order("loss") == ["a", "e", "b", "d", "c"])  // ties keep the run order
    }

    @Test func aLeadingMinusOrDescendingReverseTheOrderButNotWhereMissingValuesGo() throws {
        #expect(try order("-loss") == ["b", "a", "e", "d", "c"])
        #expect(try order("loss", descending: true) == ["b", "a", "e", "d", "c"])
    }

    @Test func aStatisticAfterAColonOverridesStat() throws {
        // d has no finite value, so no minimum: it is missing like c, and ties keep the run order.
        #expect(try order("loss:min") == ["b", "a", "e", "c", "d"])
        #expect(try order("loss:first") == ["b", "a", "e", "d", "c"])
        #expect(try order("-loss:max") == ["b", "e", "a", "c", "d"])
        #expect(try order("loss", statistic: .count) == ["d", "a", "b", "e", "c"])
    }

    @Test func hyperparametersSortNumbersBeforeStrings() throws {
        #expect(try order("lr") == ["d", "b", "e", "a", "c"])
    }

    @Test func unknownNamesAndStatisticsOfNonScalarsAreUsageErrors() {
        #expect(throws: (any Error).self) { try order("nope") }
        #expect(throws: (any Error).self) { try order("lr:min") }
    }
}
