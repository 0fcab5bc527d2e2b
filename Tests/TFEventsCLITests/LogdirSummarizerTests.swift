import Foundation
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// The summarizer's statistics against the points the library's ``LogdirAccumulator`` keeps (the
/// reader's reference for TensorBoard's semantics), fed the same way.
@Suite struct LogdirSummarizerTests {
    /// The summaries of `logdir`, and the accumulator's view of it.
    private func summarize(
        _ logdir: String, tags: ((String) -> Bool)? = nil
    ) throws -> (summaries: [RunSummary], accumulator: LogdirAccumulator, warnings: [String]) {
        let summarizer = LogdirSummarizer(includesTag: tags ?? { _ in true })
        var warnings: [String] = []
        summarizer.onWarning = { warnings.append($0) }
        summarizer.read(try LogdirReader(logdir: logdir, filesAreComplete: true))
        var accumulator = LogdirAccumulator()
        accumulator.read(try LogdirReader(logdir: logdir, filesAreComplete: true))
        return (summarizer.summaries(), accumulator, warnings)
    }

    /// Every series of every run, summarized from the accumulator's points, equals the summarizer's.
    private func expectSameAsAccumulator(_ summaries: [RunSummary], _ accumulator: LogdirAccumulator) {
        #expect(summaries.map(\.runName) == accumulator.runs.map(\.name))
        for summary in summaries {
            var scalars: [String: ScalarStatistics] = [:]
            var counts: [String: (Int, Int64?)] = [:]
            for series in accumulator.series(run: summary.runName) {
                let points = accumulator.points[series.id]
                switch series.kind {
                case .scalars:
                    var statistics = ScalarStatistics()
                    for point in points {
                        if let value = point.value.scalar { statistics.add(value, step: point.step) }
                    }
                    scalars[series.tag] = statistics
                case .images, .histograms, .text:
                    counts[series.kind.rawValue + "/" + series.tag] = (points.count, points.last?.step)
                default:
                    break
                }
            }
            #expect(summary.scalars == scalars, "\(summary.runName)")
            var mine: [String: (Int, Int64?)] = [:]
            for (tag, series) in summary.images { mine["images/" + tag] = (series.count, series.lastStep) }
            for (tag, series) in summary.histograms { mine["histograms/" + tag] = (series.count, series.lastStep) }
            for (tag, series) in summary.text { mine["text/" + tag] = (series.count, series.lastStep) }
            #expect(mine.mapValues { "\($0)" } == counts.mapValues { "\($0)" }, "\(summary.runName)")
        }
    }

    @Test(arguments: Fixtures.cleanNames + Fixtures.damagedNames)
    func statisticsEqualThoseOfTheAccumulatorsPoints(_ name: String) throws {
        let (summaries, accumulator, warnings) = try summarize(Fixtures.logdir(name))
        expectSameAsAccumulator(summaries, accumulator)
        #expect(warnings.isEmpty)
    }

