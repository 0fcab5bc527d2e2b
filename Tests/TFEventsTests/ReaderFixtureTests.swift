import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Every fixture log directory, read by ``SummaryReader``, against what TensorBoard's Python
/// loader made of it (`<name>.tensorboard.json`, see Fixtures/README.md).
@Suite struct ReaderFixtureTests {
    /// The runs where this reader recovers records past damage that TensorBoard stops at: there
    /// its scalars must be a superset of TensorBoard's (checked in ``ReaderDamageTests``).
    static let recoveredRuns: [String: Set<String>] = [
        "damaged_data_crc": ["damaged", "damaged_then_good"],
        "damaged_length_crc": ["damaged", "damaged_then_good"],
    ]

    static func read(_ name: String, filesAreComplete: Bool = true) throws -> LogdirRead {
        try LogdirRead(Fixtures.logdir(name), options: .init(filesAreComplete: filesAreComplete))
    }

    @Test(arguments: Fixtures.logdirNames)
    func runsAndRunInfoMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let ours = TensorBoardViewComparison(try Self.read(name).contents)
        #expect(ours.runs == view["runs"].array.compactMap(\.string))
        for run in ours.runs {
            #expect(ParsedJSON(ours.runInfo(run)) == view["run_info"][run], "run_info of \(run)")
        }
        // The files each run reads: every `tfevents` file, in name order.
        for directory in try LogdirListing(logdir: Fixtures.logdir(name)).runs {
            #expect(
                directory.files.map(\.name) == view["run_files"][directory.name].array.compactMap(\.string),
                "files of \(directory.name)")
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func tagsAndMetadataMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let ours = TensorBoardViewComparison(try Self.read(name).contents)
        let recovered = Self.recoveredRuns[name] ?? []
        for run in ours.runs {
            var expected = view["tags"][run]
            var actual = ParsedJSON(ours.tags(run))
            if recovered.contains(run) {
                // More points than TensorBoard; the point lists are compared in ReaderDamageTests.
                expected = Self.removingPointCounts(expected)
                actual = Self.removingPointCounts(actual)
            }
            #expect(actual == expected, "tags of \(run)")
        }
        #expect(ParsedJSON(ours.pluginTags) == view["plugin_tags"], "plugin_tags")
    }

    @Test(arguments: Fixtures.logdirNames)
    func scalarPointsMatchTensorBoardExactly(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let ours = TensorBoardViewComparison(try Self.read(name).contents).scalars
        let expected = TensorBoardViewComparison.scalars(fromView: view)
        let recovered = Self.recoveredRuns[name] ?? []
        #expect(Set(ours.keys) == Set(expected.keys))
        for (run, tags) in expected where !recovered.contains(run) {
            #expect(Set(ours[run]?.keys ?? [:].keys) == Set(tags.keys), "scalar tags of \(run)")
            for (tag, points) in tags {
                let actual = ours[run]?[tag] ?? []
                #expect(
                    TensorBoardViewComparison.sameScalars(actual, points),
                    "scalars of \(run)/\(tag): ours \(actual), TensorBoard \(points)")
            }
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func otherPluginsMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let ours = TensorBoardViewComparison(try Self.read(name).contents)
        #expect(ParsedJSON(ours.histograms) == view["histograms"].removing("dtype"), "histograms")
        #expect(ParsedJSON(ours.images) == view["images"].removing("mime_type"), "images")
        #expect(ParsedJSON(ours.text) == view["text"].removing("html"), "text")
        #expect(ParsedJSON(ours.audio) == view["audio"], "audio")
        #expect(ParsedJSON(ours.prCurves) == view["pr_curves"], "pr_curves")
        #expect(ParsedJSON(ours.hparams) == view["hparams"], "hparams")
        #expect(ParsedJSON(ours.customScalars) == view["custom_scalars"], "custom_scalars")
        // The stored type is not kept (tensorboardX stores faces and colors as float32); the
        // values are compared exactly.
        #expect(ParsedJSON(ours.meshes) == view["mesh"].removing("dtype"), "mesh")
        #expect(view["other_tensors"] == .object([:]))
    }

    @Test func everyFixtureHasTensorBoardsView() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.logdirs)
            .filter { $0.hasSuffix(".tensorboard.json") }
            .map { String($0.dropLast(".tensorboard.json".count)) }
        #expect(Set(names) == Set(Fixtures.logdirNames))
    }

    static func removingPointCounts(_ value: ParsedJSON) -> ParsedJSON { value.removing("points") }
}
