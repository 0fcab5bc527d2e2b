import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

@Suite struct SummaryWriterTests {
    let directory = TemporaryDirectory()

    @Test func createsTheLogdirAndANamedFileStartingWithTheFileVersion() throws {
        let logdir = directory.path + "/a/b/run"
        let before = Int(Date().timeIntervalSince1970)
        let writer = try SummaryWriter(logdir: logdir)
        try writer.close()
        let name = String(writer.path.split(separator: "/").last!)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 7, "\(name)")
        #expect(Array(parts[0..<3]) == ["events", "out", "tfevents"])
        #expect(parts[3].count == 10)
        let seconds = try #require(Int(parts[3]))
        #expect(seconds >= before && seconds <= before + 5)
        #expect(String(parts[4]) == ProcessInfo.hostName)
        #expect(String(parts[5]) == String(getpid()))
        #expect(Int(parts[6]) != nil)
        #expect(writer.path.hasPrefix(logdir + "/"))

        let events = try readEvents(writer.path)
        #expect(events.count == 1)
        #expect(events[0].fileVersion == "brain.Event:2")
        #expect(events[0].sourceMetadata?.writer == "swift-tfevents")
        #expect(abs(events[0].wallTime - Date().timeIntervalSince1970) < 60)
    }

    @Test func filenameSuffixIsAppended() throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(filenameSuffix: ".v2"))
        try writer.close()
        #expect(writer.path.hasSuffix(".v2"))
    }

    @Test func writersCreatedTogetherNeverShareAFile() throws {
        let writers = try (0..<20).map { _ in try SummaryWriter(logdir: directory.path) }
        #expect(Set(writers.map(\.path)).count == 20)
        for (index, writer) in writers.enumerated() {
            try writer.addScalar("w", Double(index), step: 0)
            try writer.close()
        }
        for (index, writer) in writers.enumerated() {
            #expect(scalars(try readEvents(writer.path)).map(\.value) == [Float(index)])
        }
    }

    @Test func scalarsAreRecordedAsFloat32SimpleValuesWithStepsAndWallTimes() throws {
        let writer = try SummaryWriter(logdir: directory.path)
        try writer.addScalar("loss", 0.1, step: Int64(-3), wallTime: 1_700_000_000.25)
        try writer.addScalar("loss", Double.nan, step: 5, wallTime: 1_700_000_001)
        try writer.addScalar("huge", 1e300, step: Int64.max, wallTime: 1_700_000_002)
        try writer.addScalars(["b": 2, "a": 1], step: 9, wallTime: 1_700_000_003)
        let ordered: KeyValuePairs<String, Double> = ["z": 26, "y": 25]
        try writer.addScalars(ordered, step: 10, wallTime: 1_700_000_004)
        let before = Date().timeIntervalSince1970
        try writer.addScalar("now", 1, step: 11)
        let after = Date().timeIntervalSince1970
        try writer.close()

        let points = scalars(try readEvents(writer.path))
        // A dictionary literal keeps its written order: "b" before "a".
        #expect(points.map(\.tag) == ["loss", "loss", "huge", "b", "a", "z", "y", "now"])
        #expect(points.map(\.step) == [-3, 5, Int64.max, 9, 9, 10, 10, 11])
        #expect(points[0].value == Float(0.1))
        #expect(points[1].value.isNaN)
        #expect(points[2].value == .infinity)
        #expect(points.map(\.wallTime).prefix(7) == [
            1_700_000_000.25, 1_700_000_001, 1_700_000_002, 1_700_000_003, 1_700_000_003, 1_700_000_004,
            1_700_000_004,
        ])
        #expect(points[7].wallTime >= before && points[7].wallTime <= after)
    }

    @Test func purgeStepWritesTwoSessionStartsAfterTheFileVersion() throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(purgeStep: 42))
        try writer.close()
        let events = try readEvents(writer.path)
        #expect(events.count == 3)
        #expect(events[1...].allSatisfy { $0.step == 42 && $0.what == .sessionLog(.init(status: .start)) })
    }

    /// The case tensorboardX's single START misses: the abandoned attempt wrote no START of its
    /// own, so a lone START would be the run's first, which TensorBoard does not take as a restart.
    @Test(arguments: [nil, 0] as [Int64?])
    func purgeStepDropsWhatAnAbandonedAttemptWroteWhetherOrNotItMarkedItsStart(_ firstPurgeStep: Int64?) throws {
        let run = directory.path + "/resumed"
        let first = try SummaryWriter(logdir: run, options: .init(purgeStep: firstPurgeStep))
        for step in 0..<10 { try first.addScalar("loss", Double(step), step: step) }
        try first.close()
        let second = try SummaryWriter(logdir: run, options: .init(purgeStep: 6))
        for step in 6..<8 { try second.addScalar("loss", 100 + Double(step), step: step) }
        try second.close()
        let points = try #require(try SummaryReader(logdir: run).contents().runs.first?.series(tag: "loss")?.points)
        #expect(points.map(\.step) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(points.compactMap(\.value.scalar) == [0, 1, 2, 3, 4, 5, 106, 107])
    }

    @Test func closedWritersRefuseNewDataAndCloseTwiceIsHarmless() throws {
        let writer = try SummaryWriter(logdir: directory.path)
        try writer.addScalar("x", 1, step: 0)
        try writer.close()
        try writer.close()
        let error = #expect(throws: SummaryWriterError.self) { try writer.addScalar("x", 2, step: 1) }
        #expect(error?.kind == .closed)
        #expect(error?.description == "\(writer.path): the summary writer is closed")
        #expect(scalars(try readEvents(writer.path)).count == 1)
    }

    @Test func dataReachesTheFileWithinTheFlushInterval() throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(flushInterval: .milliseconds(100)))
        let emptySize = readFile(writer.path).count
        try writer.addScalar("x", 1, step: 0)
        #expect(readFile(writer.path).count == emptySize, "buffered, not written at once")
        // The timer is due after 100 ms; allow a loaded machine plenty of slack.
        let deadline = Date().addingTimeInterval(10)
        while readFile(writer.path).count == emptySize && Date() < deadline {
            usleep(20_000)
        }
        #expect(scalars(try readEvents(writer.path)).count == 1)
        try writer.close()
    }

    @Test func aFullBufferIsWrittenByTheCallThatFillsIt() throws {
        let writer = try SummaryWriter(
            logdir: directory.path, options: .init(flushInterval: .seconds(3600), maxBufferedBytes: 200))
        for step in 0..<10 {
            try writer.addScalar("x", Double(step), step: step)
        }
        // Each record is about 40 bytes: at least the first 5 must be on disk without any flush.
        #expect(scalars(try readEvents(writer.path)).count >= 5)
        try writer.close()
        #expect(scalars(try readEvents(writer.path)).count == 10)
    }

    @Test func concurrentThreadsAndTasksNeverInterleaveRecords() async throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(maxBufferedBytes: 4096))
        let perWriter = 5000
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for step in 0..<perWriter {
                        try? writer.addScalar("task\(task)", Double(step), step: step)
                    }
                }
            }
        }
        let threads = (0..<4).map { index in
            Thread {
                for step in 0..<perWriter {
                    try? writer.addScalars(["thread\(index)/a": Double(step), "thread\(index)/b": 1], step: step)
                }
            }
        }
        threads.forEach { $0.start() }
        while threads.contains(where: { !$0.isFinished }) { usleep(1000) }
        try writer.close()

        let points = scalars(try readEvents(writer.path))
        #expect(points.count == 8 * perWriter + 4 * 2 * perWriter)
        for tag in Set(points.map(\.tag)) {
            let steps = points.filter { $0.tag == tag }.map(\.step)
            #expect(steps == (0..<Int64(perWriter)).map { $0 }, "\(tag) steps in order, none lost")
        }
        // addScalars keeps a call's points together.
        for (index, point) in points.enumerated() where point.tag.hasSuffix("/a") {
            #expect(points[index + 1].tag == point.tag.replacingOccurrences(of: "/a", with: "/b"))
            #expect(points[index + 1].step == point.step)
        }
    }

    @Test func aFailedWriteIsThrownAndItsDataKeptForTheNextFlush() throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(flushInterval: .seconds(3600)))
        let fd = try #require(writer.fileDescriptorForTesting)
        let saved = dup(fd)
        defer { close(saved) }
        try writer.addScalar("x", 1, step: 0)
        // Swap /dev/full in under the writer: every write now fails with ENOSPC.
        let full = open("/dev/full", O_WRONLY)
        #expect(dup2(full, fd) == fd)
        close(full)
        let error = #expect(throws: SummaryWriterError.self) { try writer.flush() }
        #expect(error?.kind == .io(operation: "write", errno: ENOSPC))
        #expect(error?.description.contains("No space left on device") == true)
        // Put the real file back: the retained record is written, nothing lost or doubled.
        #expect(dup2(saved, fd) == fd)
        try writer.addScalar("x", 2, step: 1)
        try writer.close()
        #expect(scalars(try readEvents(writer.path)).map(\.value) == [1, 2])
    }

    @Test func aBackgroundFlushFailureIsThrownByTheNextCall() throws {
        let writer = try SummaryWriter(logdir: directory.path, options: .init(flushInterval: .milliseconds(50)))
        let fd = try #require(writer.fileDescriptorForTesting)
        let saved = dup(fd)
        defer { close(saved) }
        let full = open("/dev/full", O_WRONLY)
        #expect(dup2(full, fd) == fd)
        close(full)
        try writer.addScalar("x", 1, step: 0)
        var thrown: SummaryWriterError?
        let deadline = Date().addingTimeInterval(10)
        while thrown == nil && Date() < deadline {
            usleep(20_000)
            do {
                try writer.addScalar("probe", 0, step: 0)
            } catch {
                thrown = error
            }
        }
        #expect(thrown?.kind == .io(operation: "write", errno: ENOSPC))
        #expect(dup2(saved, fd) == fd)
        try writer.close()
        // The first point and every probe recorded before the failure was seen are on disk.
        let points = scalars(try readEvents(writer.path))
        #expect(points.first?.tag == "x")
    }

    @Test(arguments: ["exit-without-close", "exit-call"])
    func bufferedDataIsFlushedWhenTheProcessExitsNormally(mode: String) throws {
        let logdir = directory.path + "/" + mode
        let (status, output) = try runProduct("TestWriter", [mode, logdir, "250"])
        #expect(status == 0)
        let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(logdir))
        let points = scalars(try readEvents(path))
        #expect(points.map(\.step) == (0..<250).map { Int64($0) })
    }

    @Test func unwritableLogdirIsATypedErrorNamingThePartInTheWay() throws {
        let blocker = directory.path + "/file"
        writeFile(blocker, [1])
        let error = #expect(throws: SummaryWriterError.self) { try SummaryWriter(logdir: blocker + "/run/deeper") }
        #expect(error?.path == blocker)
        #expect(error?.kind == .io(operation: "mkdir", errno: ENOTDIR))
        #expect(error?.description == "\(blocker): cannot create the log directory: it is not a directory")
    }
}

extension SummaryWriterTests {
    @Test func filesOfOneSecondSortInCreationOrderPastTheTenth() throws {
        let writers = try (0..<25).map { _ in try SummaryWriter(logdir: directory.path + "/same") }
        for writer in writers { try writer.close() }
        let created = writers.map { String($0.path.split(separator: "/").last!) }
        // Names sort by their (leading) second first; within one second, by creation.
        let bySecond = Dictionary(grouping: created) { $0.split(separator: ".")[3] }
        for names in bySecond.values {
            #expect(names.sorted() == names, "\(names)")
        }
        #expect(EventFileName.make(wallTime: 1, host: "h", processID: 7, counter: 12, suffix: "")
            == "events.out.tfevents.0000000001.h.7.0012")
    }
}