    @Test func aSessionRestartResetsEverySeriesToItsSurvivingPoints() throws {
        let (summaries, _, _) = try summarize(Fixtures.logdir("purge_step_restart"))
        let both = try #require(summaries.first { $0.runName == "both_purge_step" })
        // loss: 0-4 survive, then 105-107 from the restarted writer; other: 0-4.
        #expect(
            both.scalars["loss"] == ScalarStatistics(steps: [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 105, 106, 107]))
        #expect(both.scalars["other"] == ScalarStatistics(steps: [0, 1, 2, 3, 4], [0, -1, -2, -3, -4]))
    }

    @Test func aStepGoingBackPurgesOnlyItsOwnTagsWithoutAFileVersion() throws {
        let (summaries, accumulator, _) = try summarize(Fixtures.logdir("no_file_version"))
        let backwards = try #require(summaries.first { $0.runName == "backwards" })
        let withVersion = try #require(summaries.first { $0.runName == "with_file_version" })
        #expect(backwards.scalars["x"]?.count == accumulator.points(run: "backwards", tag: "x").count)
        #expect((backwards.scalars["x"]?.count ?? 0) < (withVersion.scalars["x"]?.count ?? 0))
        #expect(backwards.scalars["y"]?.count == withVersion.scalars["y"]?.count)
    }

    @Test func filteredTagsAreNotSummarizedButHyperparametersAlwaysAre() throws {
        let (summaries, _, _) = try summarize(Fixtures.logdir("tbx_plugins")) { $0.hasPrefix("hparam/") }
        let session = try #require(summaries.first { $0.runName == "tbx/hp_session" })
        #expect(Set(session.scalars.keys) == ["hparam/accuracy", "hparam/loss"])
        #expect(session.hparams == ["lr": 0.01, "optimizer": "adam", "use_bn": true, "layers": 3])
        let tbx = try #require(summaries.first { $0.runName == "tbx" })
        #expect(tbx.scalars.isEmpty && tbx.images.isEmpty && tbx.histograms.isEmpty && tbx.text.isEmpty)
    }

    @Test func filteredRunsAreLeftOutWithTheirProblems() throws {
        let summarizer = LogdirSummarizer(includesRun: { $0 != "damaged" })
        var printed: [LogdirReader.Problem] = []
        summarizer.onProblem = { printed.append($0) }
        summarizer.read(try LogdirReader(logdir: Fixtures.logdir("damaged_truncated"), filesAreComplete: true))
        #expect(summarizer.summaries().map(\.runName) == ["damaged_then_good", "original"])
        #expect(printed.count == 1 && printed.allSatisfy { $0.path.contains("/damaged_then_good/") })
        #expect(summarizer.runCount == 3)
    }

    // MARK: Points before metadata

    /// A DT_FLOAT scalar tensor value, with or without the `scalars` metadata.
    private func scalarEvent(_ value: Float, step: Int64, metadata: Bool, tag: String = "late") -> Event {
        let bits = value.bitPattern
        let tensor = TensorProto(
            dtype: .float, tensorContent: (0..<4).map { UInt8(truncatingIfNeeded: bits >> ($0 * 8)) })
        let value = Summary.Value(
            tag: tag, metadata: metadata ? SummaryMetadata(pluginName: "scalars") : nil, content: .tensor(tensor))
        return Event(wallTime: 1_700_000_000 + Double(step), step: step, what: .summary(Summary(values: [value])))
    }

    /// TensorBoard takes a tag's data class from its first value *in each file*, so a tag first
    /// written without metadata stays undescribed in that file; metadata written in a later file
    /// describes the whole series, and the earlier points are read as its plugin reads them.
    @Test func pointsReadBeforeTheirMetadataAreDecodedOnceItArrives() throws {
        let root = try makeTemporaryDirectory("pending")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try SummaryWriter(logdir: root + "/run")
        for step in 0..<3 { try first.add(scalarEvent(Float(step) + 0.5, step: Int64(step), metadata: false)) }
        try first.add(scalarEvent(1, step: 0, metadata: false, tag: "never_described"))
        try first.close()
        let second = try SummaryWriter(logdir: root + "/run")
        try second.add(scalarEvent(9, step: 3, metadata: true))
        try second.add(scalarEvent(10, step: 4, metadata: false))
        try second.close()

        let (summaries, accumulator, warnings) = try summarize(root)
        expectSameAsAccumulator(summaries, accumulator)
        #expect(summaries.first?.scalars["late"] == ScalarStatistics(steps: [0, 1, 2, 3, 4], [0.5, 1.5, 2.5, 9, 10]))
        #expect(summaries.first?.scalars["never_described"] == nil)
        #expect(warnings.isEmpty)
    }

    @Test func pointsBeyondThePendingLimitAreReportedNotKept() throws {
        let root = try makeTemporaryDirectory("pending-limit")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try SummaryWriter(logdir: root + "/run")
        let extra = 5
        for step in 0..<(LogdirSummarizer.pendingLimit + extra) {
            try first.add(scalarEvent(1, step: Int64(step), metadata: false))
        }
        try first.close()
        let second = try SummaryWriter(logdir: root + "/run")
        try second.add(scalarEvent(2, step: 1_000_000, metadata: true))
        try second.close()

        let (summaries, _, warnings) = try summarize(root)
        #expect(summaries.first?.scalars["late"]?.count == LogdirSummarizer.pendingLimit + 1)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("\(extra) points written before the tag's metadata") == true)
    }
}

extension ScalarStatistics {
    /// Statistics of `values` at `steps`.
    init(steps: [Int64], _ values: [Double]) {
        self.init()
        for (step, value) in zip(steps, values) { add(value, step: step) }
    }
}
