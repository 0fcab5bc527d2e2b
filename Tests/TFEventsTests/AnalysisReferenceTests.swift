import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Smoothing and group statistics against values computed independently of this code, on the
/// fixtures (`Fixtures/analysis/reference.json`, made by `Scripts/analysis_reference.py`: TensorBoard's
/// smoothing rule written in Python over TensorBoard's own view of every fixture, and numpy's
/// statistics over the seed groups of `tbx_seeds`). Every value must be bit for bit the same, and
/// the inputs must be what our reader reads.
@Suite struct AnalysisReferenceTests {
    struct Reference: Decodable {
        var weights: [Double]
        var smoothing: [SmoothedSeries]
        var groups: [Group]
    }

    struct SmoothedSeries: Decodable {
        var logdir: String
        var run: String
        var tag: String
        var values: String
        var smoothed: [String]
    }

    struct Group: Decodable {
        var logdir: String
        var pattern: String
        var group: String
        var runs: [String]
        var tag: String
        var steps: [Int64]
        var mean: String
        var std: String
        var `var`: String
        var median: String
        var min: String
        var max: String
    }

    static let reference: Reference = {
        let path = URL(fileURLWithPath: Fixtures.packageRoot + "/Fixtures/analysis/reference.json")
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: path))
        } catch {
            fatalError("cannot read \(path.path): \(error)")
        }
    }()

    static func doubles(_ base64: String) -> [Double] {
        guard let data = Data(base64Encoded: base64), data.count % 8 == 0 else { fatalError("not float64s") }
        return stride(from: 0, to: data.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for byte in (0..<8).reversed() { bits = bits << 8 | UInt64(data[data.startIndex + offset + byte]) }
            return Double(bitPattern: bits)
        }
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    static func contents(_ logdir: String) throws -> LogdirContents {
        try SummaryReader(logdir: Fixtures.logdir(logdir)).contents(kinds: [.scalars])
    }

    @Test func everyFixtureSeriesIsCovered() throws {
        let reference = Self.reference
        #expect(reference.smoothing.count > 40)
        #expect(reference.groups.count == 6)
        #expect(reference.smoothing.contains { Self.doubles($0.values).contains(where: \.isNaN) })
        #expect(reference.weights.contains(Smoothing.defaultWeight))
    }

    @Test func smoothingEqualsTensorBoardsRuleOnEveryFixture() throws {
        let reference = Self.reference
        var checked = 0
        for (logdir, series) in Dictionary(grouping: reference.smoothing, by: \.logdir) {
            // Damaged fixtures are left out of the input check: there our reader keeps more than
            // TensorBoard's (see ReaderDamageTests); the smoothing is checked on TensorBoard's values.
            let contents = Fixtures.damagedNames.contains(logdir) ? nil : try Self.contents(logdir)
            for expected in series {
                let values = Self.doubles(expected.values)
                if let contents {
                    let read = try #require(contents.run(named: expected.run)?.series(tag: expected.tag))
                    #expect(Self.sameBits(read.scalars.map(\.value), values), "\(logdir) \(expected.run) \(expected.tag)")
                }
                for (weight, smoothed) in zip(reference.weights, expected.smoothed) {
                    let ours = Smoothing.exponentialMovingAverage(values, weight: weight)
                    #expect(
                        Self.sameBits(ours, Self.doubles(smoothed)),
                        "\(logdir) \(expected.run) \(expected.tag) weight \(weight)")
                    checked += 1
                }
            }
        }
        #expect(checked == reference.smoothing.count * reference.weights.count)
    }

    @Test func groupStatisticsEqualNumpysOnTheSeedFixture() throws {
        let contents = try Self.contents("tbx_seeds")
        let expectedGroups = Self.reference.groups
        let grouping = try RunGrouping(removing: expectedGroups[0].pattern)
        let groups = grouping.groups(of: contents.runs.map(\.run))
        #expect(groups.map(\.name) == Array(Set(expectedGroups.map(\.group))).sorted())
        for expected in expectedGroups {
            let group = try #require(groups.first { $0.name == expected.group })
            #expect(group.runs == expected.runs)
            let series = group.runs.compactMap { contents.run(named: $0)?.series(tag: expected.tag)?.scalars }
            let folded = GroupedScalars(series)
            #expect(folded.runCount == expected.runs.count)
            #expect(folded.steps == expected.steps, "\(expected.group) \(expected.tag)")
            let statistics: [(GroupStatistic, String)] = [
                (.mean, expected.mean), (.std, expected.std), (.variance, expected.var),
                (.median, expected.median), (.min, expected.min), (.max, expected.max),
            ]
            for (statistic, values) in statistics {
                #expect(
                    Self.sameBits(folded.values(statistic), Self.doubles(values)),
                    "\(expected.group) \(expected.tag) \(statistic)")
            }
        }
    }
}
