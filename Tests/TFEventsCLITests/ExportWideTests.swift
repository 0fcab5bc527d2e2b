import Foundation
import TestSupport
import Testing

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents export --wide`: one row per run and step and a column per scalar tag, the same
/// table as the library's `RunContents.scalarTable` (tbparse's `pivot=True`), in CSV and JSON Lines.
@Suite struct ExportWideTests {
    /// Every fixture's scalar tables, as the library makes them, as `run|step|v1|v2...` lines
    /// over the union of the tags (empty where a tag has no point).
    static func expectedLines(_ name: String) throws -> (tags: [String], lines: [String]) {
        let contents = try SummaryReader(logdir: Fixtures.logdir(name)).contents(kinds: [.scalars])
        let tags = Set(contents.runs.flatMap { $0.series.map(\.series.tag) }).sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        var lines: [String] = []
        for table in contents.scalarTables {
            for row in table.rows {
                let cells = tags.map { tag in
                    table.tags.firstIndex(of: tag).flatMap { row.values[$0] }.map(NumberFormatting.exact) ?? ""
                }
                lines.append(([table.run, String(row.step)] + cells).joined(separator: "|"))
            }
        }
        return (tags, lines)
    }

    @Test(arguments: Fixtures.cleanNames)
    func csvIsTheLibrarysScalarTable(_ name: String) throws {
        let result = try runTFEvents(["export", Fixtures.logdir(name), "--wide"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = FollowExportSupport.parseCSV(result.stdout)
        let expected = try Self.expectedLines(name)
        #expect(records.first == ["run", "step"] + expected.tags)
        #expect(records.dropFirst().map { $0.joined(separator: "|") } == expected.lines)
    }

    @Test(arguments: ["tbx_plugins", "tbx_seeds"])
    func jsonLinesHaveEveryTagWithNullWhereThereIsNoPoint(_ name: String) throws {
        let result = try runTFEvents(["export", Fixtures.logdir(name), "--wide", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Self.expectedLines(name)
        let objects = try ExportTests.jsonObjects(result.stdout)
        #expect(objects.count == expected.lines.count)
        for (object, line) in zip(objects, expected.lines) {
            #expect(Set(object.keys) == Set(["run", "step"] + expected.tags))
            let cells = try expected.tags.map { tag -> String in
                guard let value = object[tag], !(value is NSNull) else { return "" }
                return NumberFormatting.exact(try FollowExportSupport.number(value))
            }
            let step = try FollowExportSupport.integer(object["step"] as Any)
            #expect(([object["run"] as? String ?? "", String(step)] + cells).joined(separator: "|") == line)
        }
    }

    @Test func tagsFilterTheColumnsAndRunsTheRows() throws {
        let result = try runTFEvents([
            "export", Fixtures.logdir("tbx_seeds"), "--wide", "--runs", "lr_0.1/seed_1", "--tags", "val",
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "run,step,val/loss")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("lr_0.1/seed_1,") })
    }

    @Test func wideTakesNoOtherKinds() throws {
        let result = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "--wide", "--histograms"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--wide writes the scalars only"))
    }
}
