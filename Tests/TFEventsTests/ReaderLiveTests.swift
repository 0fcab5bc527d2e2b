import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Following live log directories: growing files, new files, new runs, and TensorBoard's rule
/// that a run never goes back to an earlier file.
@Suite struct ReaderLiveTests {
    static let fileA = "events.out.tfevents.1700000000.host"
    static let fileB = "events.out.tfevents.1700000100.host"

    @Test func aHalfWrittenRecordIsPickedUpOnceComplete() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        file.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try file.write(to: logdir + "/" + Self.fileA)

        let reader = try LogdirReader(logdir: logdir)
        var accumulator = drain(reader)
        #expect(accumulator.steps(run: ".", tag: "loss") == [0])

        let record = EventFileBuilder.record(EventFileBuilder.scalar("loss", 0.5, step: 1))
        try append(record.prefix(record.count / 2), to: logdir + "/" + Self.fileA)
        let nothingYet = drain(reader)
        #expect(nothingYet.points.isEmpty && nothingYet.problems.isEmpty && nothingYet.runs.isEmpty)

        try append(record.dropFirst(record.count / 2), to: logdir + "/" + Self.fileA)
        accumulator.read(reader)
        #expect(accumulator.scalars(run: ".", tag: "loss").map(\.0) == [0, 1])
        #expect(accumulator.scalars(run: ".", tag: "loss").map(\.1) == [1, 0.5])
        #expect(accumulator.problems.isEmpty)
    }

    @Test func aHeaderWrittenInTwoPartsIsPickedUpToo() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let path = logdir + "/" + Self.fileA
        let record = EventFileBuilder.record(EventFileBuilder.scalar("loss", 2, step: 3))
        try append(record.prefix(5), to: path)
        let reader = try LogdirReader(logdir: logdir)
        var accumulator = drain(reader)
        #expect(accumulator.points.allSatisfy { $0.isEmpty })
        try append(record.dropFirst(5).prefix(10), to: path)
        accumulator.read(reader)
        #expect(accumulator.points.allSatisfy { $0.isEmpty } && accumulator.problems.isEmpty)
        try append(record.dropFirst(15), to: path)
        accumulator.read(reader)
        #expect(accumulator.steps(run: ".", tag: "loss") == [3])
    }

    @Test func newFilesAndNewRunsAreFound() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        try FileManager.default.createDirectory(atPath: logdir + "/train", withIntermediateDirectories: true)
        var first = EventFileBuilder()
        first.append(EventFileBuilder.fileVersion())
        first.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try first.write(to: logdir + "/train/" + Self.fileA)

        let reader = try LogdirReader(logdir: logdir)
        var accumulator = drain(reader)
        #expect(accumulator.runs.map(\.name) == ["train"])

        // A later file in the run, and a new run.
        var second = EventFileBuilder()
        second.append(EventFileBuilder.fileVersion())
        second.append(EventFileBuilder.scalar("loss", 2, step: 1))
        try second.write(to: logdir + "/train/" + Self.fileB)
        try FileManager.default.createDirectory(atPath: logdir + "/eval", withIntermediateDirectories: true)
        var eval = EventFileBuilder()
        eval.append(EventFileBuilder.scalar("acc", 0.5, step: 7))
        try eval.write(to: logdir + "/eval/" + Self.fileA)

        accumulator.read(reader)
        #expect(accumulator.runs.map(\.name) == ["train", "eval"])
        #expect(accumulator.steps(run: "train", tag: "loss") == [0, 1])
        #expect(accumulator.steps(run: "eval", tag: "acc") == [7])
        #expect(accumulator.problems.isEmpty)
        // Nothing is read twice.
        let again = drain(reader)
        #expect(again.points.isEmpty && again.runs.isEmpty)
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
        let reader = try LogdirReader(logdir: logdir)
        var accumulator = drain(reader)
        #expect(accumulator.steps(run: ".", tag: "loss") == [0, 1])

        try append(EventFileBuilder.record(EventFileBuilder.scalar("loss", 9, step: 2)), to: logdir + "/" + Self.fileA)
        var early = EventFileBuilder()
        early.append(EventFileBuilder.scalar("loss", 9, step: 3))
        try early.write(to: logdir + "/events.out.tfevents.1600000000.host")
        accumulator.read(reader)
        #expect(accumulator.steps(run: ".", tag: "loss") == [0, 1])
        let late = accumulator.problems.filter { $0.kind == .lateWrite }.map {
            $0.path.split(separator: "/").last.map(String.init)
        }
        #expect(Set(late) == [Self.fileA, "events.out.tfevents.1600000000.host"])
        // Each is reported once.
        let again = drain(reader)
        #expect(again.problems.isEmpty)
    }

    @Test func anIncompleteTailIsReportedOnceTheFilesAreComplete() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let good = file.bytes.count
        file.append(EventFileBuilder.scalar("loss", 1, step: 0))
        try Data(file.bytes.dropLast(3)).write(to: URL(fileURLWithPath: logdir + "/" + Self.fileA))

        let reader = try LogdirReader(logdir: logdir)
        #expect(drain(reader).problems.isEmpty)
        reader.filesAreComplete = true
        let final = drain(reader)
        #expect(final.problems.count == 1)
        #expect(final.problems.first?.kind == .truncated)
        #expect(final.problems.first?.offset == Int64(good))
        #expect(drain(reader).problems.isEmpty)
    }

    @Test func aReaderKeepsFewFilesOpen() throws {
        // Files are closed between passes, so a log directory with more runs than the process may
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
        let reader = try LogdirReader(logdir: logdir)
        let accumulator = drain(reader)
        #expect(accumulator.runs.count == 40)
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)
            return target?.hasPrefix(logdir) == true
        }
        #expect(open.isEmpty)
    }
}
