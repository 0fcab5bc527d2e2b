import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `SummaryReader.summarize()` (statistics in one pass, rewinds settled by replaying survivors)
/// against the points `contents()` keeps, and against what TensorBoard's semantics say.
@Suite struct SummarizeTests {
    /// Every series of every run, summarized from the contents' points, equals the summary's.
    private func expectSameAsContents(_ logdir: String, tags: NameFilter = .all) throws {
        let reader = try SummaryReader(logdir: logdir, options: .init(tags: tags))
        let summary = reader.summarize()
        let contents = reader.contents()
        #expect(summary.runs.map(\.name) == contents.runs.map(\.run.name))
        for (run, kept) in zip(summary.runs, contents.runs) {
            var scalars: [String: ScalarStatistics] = [:]
            var counts: [String: String] = [:]
            for series in kept.series {
                switch series.series.kind {
                case .scalars:
                    scalars[series.series.tag] = ScalarStatistics(
                        steps: series.points.map(\.step), series.points.compactMap(\.value.scalar))
                case .images, .histograms, .text:
                    counts[series.series.kind.rawValue + "/" + series.series.tag] =
                        "\(series.points.count) \(series.points.last?.step ?? -1)"
                default:
                    break
                }
            }
            #expect(run.scalars == scalars, "\(run.name)")
            var mine: [String: String] = [:]
            for (tag, series) in run.images { mine["images/" + tag] = "\(series.count) \(series.lastStep ?? -1)" }
            for (tag, series) in run.histograms { mine["histograms/" + tag] = "\(series.count) \(series.lastStep ?? -1)" }
            for (tag, series) in run.text { mine["text/" + tag] = "\(series.count) \(series.lastStep ?? -1)" }
            #expect(mine == counts, "\(run.name)")
            #expect(run.problems == kept.problems)
        }
    }

    @Test(arguments: Fixtures.cleanNames + Fixtures.damagedNames)
    func statisticsEqualThoseOfTheContentsPoints(_ name: String) throws {
        try expectSameAsContents(Fixtures.logdir(name))
    }

    @Test func aSessionRestartResetsEverySeriesToItsSurvivingPoints() throws {
        let summary = try SummaryReader(logdir: Fixtures.logdir("purge_step_restart")).summarize()
        let both = try #require(summary.runs.first { $0.name == "both_purge_step" })
        // loss: 0-4 survive, then 105-107 from the restarted writer; other: 0-4.
        #expect(
            both.scalars["loss"] == ScalarStatistics(steps: [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 105, 106, 107]))
        #expect(both.scalars["other"] == ScalarStatistics(steps: [0, 1, 2, 3, 4], [0, -1, -2, -3, -4]))
    }

    @Test func aStepGoingBackPurgesOnlyItsOwnTagsWithoutAFileVersion() throws {
        let reader = try SummaryReader(logdir: Fixtures.logdir("no_file_version"))
        let summary = reader.summarize()
        let backwards = try #require(summary.runs.first { $0.name == "backwards" })
        let withVersion = try #require(summary.runs.first { $0.name == "with_file_version" })
        let kept = reader.contents().run(named: "backwards")?.series(tag: "x")?.points.count
        #expect(backwards.scalars["x"]?.count == kept)
        #expect((backwards.scalars["x"]?.count ?? 0) < (withVersion.scalars["x"]?.count ?? 0))
        #expect(backwards.scalars["y"]?.count == withVersion.scalars["y"]?.count)
    }

    @Test func filteredTagsAreNotSummarizedButHyperparametersAlwaysAre() throws {
        let summary = try SummaryReader(logdir: Fixtures.logdir("tbx_plugins"), options: .init(tags: "^hparam/"))
            .summarize()
        let session = try #require(summary.runs.first { $0.name == "tbx/hp_session" })
        #expect(Set(session.scalars.keys) == ["hparam/accuracy", "hparam/loss"])
        #expect(session.run.hparams == ["lr": 0.01, "optimizer": "adam", "use_bn": true, "layers": 3])
        let tbx = try #require(summary.runs.first { $0.name == "tbx" })
        #expect(tbx.scalars.isEmpty && tbx.images.isEmpty && tbx.histograms.isEmpty && tbx.text.isEmpty)
        try expectSameAsContents(Fixtures.logdir("tbx_plugins"), tags: "^hparam/")
    }

    @Test func filteredRunsAreNotReadSoTheirProblemsAreNotReported() throws {
        let reader = try SummaryReader(
            logdir: Fixtures.logdir("damaged_truncated"), options: .init(runs: NameFilter { $0 != "damaged" }))
        let summary = reader.summarize()
        #expect(summary.runs.map(\.name) == ["damaged_then_good", "original"])
        let problems = summary.runs.flatMap(\.problems)
        #expect(problems.count == 1 && problems.allSatisfy { $0.path.contains("/damaged_then_good/") })
        #expect(reader.listing.runs.count == 3)
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
    @Test(arguments: [3, 20_000])
    func pointsReadBeforeTheirMetadataAreDecodedOnceItArrives(_ count: Int) throws {
        let root = TemporaryDirectory("pending")
        let first = try SummaryWriter(logdir: root.path + "/run")
        for step in 0..<count { try first.add(scalarEvent(Float(step) + 0.5, step: Int64(step), metadata: false)) }
        try first.add(scalarEvent(1, step: 0, metadata: false, tag: "never_described"))
        try first.close()
        let second = try SummaryWriter(logdir: root.path + "/run")
        try second.add(scalarEvent(9, step: Int64(count), metadata: true))
        try second.add(scalarEvent(10, step: Int64(count + 1), metadata: false))
        try second.close()

        try expectSameAsContents(root.path)
        let summary = try SummaryReader(logdir: root.path).summarize()
        #expect(
            summary.runs.first?.scalars["late"]
                == ScalarStatistics(
                    steps: (0..<Int64(count + 2)).map { $0 }, (0..<count).map { Double($0) + 0.5 } + [9, 10]))
        #expect(summary.runs.first?.scalars["never_described"] == nil)
    }
}

extension ScalarStatistics {
    /// Statistics of `values` at `steps`.
    init(steps: [Int64], _ values: [Double]) {
        self.init()
        for (step, value) in zip(steps, values) { add(value, step: step) }
    }
}
