import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Following live log directories (``LogdirFollower``'s engine, driven one pass at a time): growing
/// files, new files, new runs, and TensorBoard's rule that a run never goes back to an earlier file.
@Suite struct ReaderLiveTests {
    static let fileA = "events.out.tfevents.1700000000.host"
    static let fileB = "events.out.tfevents.1700000100.host"

    /// The updates other than the closing ``LogdirUpdate/caughtUp``.
    static func news(_ updates: [LogdirUpdate]) -> [LogdirUpdate] {
        updates.filter { $0 != .caughtUp }
    }

    @Test func aHalfWrittenRecordIsPickedUpOnceComplete() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        file.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try file.write(to: logdir + "/" + Self.fileA)

        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        #expect(followed.view.steps(run: ".", tag: "loss") == [0])

        let record = EventFileBuilder.record(EventFileBuilder.scalar("loss", 0.5, step: 1))
        try append(record.prefix(record.count / 2), to: logdir + "/" + Self.fileA)
        #expect(Self.news(followed.catchUp()).isEmpty)

        try append(record.dropFirst(record.count / 2), to: logdir + "/" + Self.fileA)
        followed.catchUp()
        #expect(followed.view.scalars(run: ".", tag: "loss").map(\.0) == [0, 1])
        #expect(followed.view.scalars(run: ".", tag: "loss").map(\.1) == [1, 0.5])
        #expect(followed.view.problems.isEmpty)
    }

    @Test func aHeaderWrittenInTwoPartsIsPickedUpToo() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let path = logdir + "/" + Self.fileA
        let record = EventFileBuilder.record(EventFileBuilder.scalar("loss", 2, step: 3))
        try append(record.prefix(5), to: path)
        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        #expect(followed.view.allPoints.isEmpty)
        try append(record.dropFirst(5).prefix(10), to: path)
        followed.catchUp()
        #expect(followed.view.allPoints.isEmpty && followed.view.problems.isEmpty)
        try append(record.dropFirst(15), to: path)
        followed.catchUp()
        #expect(followed.view.steps(run: ".", tag: "loss") == [3])
    }

    @Test func newFilesAndNewRunsAreFound() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        try FileManager.default.createDirectory(atPath: logdir + "/train", withIntermediateDirectories: true)
        var first = EventFileBuilder()
        first.append(EventFileBuilder.fileVersion())
        first.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try first.write(to: logdir + "/train/" + Self.fileA)

        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        #expect(followed.view.runNames == ["train"])

        // A later file in the run, and a new run.
        var second = EventFileBuilder()
        second.append(EventFileBuilder.fileVersion())
        second.append(EventFileBuilder.scalar("loss", 2, step: 1))
        try second.write(to: logdir + "/train/" + Self.fileB)
        try FileManager.default.createDirectory(atPath: logdir + "/eval", withIntermediateDirectories: true)
        var eval = EventFileBuilder()
        eval.append(EventFileBuilder.scalar("acc", 0.5, step: 7))
        try eval.write(to: logdir + "/eval/" + Self.fileA)

        followed.catchUp()
        #expect(followed.view.runNames == ["train", "eval"])
        #expect(followed.view.steps(run: "train", tag: "loss") == [0, 1])
        #expect(followed.view.steps(run: "eval", tag: "acc") == [7])
        #expect(followed.view.problems.isEmpty)
        // Nothing is read twice.
        #expect(Self.news(followed.catchUp()).isEmpty)
    }

    @Test func writesToFilesTheRunHasLeftAreReportedAndIgnored() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        for (name, step) in [(Self.fileA, Int64(0)), (Self.fileB, 1)] {
            var file = EventFileBuilder()
            file.append(EventFileBuilder.fileVersion())
            file.append(EventFileBuilder.scalar("loss", 1, step: step))
            try file.write(to: logdir + "/" + name)
        }
        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        #expect(followed.view.steps(run: ".", tag: "loss") == [0, 1])

        try append(EventFileBuilder.record(EventFileBuilder.scalar("loss", 9, step: 2)), to: logdir + "/" + Self.fileA)
        var early = EventFileBuilder()
        early.append(EventFileBuilder.scalar("loss", 9, step: 3))
        try early.write(to: logdir + "/events.out.tfevents.1600000000.host")
        followed.catchUp()
        #expect(followed.view.steps(run: ".", tag: "loss") == [0, 1])
        let late = followed.view.problems.filter { $0.kind == .lateWrite }.map {
            $0.path.split(separator: "/").last.map(String.init)
        }
        #expect(Set(late) == [Self.fileA, "events.out.tfevents.1600000000.host"])
        #expect(followed.view.problems.allSatisfy { $0.kind == .lateWrite && $0.run == "." })
        // Each is reported once.
        #expect(Self.news(followed.catchUp()).isEmpty)
    }

    @Test func anIncompleteTailIsReportedOnceTheFilesAreComplete() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let good = file.bytes.count
        file.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try Data(file.bytes.dropLast(3)).write(to: URL(fileURLWithPath: logdir + "/" + Self.fileA))

        // Followed, the tail is waited for, however often the directory is read.
        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        followed.catchUp()
        #expect(followed.view.problems.isEmpty)

        // One loader, reading live and then as complete: reported once, when complete.
        let run = try #require(try LogdirListing(logdir: logdir).runs.first)
        let loader = RunLoader(run: Run(name: run.name, path: run.path), source: FileSystemSource())
        loader.update(files: run.files)
        func problems(final: Bool) -> [ReadProblem] {
            var problems: [ReadProblem] = []
            var queue: [RawItem] = []
            var more = true
            while more {
                more = loader.advance(final: final, into: &queue)
                problems += queue.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
                queue.removeAll()
            }
            return problems
        }
        #expect(problems(final: false).isEmpty)
        let final = problems(final: true)
        #expect(final.count == 1)
        #expect(final.first?.kind == .truncated)
        #expect(final.first?.offset == Int64(good))
        #expect(problems(final: true).isEmpty)

        // Read as complete from the start, likewise.
        let read = try LogdirRead(logdir)
        #expect(read.problems.map(\.kind) == [.truncated])
        #expect(read.problems.first?.offset == Int64(good))
    }

    @Test func aReaderKeepsNoFileOpen() throws {
        // Files are opened for each read, so a log directory with more runs than the process may
        // open files can still be followed.
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        for index in 0..<40 {
            let run = logdir + "/run\(index)"
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            var file = EventFileBuilder()
            file.append(EventFileBuilder.scalar("x", Float(index), step: 0))
            try file.write(to: run + "/" + Self.fileA)
        }
        func openFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)
                return target?.hasPrefix(logdir) == true
            }
        }
        let followed = FollowedLogdir(logdir)
        followed.catchUp()
        #expect(followed.view.runNames.count == 40)
        #expect(try openFiles().isEmpty)
        let reader = try SummaryReader(logdir: logdir)
        #expect(reader.contents().runs.count == 40)
        #expect(try openFiles().isEmpty)
    }
}
