import Foundation
import Testing
import TestSupport

/// `tfevents summary --format json` against TensorBoard's own view of every fixture log directory
/// (`Fixtures/logdirs/<name>.tensorboard.json`), computing each statistic from the view's points.
@Suite struct SummaryFixtureTests {
    @Test(arguments: Fixtures.cleanNames)
    func jsonAgreesWithTensorBoardOnEveryRunAndTag(_ name: String) throws {
        let (summary, result) = try summaryJSON([Fixtures.logdir(name)])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let view = try Fixtures.tensorboardView(name)
        let runs = summary["runs"].array
        #expect(runs.map(\.["run"]) == view["runs"].array)
        for run in runs {
            expectRunMatchesView(run, view: view)
            #expect(run["problems"] == .array([]))
        }
        #expect(summary["problems"] == .array([]))
    }

    /// The reader recovers past damage where TensorBoard stops reading the file, so a damaged run
    /// holds TensorBoard's points and the good records after the damage; the damage is listed.
    @Test(arguments: Fixtures.damagedNames)
    func damagedRunsHoldASupersetOfTensorBoardsPointsAndListTheDamage(_ name: String) throws {
        let (summary, result) = try summaryJSON([Fixtures.logdir(name)])
        let view = try Fixtures.tensorboardView(name)
        let damage = try Fixtures.damage(name)
        #expect(summary["runs"].array.map(\.["run"]) == view["runs"].array)
        expectRunMatchesView(summary.run("original"), view: view)
        #expect(summary.run("original")["problems"] == .array([]))

        for runName in ["damaged", "damaged_then_good"] {
            let run = summary.run(runName)
            let file = "events.out.tfevents.1700000000.fixturehost"
            let info = damage["damaged_files"][runName + "/" + file]
            let damageOffset = info["offset"].int
            let after = Set(info["good_record_offsets_after"].array.compactMap(\.int))
            var records = damage["original_records"].array.filter { record in
                guard let offset = record["offset"].int else { return false }
                return damageOffset.map { offset < $0 } == true || after.contains(offset)
            }
            if runName == "damaged_then_good" { records += damage["next_good_file_records"].array }
            let points = records.filter { $0["simple_value"] != .null }.map {
                (step: Int64($0["step"].double ?? -1), value: $0["simple_value"].double ?? -1)
            }
            if points.isEmpty {
                #expect(run["scalars"] == .object([:]), "\(runName)")
            } else {
                expectScalarStatistics(run["scalars"]["x"], points: points, "\(name) \(runName)/x")
            }
            // A superset of what TensorBoard shows.
            let tensorboardCount = view["scalars"][runName]["x"].array.count
            #expect((run["scalars"]["x"]["count"].int ?? 0) >= tensorboardCount)

            if info["kind"].string == "empty" {
                #expect(run["problems"] == .array([]))
                continue
            }
            let problems = run["problems"].array
            #expect(problems.count == 1, "\(problems)")
            #expect(problems.first?["file"].string == file)
            #expect(problems.first?["offset"].int == damageOffset)
            #expect(problems.first?["kind"] == info["kind"])
            #expect(problems.first?["message"].string?.isEmpty == false)
            // Printed on standard error too, with the full path.
            #expect(
                result.stderr.contains(
                    "warning: \(Fixtures.logdir(name))/\(runName)/\(file): byte \(damageOffset ?? -1)"))
        }
        #expect(summary["problems"] == .array([]))
    }

    @Test func theJSONKeepsTheContractsKeysInOrder() throws {
        let result = try runTFEvents([
            "summary", Fixtures.logdir("tf2_plugins"), "--runs", "^summaries$", "--format", "json",
        ])
        #expect(result.status == 0)
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("      \"") }.map {
            $0.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
        }
        #expect(
            keys == [
                #""run""#, #""files""#, #""scalars""#, #""images""#, #""histograms""#, #""text""#, #""hparams""#,
                #""problems""#, #""audio""#, #""pr_curves""#, #""meshes""#,
            ])
        #expect(result.stdout.contains(#""loss": {"#))
        for key in ["count", "first_step", "last_step", "first", "last", "min", "max", "mean", "nan", "inf"] {
            #expect(result.stdout.contains("\"\(key)\": "), "\(key)")
        }
        #expect(result.stdout.contains(#""special/nan": {"#))
        #expect(result.stdout.contains(#""last": "NaN""#))
        #expect(result.stdout.contains(#""last": "-Infinity""#))
        #expect(result.stdout.hasPrefix("{\n  \"runs\": ["))
        #expect(result.stdout.hasSuffix("  \"problems\": []\n}\n"))
    }
}
