import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `tfevents inspect`, run as a user runs it: the built binary on the checked-in fixtures (whose
/// TensorBoard view and damage are recorded beside them) and on files made to order.
@Suite struct InspectTests {
    static let cleanFixtures = Fixtures.cleanNames
    static let damagedFixtures = Fixtures.damagedNames
    /// Fixtures where TensorBoard's purges make its point counts smaller than the values in the files.
    static let purgedFixtures: Set = ["no_file_version", "purge_step_restart"]

    // MARK: Fixtures

    @Test(arguments: cleanFixtures)
    func cleanFixturesExitZeroAndAgreeWithTensorBoard(_ name: String) throws {
        let result = try runTFEvents(["inspect", InspectFixtures.logdir(name), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let report = try InspectFixtures.json(result.stdout)
        let view = try InspectFixtures.tensorboardView(name)
        #expect(report["clean"] as? Bool == true)
        #expect(report["kind"] as? String == "logdir")

        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.compactMap { $0["name"] as? String } == view["runs"] as? [String])
        let runFiles = try #require(view["run_files"] as? [String: [String]])
        let runInfo = try #require(view["run_info"] as? [String: [String: Any]])
        let viewTags = try #require(view["tags"] as? [String: [String: [String: Any]]])
        var totalRecords = 0
        for run in runs {
            let runName = try #require(run["name"] as? String)
            let files = try #require(run["files"] as? [[String: Any]])
            #expect(files.compactMap { $0["name"] as? String } == runFiles[runName], "\(name)/\(runName)")
            for file in files {
                #expect((file["problems"] as? [Any])?.isEmpty == true)
                let path = try #require(file["path"] as? String)
                #expect(file["size"] as? Int == InspectFixtures.size(path))
                let expectedRecords = try InspectFixtures.recordCount(path)
                #expect(file["records"] as? Int == expectedRecords, "\(path)")
                totalRecords += file["records"] as? Int ?? 0
            }

            // file_version, writer and first wall time as TensorBoard's run info has them.
            let info = try #require(runInfo[runName])
            let first = try #require(files.first)
            let version = first["file_version"] as? String
            #expect((version == "brain.Event:2") == (info["file_version"] as? Double == 2.0), "\(name)/\(runName)")
            #expect(first["source_writer"] as? String == info["source_writer"] as? String)
            let wallTime = first["wall_time"] as? [String: Any]
            #expect(wallTime?["first"] as? Double == info["first_event_timestamp"] as? Double)

            // Tags per plugin: the same tags and plugins; the same counts where nothing was purged.
            var values: [String: (plugin: String, count: Int)] = [:]
            for file in files {
                for tag in file["tags"] as? [[String: Any]] ?? [] {
                    let key = try #require(tag["tag"] as? String)
                    let plugin = try #require(tag["plugin"] as? String)
                    if let known = values[key] { #expect(known.plugin == plugin) }
                    values[key] = (plugin, (values[key]?.count ?? 0) + (tag["values"] as? Int ?? 0))
                }
            }
            let expected = viewTags[runName] ?? [:]
            #expect(Set(values.keys) == Set(expected.keys), "\(name)/\(runName)")
            for (tag, entry) in expected {
                let points = entry["points"] as? Int ?? -1
                #expect(values[tag]?.plugin == entry["plugin_name"] as? String, "\(name)/\(runName)/\(tag)")
                if Self.purgedFixtures.contains(name) {
                    #expect((values[tag]?.count ?? 0) >= points, "\(name)/\(runName)/\(tag)")
                } else {
                    #expect(values[tag]?.count == points, "\(name)/\(runName)/\(tag)")
                }
            }
        }
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["runs"] as? Int == runs.count)
        #expect(totals["records"] as? Int == totalRecords)
        #expect(totals["problems"] as? Int == 0)

        // The text report says the same and ends with the all-clear.
        let text = try runTFEvents(["inspect", InspectFixtures.logdir(name)])
        #expect(text.status == 0)
        let fileCount = files(totals)
        #expect(
            text.stdout.hasSuffix(
                "No problems: \(fileCount) event file\(fileCount == 1 ? "" : "s"), \(totalRecords) records.\n"))
    }

    private func files(_ totals: [String: Any]) -> Int { totals["files"] as? Int ?? -1 }

    @Test(arguments: damagedFixtures)
    func damagedFixturesExitOneAndReportTheOffsetAndKind(_ name: String) throws {
        let damage = try InspectFixtures.damage(name)
        let damagedFiles = try #require(damage["damaged_files"] as? [String: [String: Any]])
        let result = try runTFEvents(["inspect", InspectFixtures.logdir(name), "--format", "json"])
        #expect(result.status == 1)
        let report = try InspectFixtures.json(result.stdout)
        #expect(report["clean"] as? Bool == false)
        var reported = 0
        for run in report["runs"] as? [[String: Any]] ?? [] {
            let runName = try #require(run["name"] as? String)
            for file in run["files"] as? [[String: Any]] ?? [] {
                let fileName = try #require(file["name"] as? String)
                let problems = try #require(file["problems"] as? [[String: Any]])
                guard let expected = damagedFiles[runName + "/" + fileName] else {
                    #expect(problems.isEmpty, "\(name)/\(runName)/\(fileName)")
                    continue
                }
                reported += 1
                #expect(problems.count == 1, "\(name)/\(runName)/\(fileName): \(problems)")
                let problem = try #require(problems.first)
                #expect(problem["kind"] as? String == expected["kind"] as? String)
                #expect(problem["offset"] as? Int == expected["offset"] as? Int)
                let after = expected["good_record_offsets_after"] as? [Int] ?? []
                #expect(problem["resumed_at"] as? Int == after.first)
                let before = expected["good_records_before"] as? Int ?? 0
                #expect(file["records"] as? Int == before + after.count)
                #expect(file["size"] as? Int == damage["damaged_file_size"] as? Int)
            }
        }
        #expect(reported == damagedFiles.count)

        // The text report names the offset and the kind, and says it is damaged.
        let text = try runTFEvents(["inspect", InspectFixtures.logdir(name)])
        #expect(text.status == 1)
        for expected in damagedFiles.values {
            let kind = try #require(expected["kind"] as? String)
            let offset = (expected["offset"] as? Int).map { "byte \($0): " } ?? ""
            #expect(text.stdout.contains(offset + kind + ": "), "\(name)")
        }
        #expect(text.stdout.contains("2 problems in 2 of 4 event files"))
    }

    @Test func theDataCRCFixtureCountsEveryGoodRecordAroundTheDamage() throws {
        let path = InspectFixtures.logdir("damaged_data_crc") + "/damaged/events.out.tfevents.1700000000.fixturehost"
        let result = try runTFEvents(["inspect", path, "--format", "json"])
        #expect(result.status == 1)
        let report = try InspectFixtures.json(result.stdout)
        #expect(report["kind"] as? String == "file")
        let run = try #require((report["runs"] as? [[String: Any]])?.first)
        #expect(run["name"] is NSNull)
        let file = try #require((run["files"] as? [[String: Any]])?.first)
        let tag = try #require((file["tags"] as? [[String: Any]])?.first)
        #expect(tag["tag"] as? String == "x")
        #expect(tag["values"] as? Int == 9)  // steps 0-3 and 5-9: step 4's record is the damaged one
        let steps = try #require(tag["steps"] as? [String: Any])
        #expect(steps["first"] as? Int == 0 && steps["last"] as? Int == 9 && steps["out_of_order"] as? Int == 0)
        let events = try #require(file["events"] as? [String: Any])
        #expect(events["file_version"] as? Int == 1 && events["summary"] as? Int == 9)
    }

    @Test func restartsAndMissingFileVersionsAreNotedButAreNotDamage() throws {
        let restart = try runTFEvents(["inspect", InspectFixtures.logdir("purge_step_restart")])
        #expect(restart.status == 0)
        #expect(restart.stdout.contains("SessionLog START at step 5"))
        #expect(restart.stdout.components(separatedBy: "SessionLog START").count == 2)  // only the restart

        let backwards = try runTFEvents(["inspect", InspectFixtures.logdir("no_file_version") + "/backwards"])
        #expect(backwards.status == 0)
        #expect(backwards.stdout.contains("no file_version record"))
        #expect(backwards.stdout.contains("out of order (first: 3 after 5)"))
        // The purge TensorBoard applies, from the library's reading of the run: only the tag that
        // already had points (z is new at step 2, so nothing of it is dropped).
        #expect(backwards.stdout.contains("step went back to 3 for x (events.out.tfevents.1700000000.fixturehost, byte 464)"))
        #expect(backwards.stdout.components(separatedBy: "step went back").count == 2)
    }

    @Test func nonFiniteScalarsAreCountedPerTag() throws {
        let result = try runTFEvents([
            "inspect", InspectFixtures.logdir("tbx_plugins"), "--format", "json", "--runs", "^tbx$", "--tags", "special",
        ])
        #expect(result.status == 0)
        let report = try InspectFixtures.json(result.stdout)
        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let file = try #require((runs.first?["files"] as? [[String: Any]])?.first)
        var nonFinite: [String: Int] = [:]
        for tag in file["tags"] as? [[String: Any]] ?? [] {
            nonFinite[tag["tag"] as? String ?? ""] = tag["non_finite"] as? Int
        }
        #expect(nonFinite.keys.allSatisfy { $0.hasPrefix("special/") })
        #expect(nonFinite.count == 9)
        #expect(nonFinite.filter { $0.value > 0 }.keys.sorted() == [
            "special/big_1e300", "special/nan", "special/neg_inf", "special/pos_inf",
        ])
    }

    // MARK: Hostile and unusual files

    @Test func randomBytesAndEmptyFilesAreReportedNotFatal() throws {
        let directory = temporaryPath("inspect-random")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var generator = SplitMix(seed: 20_231_114)
        for size in [0, 1, 11, 12, 13, 100, 4096, 70_000] {
            let path = directory + "/events.out.tfevents.random-\(size)"
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try runTFEvents(["inspect", path, "--format", "json"])
            #expect(result.status == 1, "\(size) bytes: \(result.stderr)")
            let report = try InspectFixtures.json(result.stdout)
            let file = try #require(((report["runs"] as? [[String: Any]])?.first?["files"] as? [[String: Any]])?.first)
            let problems = try #require(file["problems"] as? [[String: Any]])
            #expect(!problems.isEmpty)
            #expect(file["size"] as? Int == size)
            if size == 0 {
                #expect(problems.first?["kind"] as? String == "empty")
            } else if size < 12 {
                #expect(problems.first?["kind"] as? String == "truncated")
                #expect(problems.first?["offset"] as? Int == 0)
            }
        }
        // The directory as a whole: every file reported, status 1.
        let all = try runTFEvents(["inspect", directory])
        #expect(all.status == 1)
        #expect(all.stdout.contains("8 problems in 8 of 8 event files"))
    }

    @Test func aRecordThatIsNotAnEventIsADecodeProblemAndReadingGoesOn() throws {
        let directory = temporaryPath("inspect-decode")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try SummaryWriter(logdir: directory)
        try writer.addScalar("a", 1, step: 0, wallTime: 1_700_000_000)
        try writer.close()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: writer.path)))
        let badOffset = bytes.count
        TFRecordFraming.append([0xFF, 0xFF, 0xFF], to: &bytes)  // valid CRCs, not a protobuf message
        let good = Event(
            wallTime: 1_700_000_001, step: 1,
            what: .summary(Summary(values: [.init(tag: "a", content: .simpleValue(2))])))
        TFRecordFraming.append(good.serializedBytes(), to: &bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: writer.path))

        let result = try runTFEvents(["inspect", writer.path, "--format", "json"])
        #expect(result.status == 1)
        let report = try InspectFixtures.json(result.stdout)
        let file = try #require(((report["runs"] as? [[String: Any]])?.first?["files"] as? [[String: Any]])?.first)
        let problem = try #require((file["problems"] as? [[String: Any]])?.first)
        #expect(problem["kind"] as? String == "decode")
        #expect(problem["offset"] as? Int == badOffset)
        #expect(file["records"] as? Int == 4)
        #expect(((file["tags"] as? [[String: Any]])?.first?["values"]) as? Int == 2)
        #expect(file["source_writer"] as? String == "swift-tfevents")
    }

    @Test func aFileBeingWrittenShowsATruncatedTailAndSaysWhy() throws {
        let directory = temporaryPath("inspect-live")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try SummaryWriter(logdir: directory)
        for step in 0..<5 { try writer.addScalar("loss", Double(step), step: step) }
        try writer.close()
        let complete = Int(try FileManager.default.attributesOfItem(atPath: writer.path)[.size] as? Int ?? 0)
        let partial = Event(
            wallTime: 1_700_000_000, step: 5,
            what: .summary(Summary(values: [.init(tag: "loss", content: .simpleValue(5))])))
        var record: [UInt8] = []
        TFRecordFraming.append(partial.serializedBytes(), to: &record)
        let handle = try #require(FileHandle(forWritingAtPath: writer.path))
        handle.seekToEndOfFile()
        handle.write(Data(record.prefix(record.count - 5)))
        handle.closeFile()

        let result = try runTFEvents(["inspect", directory])
        #expect(result.status == 1)
        #expect(result.stdout.contains("byte \(complete): truncated: the file ends inside a record"))
        #expect(result.stdout.contains("still being written"))
        #expect(result.stdout.contains("loss       5  0..4"))
    }

    @Test func nonFiniteWallTimesAreNoted() throws {
        let directory = temporaryPath("inspect-nan-time")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try SummaryWriter(logdir: directory)
        try writer.addScalar("loss", 1, step: 0, wallTime: .nan)
        try writer.close()
        let result = try runTFEvents(["inspect", directory, "--format", "json"])
        #expect(result.status == 0)
        let report = try InspectFixtures.json(result.stdout)
        let file = try #require(((report["runs"] as? [[String: Any]])?.first?["files"] as? [[String: Any]])?.first)
        #expect((file["wall_time"] as? [String: Any])?["non_finite"] as? Int == 1)
        #expect((file["notes"] as? [String])?.first?.contains("not finite") == true)
    }

    // MARK: Errors and usage

    @Test func aMissingPathAnEmptyDirectoryAndABadRegexAreClearErrors() throws {
        let missing = try runTFEvents(["inspect", "/nonexistent/tfevents-logdir"])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "Error: /nonexistent/tfevents-logdir: no such file or directory\n")

        let directory = temporaryPath("inspect-empty")
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let empty = try runTFEvents(["inspect", directory])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("Error: \(directory): no event files"))
        #expect(empty.stderr.split(separator: "\n").count == 1)

        let regex = try runTFEvents(["inspect", InspectFixtures.logdir("nested_runs"), "--tags", "("])
        #expect(regex.status == 64)
        #expect(regex.stderr.contains("--tags: '(' is not a valid regular expression"))

        let format = try runTFEvents(["inspect", InspectFixtures.logdir("nested_runs"), "--format", "yaml"])
        #expect(format.status == 64)

        let noRuns = try runTFEvents(["inspect", InspectFixtures.logdir("nested_runs"), "--runs", "^zzz$"])
        #expect(noRuns.status == 1)
        #expect(noRuns.stderr.contains("none of its 4 runs matches --runs"))
    }

    @Test func helpHasAnExampleAndTheJSONShape() throws {
        let help = try runTFEvents(["inspect", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("tfevents inspect runs/"))
        #expect(help.stdout.contains("\"resumed_at\""))
        #expect(help.stdout.contains("Exit status: 0 when nothing is damaged"))
    }

    @Test func outputHasNoEscapeSequencesWhenNotOnATerminal() throws {
        let result = try runTFEvents(["inspect", InspectFixtures.logdir("damaged_truncated")])
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(!result.stdout.contains("\r") && !result.stderr.contains("\r"))
    }
}

/// The fixtures under `Fixtures/logdirs`, found from this file's path, and small readers for them.
private enum InspectFixtures {
    static func logdir(_ name: String) -> String { Fixtures.logdir(name) }

    static func tensorboardView(_ name: String) throws -> [String: Any] {
        try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: logdir(name) + ".tensorboard.json")), as: UTF8.self))
    }

    static func damage(_ name: String) throws -> [String: Any] {
        try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: logdir(name) + ".damage.json")), as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(object as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    }

    /// The records of an undamaged file, counted by the library's reader.
    static func recordCount(_ path: String) throws -> Int {
        let reader = EventFileReader(path: path)
        while let entry = reader.next() {
            if case .problem(let problem) = entry { Issue.record("\(problem)") }
        }
        return reader.recordCount
    }
}

/// A small seeded generator, so the random files are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
