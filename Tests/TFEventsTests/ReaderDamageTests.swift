import Testing
import TestSupport

@testable import TFEvents

/// The damaged fixtures (Fixtures/README.md, `damaged_*`): problems are reported where
/// `<name>.damage.json` says the damage is, and the good records after it are kept.
@Suite struct ReaderDamageTests {
    static let damaged = [
        "damaged_data_crc", "damaged_empty_file", "damaged_length_crc", "damaged_random_bytes", "damaged_truncated",
    ]

    static func expectedKind(_ name: String) -> ReadProblem.Kind? {
        switch name {
        case "truncated": .truncated
        case "data_crc": .dataCRC
        case "length_crc": .lengthCRC
        default: nil
        }
    }

    /// Whether `sub` is `full` with some elements left out.
    static func isSubsequence(_ sub: [[Double]], of full: [[Double]]) -> Bool {
        var index = full.startIndex
        for element in sub {
            guard
                let found = full[index...].firstIndex(where: { TensorBoardViewComparison.sameScalars([$0], [element]) })
            else { return false }
            index = found + 1
        }
        return true
    }

    @Test(arguments: damaged)
    func problemsAreReportedWhereTheDamageIs(_ name: String) throws {
        let damage = try Fixtures.damage(name)
        let read = try ReaderFixtureTests.read(name)
        for run in ["damaged", "damaged_then_good"] {
            let file = damage["damaged_files"]["\(run)/events.out.tfevents.1700000000.fixturehost"]
            let problems = read.problems.filter {
                $0.path.hasSuffix("/\(run)/events.out.tfevents.1700000000.fixturehost")
            }
            guard let kind = Self.expectedKind(file["kind"].string ?? "") else {
                #expect(problems.isEmpty, "\(run): \(problems)")
                continue
            }
            #expect(problems.count == 1, "\(run): \(problems)")
            let problem = try #require(problems.first)
            #expect(problem.kind == kind)
            #expect(problem.offset == file["offset"].double.map { Int64($0) })
            #expect(problem.run == run)
            let nextGood = file["good_record_offsets_after"].array.first?.double.map { Int64($0) }
            #expect(problem.resumedAt == nextGood)
        }
        // The undamaged copy reads without problems.
        #expect(!read.problems.contains { $0.path.contains("/original/") })
    }

    @Test(arguments: damaged)
    func goodRecordsAfterTheDamageAreKept(_ name: String) throws {
        let damage = try Fixtures.damage(name)
        let view = try Fixtures.tensorboardView(name)
        let tensorBoard = TensorBoardViewComparison.scalars(fromView: view)
        let ours = TensorBoardViewComparison(try ReaderFixtureTests.read(name).contents).scalars
        let original = try #require(ours["original"]?["x"])
        #expect(TensorBoardViewComparison.sameScalars(original, tensorBoard["original"]?["x"] ?? []))
        for run in ["damaged", "damaged_then_good"] {
            let file = damage["damaged_files"]["\(run)/events.out.tfevents.1700000000.fixturehost"]
            let theirs = tensorBoard[run]?["x"] ?? []
            let mine = ours[run]?["x"] ?? []
            // A superset of what TensorBoard shows, in the same order ...
            #expect(Self.isSubsequence(theirs, of: mine), "\(run): ours \(mine), TensorBoard \(theirs)")
            // ... holding exactly the good records after the damage as well.
            let recovered = file["good_records_after"].int ?? 0
            #expect(mine.count == theirs.count + recovered, "\(run): ours \(mine), TensorBoard \(theirs)")
            // The points from the damaged file (the later good file starts at wall time 1700000100).
            let damagedFile = mine.filter { $0[0] < 1_700_000_100 }
            #expect(Self.isSubsequence(damagedFile, of: original), "\(run): ours \(mine), original \(original)")
        }
    }

    @Test func aTruncatedTailIsNotAProblemWhileTheFileMayStillGrow() throws {
        let read = try ReaderFixtureTests.read("damaged_truncated", filesAreComplete: false)
        let problems = read.problems
        // `damaged` may still be written to; in `damaged_then_good` a later file exists, so the run
        // has moved on and the incomplete record can never be read.
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.kind == .truncated)
        #expect(problems.first?.offset == 389)
        #expect(problems.first?.path.hasSuffix("/damaged_then_good/events.out.tfevents.1700000000.fixturehost") == true)
        #expect(read.steps(run: "damaged", tag: "x") == Array(0...8))
        #expect(read.steps(run: "damaged_then_good", tag: "x") == Array(0...8) + Array(10...14))
    }

    @Test func theRecoveredRunsHoldEverythingButTheDamagedRecord() throws {
        for name in ["damaged_data_crc", "damaged_length_crc"] {
            let read = try ReaderFixtureTests.read(name)
            #expect(read.steps(run: "damaged", tag: "x") == [0, 1, 2, 3, 5, 6, 7, 8, 9])
            #expect(
                read.steps(run: "damaged_then_good", tag: "x") == [0, 1, 2, 3, 5, 6, 7, 8, 9] + Array(10...14))
        }
    }
}
