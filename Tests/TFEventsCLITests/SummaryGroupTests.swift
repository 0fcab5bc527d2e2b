import Foundation
import TFEvents
import Testing
import TestSupport

@testable import TFEventsCLI

/// `tfevents summary --group`: a row per group, each tag's statistic as mean ± std over the
/// group's runs, checked against the runs' own statistics as the library summarizes them.
@Suite struct SummaryGroupTests {
    static let seeds = Fixtures.logdir("tbx_seeds")

    /// The last value of `tag` in each run of `group`, from the library.
    static func lastValues(group: String, tag: String) throws -> [Double] {
        try SummaryReader(logdir: seeds).summarize().runs
            .filter { $0.name.hasPrefix(group + "/") }
            .map { try #require($0.scalars[tag]).last }
    }

    @Test func csvHoldsTheMeanAndStdOfEachRunsStatistic() throws {
        let result = try runTFEvents(["summary", Self.seeds, "--group", #"seed_?\d+"#, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == [
            "group", "runs", "train/accuracy", "train/accuracy std", "train/loss", "train/loss std", "val/loss",
            "val/loss std", "lr", "optimizer",
        ])
        #expect(lines.dropFirst().map { $0[0] } == ["lr_0.01", "lr_0.1"])
        for line in lines.dropFirst() {
            #expect(line[1] == "3")
            for (column, tag) in [(2, "train/accuracy"), (4, "train/loss"), (6, "val/loss")] {
                let values = try Self.lastValues(group: line[0], tag: tag)
                #expect(Double(line[column]) == GroupStatistic.mean(values), "\(line[0]) \(tag)")
                #expect(Double(line[column + 1]) == GroupStatistic.std(values), "\(line[0]) \(tag)")
            }
        }
        #expect(lines[1].suffix(2) == ["0.01", "sgd"])
    }

    @Test func tableShowsMeanPlusMinusStdAndSortsByAMean() throws {
        let result = try runTFEvents([
            "summary", Self.seeds, "--group-by-hparams", "--ignore-hparam", "seed", "--sort=-val/loss",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("group"))
        // Sorted by the mean of val/loss, descending: lr 0.01 (about 1.6) before lr 0.1 (about 0.18).
        #expect(lines[1].hasPrefix("lr=0.01, optimizer=sgd"))
        #expect(lines[2].hasPrefix("lr=0.1, optimizer=sgd"))
        let values = try Self.lastValues(group: "lr_0.1", tag: "val/loss")
        let cell = NumberFormatting.short(GroupStatistic.mean(values)) + " ± " + NumberFormatting.short(GroupStatistic.std(values))
        #expect(lines[2].contains(cell), "\(lines[2]) lacks \(cell)")
    }

    @Test func jsonAddsGroupsToTheUsualDocument() throws {
        let result = try runTFEvents(["summary", Self.seeds, "--group", #"seed_?\d+"#, "--stat", "max", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["runs"] as? [Any])?.count == 6)
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["lr_0.01", "lr_0.1"])
        #expect(groups[0]["runs"] as? [String] == ["lr_0.01/seed_1", "lr_0.01/seed_2", "lr_0.01/seed_3"])
        #expect(groups[0]["statistic"] as? String == "max")
        let loss = try #require((groups[1]["scalars"] as? [String: Any])?["train/loss"] as? [String: Any])
        let maxima = try SummaryReader(logdir: Self.seeds).summarize().runs
            .filter { $0.name.hasPrefix("lr_0.1/") }.map { $0.scalars["train/loss"]!.max! }
        #expect(loss["runs"] as? Int == 3)
        #expect(loss["mean"] as? Double == GroupStatistic.mean(maxima))
        #expect(loss["min"] as? Double == maxima.min())
        #expect((groups[1]["hparams"] as? [String: Any])?["optimizer"] as? String == "sgd")
    }

    @Test func aBadGroupPatternIsAUsageError() throws {
        let result = try runTFEvents(["summary", Self.seeds, "--group", "seed("])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--group: invalid group pattern 'seed('"))
    }
}
