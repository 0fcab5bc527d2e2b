import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// The reader gives the same results whatever the ``ByteSource``: every fixture read from memory
/// is read exactly as from disk.
@Suite struct ByteSourceTests {
    /// Every file below `logdir`, by its path, in memory.
    static func memory(_ logdir: String) throws -> MemorySource {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: logdir)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = logdir + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = readFile(path)
        }
        return MemorySource(files: files)
    }

    @Test(arguments: Fixtures.logdirNames)
    func memoryGivesWhatTheFileSystemGives(_ name: String) throws {
        let logdir = Fixtures.logdir(name)
        let disk = try SummaryReader(logdir: logdir)
        let memory = try SummaryReader(logdir: logdir, options: .init(source: try Self.memory(logdir)))
        #expect(memory.listing == disk.listing)

        let diskContents = disk.contents()
        let memoryContents = memory.contents()
        #expect(memoryContents.runs.map(\.run) == diskContents.runs.map(\.run))
        #expect(memoryContents.runs.map(\.problems) == diskContents.runs.map(\.problems))
        #expect(memoryContents.runs.map { $0.series.map(\.series) } == diskContents.runs.map { $0.series.map(\.series) })
        #expect(fullText(memoryContents.allPoints.sorted { $0.key < $1.key }) == fullText(diskContents.allPoints.sorted { $0.key < $1.key }))
        #expect(memoryContents.problems == diskContents.problems)
        #expect(fullText(memoryContents.scalars) == fullText(diskContents.scalars))

        let diskSummary = disk.summarize()
        let memorySummary = memory.summarize()
        #expect(memorySummary.pointCount == diskSummary.pointCount)
        for (a, b) in zip(memorySummary.runs, diskSummary.runs) {
            #expect(a.listing == b.listing)
            #expect(a.run == b.run)
            #expect(a.scalars == b.scalars)
            #expect(a.images == b.images)
            #expect(a.histograms == b.histograms)
            #expect(a.text == b.text)
            #expect(a.problems == b.problems)
        }
        for run in disk.runs {
            #expect(fullText(streamedItems(memory.read(run))) == fullText(streamedItems(disk.read(run))), "\(run.name)")
        }
    }

    @Test func aMemorySourceListsReadsAndSizesItsFiles() throws {
        let source = MemorySource(files: ["logs/a/x": [1, 2, 3], "logs/b": [4], "other": []])
        let listing = try source.listFiles(under: "logs")
        #expect(Set(listing.files) == [.init(path: "logs/a/x", size: 3), .init(path: "logs/b", size: 1)])
        #expect(try source.listFiles(under: "logs/").files.count == 2)
        #expect(try source.size(of: "logs/a/x") == 3)
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(try source.read("logs/a/x", at: 1, into: &buffer, from: 1) == 2)
        #expect(buffer == [0, 2, 3, 0])
        #expect(try source.read("logs/a/x", at: 3, into: &buffer, from: 0) == 0)
        #expect(throws: ByteSourceError(.notFound, path: "missing", message: "no such directory")) {
            try source.listFiles(under: "missing")
        }
        #expect(throws: ByteSourceError(.notADirectory, path: "logs/b", message: "not a directory")) {
            try source.listFiles(under: "logs/b")
        }
        #expect(throws: ByteSourceError.self) { try source.size(of: "logs/a") }
        // What the reader makes of them.
        #expect(throws: SummaryReaderError(.notFound, path: "missing")) {
            try SummaryReader(logdir: "missing", options: .init(source: source))
        }
    }

    @Test func theFileSystemSourceReadsWhatIsThere() throws {
        let directory = TemporaryDirectory()
        writeFile(directory.path + "/f", Array(0..<100))
        let source = FileSystemSource()
        #expect(try source.size(of: directory.path + "/f") == 100)
        var buffer = [UInt8](repeating: 0, count: 10)
        #expect(try source.read(directory.path + "/f", at: 95, into: &buffer, from: 2) == 5)
        #expect(buffer == [0, 0, 95, 96, 97, 98, 99, 0, 0, 0])
        let missing = #expect(throws: ByteSourceError.self) { try source.size(of: directory.path + "/none") }
        #expect(missing?.kind == .notFound)
        #expect(missing?.description == directory.path + "/none: No such file or directory (errno 2)")
        let notADirectory = #expect(throws: ByteSourceError.self) { try source.listFiles(under: directory.path + "/f") }
        #expect(notADirectory?.kind == .notADirectory)
    }
}

/// ``EventFileReader`` reports, file by file, exactly the problems a log directory's reader reports,
/// and says when a complete file is empty.
@Suite struct EventFileReaderTests {
    static func entries(_ reader: EventFileReader) -> [EventFileReader.Entry] {
        var entries: [EventFileReader.Entry] = []
        while let entry = reader.next() { entries.append(entry) }
        return entries
    }

