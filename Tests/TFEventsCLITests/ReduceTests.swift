import Foundation
import TFEvents
import Testing
import TestSupport

/// `tfevents reduce`: the groups it makes, the values it writes (read back with our reader and
/// compared with the library's folding of the same runs), and what it refuses. TensorBoard's view
/// of the reduced runs is checked by Tests/Interop/check_reduce.py.
@Suite struct ReduceTests {
    static let seeds = Fixtures.logdir("tbx_seeds")

    @Test func reducedRunsHoldEachGroupsStatisticsAtItsSharedSteps() throws {
        let output = try makeTemporaryDirectory("reduce")
        let result = try runTFEvents(["reduce", Self.seeds, "--group", #"seed_?\d+"#, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 8 runs (mean, std, min, max of 2 groups of 6 runs)"))
        let reduced = try SummaryReader(logdir: output).contents()
        #expect(reduced.runs.map(\.run.name) == [
            "lr_0.01/max", "lr_0.01/mean", "lr_0.01/min", "lr_0.01/std",
            "lr_0.1/max", "lr_0.1/mean", "lr_0.1/min", "lr_0.1/std",
        ])
        let source = try SummaryReader(logdir: Self.seeds).contents()
        for group in ["lr_0.01", "lr_0.1"] {
            let runs = source.runs.filter { $0.run.name.hasPrefix(group + "/") }
            #expect(runs.count == 3)
            for tag in ["train/loss", "train/accuracy", "val/loss"] {
                let folded = GroupedScalars(runs.map { $0.series(tag: tag)!.scalars })
                for statistic in [GroupStatistic.mean, .std, .min, .max] {
                    let run = try #require(reduced.run(named: "\(group)/\(statistic.rawValue)"))
                    let points = try #require(run.series(tag: tag)).scalars
                    #expect(points.map(\.step) == folded.steps)
                    #expect(points.map(\.wallTime) == folded.wallTimes)
                    let stored = folded.values(statistic).map { Double(Float($0)) }
                    #expect(zip(points.map(\.value), stored).allSatisfy { sameDouble($0, $1) }, "\(group) \(tag) \(statistic)")
                }
            }
            // The hyperparameters the seeds share, and which statistic the run holds.
            let mean = try #require(reduced.run(named: "\(group)/mean"))
            #expect(mean.run.hparams["statistic"] == "mean")
            #expect(mean.run.hparams["optimizer"] == "sgd")
            #expect(mean.run.hparams["seed"] == nil)
        }
        // lr_0.01/seed_3 stops at step 39: the group shares steps 0...39 only; a NaN at one step
        // of lr_0.1/seed_2 makes the group's mean NaN there and nowhere else.
        let short = try #require(reduced.run(named: "lr_0.01/mean")?.series(tag: "train/loss")).scalars
        #expect(short.map(\.step) == Array(0...39))
        let withNaN = try #require(reduced.run(named: "lr_0.1/mean")?.series(tag: "train/loss")).scalars
        #expect(withNaN.filter { $0.value.isNaN }.map(\.step) == [17])
    }

    @Test func anExistingReducedRunIsRefusedUnlessOverwritten() throws {
        let output = try makeTemporaryDirectory("reduce-again")
        let arguments = ["reduce", Self.seeds, "--group", #"seed_?\d+"#, "--stats", "mean", "--output", output]
        #expect(try runTFEvents(arguments).status == 0)
        let again = try runTFEvents(arguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("2 event file(s) already in the reduced runs"))
        #expect(again.stderr.contains("--overwrite"))
        #expect(try runTFEvents(arguments + ["--overwrite"]).status == 0)
        let reduced = try SummaryReader(logdir: output).contents()
        #expect(reduced.runs.map(\.run.name) == ["lr_0.01/mean", "lr_0.1/mean"])
        #expect(reduced.runs.map { $0.series(tag: "val/loss")?.points.count } == [4, 6])
    }

    @Test func csvRowsAndTheWholeLogdirAsOneGroup() throws {
        let result = try runTFEvents(["reduce", Self.seeds, "--format", "csv", "--stats", "median,var", "--tags", "val"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "group,tag,step,wall_time,runs,median,var")
        // Without a grouping, the six runs are one group '.', sharing val/loss at steps 0, 10, 20, 30.
        #expect(lines.count == 1 + 4)
        let source = try SummaryReader(logdir: Self.seeds).contents()
        let folded = GroupedScalars(source.runs.map { $0.series(tag: "val/loss")!.scalars })
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",").map(String.init)
            #expect(fields[0] == "." && fields[1] == "val/loss" && fields[2] == String(folded.steps[index]) && fields[4] == "6")
            #expect(Double(fields[5]) == folded.values(.median)[index])
            #expect(Double(fields[6]) == folded.values(.variance)[index])
        }
    }

    @Test func groupNamesFromHyperparametersStayInsideTheOutput() throws {
        let logdir = try makeTemporaryDirectory("reduce-hostile")
        for (run, value) in [("a", "../../escape"), ("b", "../../escape")] {
            let writer = try SummaryWriter(logdir: logdir + "/" + run)
            try writer.addHParams(["path": .string(value), "seed": .number(run == "a" ? 1 : 2)])
            try writer.addScalar("x", 1.0, step: 0)
            try writer.close()
        }
        let output = try makeTemporaryDirectory("reduce-hostile-out")
        let result = try runTFEvents([
            "reduce", logdir, "--group-by-hparams", "--ignore-hparam", "seed", "--stats", "mean", "-o", output,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let reduced = try SummaryReader(logdir: output).contents()
        #expect(reduced.runs.map(\.run.name) == ["path=._/__/escape/mean"])
        #expect(!FileManager.default.fileExists(atPath: output + "/../escape"))
    }

    @Test(arguments: [
        (["--stats", "mean,mode"], "unknown statistic 'mode'"),
        (["--format", "csv", "--double"], "--double and --overwrite apply to --format events"),
        ([], "--output DIR is needed"),
        (["--group", "(", "-o", "x"], "--group: invalid group pattern"),
        (["--ignore-hparam", "seed", "-o", "x"], "--ignore-hparam needs --group-by-hparams"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try runTFEvents(["reduce", Self.seeds] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