    @Test(arguments: Fixtures.damagedNames)
    func theSameProblemsAsTheLogdirReader(_ name: String) throws {
        let read = try LogdirRead(Fixtures.logdir(name))
        for run in try LogdirListing(logdir: Fixtures.logdir(name)).runs {
            for file in run.readFiles {
                let problems = Self.entries(EventFileReader(path: file.path)).compactMap { entry -> ReadProblem? in
                    if case .problem(let problem) = entry { problem } else { nil }
                }
                let expected = read.problems.filter { $0.path == file.path }
                // A log directory's empty file is a run that has not started writing, not damage.
                let ours = file.size == 0 ? problems.filter { $0.kind != .empty } : problems
                #expect(ours.map(\.kind) == expected.map(\.kind), "\(file.path)")
                #expect(ours.map(\.offset) == expected.map(\.offset), "\(file.path)")
                #expect(ours.map(\.resumedAt) == expected.map(\.resumedAt), "\(file.path)")
                #expect(ours.map(\.message) == expected.map(\.message), "\(file.path)")
                #expect(expected.allSatisfy { $0.run == run.name } && ours.allSatisfy { $0.run == nil })
                if file.size == 0 { #expect(problems.map(\.kind) == [.empty], "\(file.path)") }
            }
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func theSameEventsAsTheRecordsHold(_ name: String) throws {
        for run in try LogdirListing(logdir: Fixtures.logdir(name)).runs {
            for file in run.readFiles where file.size > 0 {
                let reader = EventFileReader(path: file.path)
                #expect(reader.name == file.name)
                var offsets: [Int64] = []
                for case .event(let event, let offset) in Self.entries(reader) {
                    offsets.append(offset)
                    // The record at the offset, decoded by protobuf-c alone, is the event.
                    let record = RecordReader(path: file.path, source: FileSystemSource(), offset: offset)
                    let payload = try #require(try record.next()?.payload)
                    let decoded = try #require(payload.withUnsafeBytes { ProtobufDecoder.decodeEvent($0) })
                    #expect(fullText(decoded) == fullText(event))
                }
                #expect(reader.recordCount >= offsets.count)
                #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count)
                #expect(reader.knownSize == file.size)
            }
        }
    }

    @Test func aZeroByteFileIsEmpty() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/events.out.tfevents.1.host"
        writeFile(path, [])
        let entries = Self.entries(EventFileReader(path: path))
        #expect(entries.count == 1)
        guard case .problem(let problem)? = entries.first else { return }
        #expect(problem.kind == .empty && problem.path == path && problem.offset == nil)
        #expect(problem.description.hasPrefix(path + ": the file is empty"))
        // Not while it may still be written, and not in a log directory.
        #expect(Self.entries(EventFileReader(path: path, isComplete: false)).isEmpty)
        #expect(try LogdirRead(directory.path).problems.isEmpty)
    }

    @Test func aFileFollowedAsItIsWrittenGivesEachEventOnce() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/events.out.tfevents.1.host"
        let reader = EventFileReader(path: path, isComplete: false)
        writeFile(path, [])
        var steps: [Int64] = []
        for step in Int64(0)..<20 {
            let record = EventFileBuilder.record(EventFileBuilder.scalar("x", 1, step: step))
            appendFile(path, Array(record.prefix(7)))
            for case .event(let event, _) in Self.entries(reader) { steps.append(event.step) }
            appendFile(path, Array(record.dropFirst(7)))
            if step % 3 == 0 {
                for case .event(let event, _) in Self.entries(reader) { steps.append(event.step) }
            }
        }
        for case .event(let event, _) in Self.entries(reader) { steps.append(event.step) }
        #expect(steps == Array(0..<20))
        #expect(reader.offset == reader.knownSize)
    }
}

/// ``NameFilter``: regular expressions that match anywhere, names, any predicate; and how the
/// reader applies the run and tag filters.
@Suite struct NameFilterTests {
    @Test func patternsMatchAnywhereInTheName() throws {
        let filter = try NameFilter(pattern: "lo+s")
        #expect(filter.includes("loss") && filter.includes("train/loss_avg") && filter.includes("los"))
        #expect(!filter.includes("accuracy") && !filter.includes("LOSS"))
        let anchored: NameFilter = "^train$"
        #expect(anchored.includes("train") && !anchored.includes("train/eval") && !anchored.includes("pretrain"))
        #expect(throws: (any Error).self) { try NameFilter(pattern: "(unclosed") }
    }

    @Test func allNamedAndPredicates() {
        #expect(NameFilter.all.includes("") && NameFilter.all.includes("anything"))
        let named = NameFilter.named(["a", "b/c"])
        #expect(named.includes("a") && named.includes("b/c") && !named.includes("b") && !named.includes("a/"))
        let short = NameFilter { $0.count < 3 }
        #expect(short.includes("ab") && !short.includes("abc"))
    }

    @Test func theRunFilterChoosesRunsAndTheListingKeepsThemAll() throws {
        let logdir = Fixtures.logdir("tf2_plugins")
        let reader = try SummaryReader(logdir: logdir, options: .init(runs: "^trial-"))
        #expect(reader.runs.map(\.name) == ["trial-1", "trial-1/validation", "trial-2", "trial-2/validation"])
        #expect(reader.listing.runs.count > reader.runs.count)
        #expect(reader.contents().runs.map(\.run.name) == reader.runs.map(\.name))
        #expect(reader.summarize().runs.map(\.name) == reader.runs.map(\.name))
        let followed = FollowedLogdir(logdir, options: .init(runs: "^trial-", filesAreComplete: false))
        followed.catchUp()
        #expect(followed.view.runNames == reader.runs.map(\.name))
    }

    @Test func theTagFilterKeepsTheTagsItNames() throws {
        let logdir = Fixtures.logdir("purge_step_restart")
        let all = try LogdirRead(logdir)
        let tags = Set(all.series.map(\.tag))
        #expect(tags.count > 1)
        let kept = try #require(tags.sorted().first)
        let filtered = try SummaryReader(logdir: logdir, options: .init(tags: .named([kept])))
        let contents = filtered.contents()
        #expect(contents.runs.allSatisfy { $0.series.allSatisfy { $0.series.tag == kept } })
        for run in contents.runs {
            // Filtering changes nothing about the points kept.
            #expect(
                fullText(run.series(tag: kept)?.points ?? []) == fullText(all.points(run: run.run.name, tag: kept)))
        }
        let followed = FollowedLogdir(logdir, options: .init(tags: .named([kept]), filesAreComplete: false))
        followed.catchUp()
        #expect(followed.view.series.values.allSatisfy { $0.values.allSatisfy { $0.tag == kept } })
    }
}
