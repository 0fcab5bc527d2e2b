import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// `SummaryWriter(continuing:marker:options:)`: which file it continues or makes, the lock it holds,
/// and its one-line errors.
@Suite struct SummaryWriterContinuingTests {
    let directory = TemporaryDirectory()
    /// A flush interval long enough that only `flush()` and `close()` write.
    let quiet = SummaryWriter.Options(flushInterval: .seconds(3600))

    // MARK: Continuing

    @Test func aWholeFileOfOursIsContinuedWithoutASecondFileVersion() throws {
        let run = directory.path + "/a/b/run"
        let first = try SummaryWriter(continuing: run)
        try first.addScalar("loss", 0.5, step: 0, wallTime: 1_700_000_000)
        try first.close()
        let second = try SummaryWriter(continuing: run)
        try second.addScalar("loss", 0.25, step: 1, wallTime: 1_700_000_001)
        try second.close()

        #expect(second.path == first.path)
        #expect(second.logdir == run)
        #expect(first.path.hasSuffix(".cli"))
        #expect(directory.eventFiles(in: "a/b/run") == [first.path])
        let events = try readEvents(first.path)
        #expect(events.filter { $0.fileVersion != nil }.count == 1)
        #expect(events.first?.fileVersion == Event.currentFileVersion)
        #expect(events.first?.sourceMetadata?.writer == "swift-tfevents")
        #expect(scalars(events).map(\.step) == [0, 1])
        #expect(scalars(events).map(\.value) == [0.5, 0.25])
    }

    @Test func theMarkerEndsTheNameAfterTheFilenameSuffixAndOnlyMatchingFilesAreContinued() throws {
        let first = try SummaryWriter(continuing: directory.path, marker: ".job", options: .init(filenameSuffix: ".v2"))
        try first.close()
        #expect(first.path.hasSuffix(".v2.job"))
        // Another marker is another kind of writer: its file is not continued.
        let other = try SummaryWriter(continuing: directory.path, marker: ".cli")
        try other.close()
        #expect(other.path != first.path)
        #expect(other.path.hasSuffix(".cli"))
        // And back: ".job" is no longer the last file, so a new one is made after ".cli".
        let again = try SummaryWriter(continuing: directory.path, marker: ".job")
        try again.close()
        #expect(directory.eventFiles() == [first.path, other.path, again.path])
    }

    @Test func purgeStepIsWrittenAtTheStartOfWhatIsAddedToAContinuedFile() throws {
        let first = try SummaryWriter(continuing: directory.path)
        try first.addScalar("x", 1, step: 7)
        try first.close()
        let restart = try SummaryWriter(continuing: directory.path, options: .init(purgeStep: 5))
        try restart.addScalar("x", 2, step: 5)
        try restart.close()
        #expect(restart.path == first.path)
        let events = try readEvents(first.path)
        #expect(events.filter { $0.fileVersion != nil }.count == 1)
        #expect(events.map(\.step).suffix(2) == [5, 5])
        #expect(events[events.count - 2].what == .sessionLog(.init(status: .start)))
    }

    // MARK: Refusing

    @Test func aFileOfAnotherWriterIsNotContinuedAndTheNewFileSortsAfterIt() throws {
        let training = try SummaryWriter(logdir: directory.path)
        try training.addScalar("loss", 1, step: 0)
        try training.close()
        let writer = try SummaryWriter(continuing: directory.path)
        try writer.close()
        #expect(directory.eventFiles() == [training.path, writer.path])
        #expect(try readEvents(writer.path).first?.fileVersion == Event.currentFileVersion)
    }

    @Test(arguments: ["cut short", "damaged", "no file version", "empty"])
    func aFileThatIsNotWholeIsNotContinued(_ damage: String) throws {
        let first = try SummaryWriter(continuing: directory.path)
        try first.addScalar("x", 1, step: 0)
        try first.addScalar("x", 2, step: 1)
        try first.close()
        var bytes = readFile(first.path)
        switch damage {
        case "cut short": bytes.removeLast(3)  // a writer died mid-write
        case "damaged": bytes[bytes.count - 10] ^= 0xFF  // a payload byte: its checksum fails
        case "no file version": bytes = Array(bytes.dropFirst(try firstRecordLength(first.path)))
        default: bytes = []
        }
        writeFile(first.path, bytes)
        #expect(!RunContinuation.isWholeEventFile(first.path))

        let second = try SummaryWriter(continuing: directory.path)
        try second.addScalar("x", 3, step: 2)
        try second.close()
        #expect(second.path != first.path)
        #expect(directory.eventFiles() == [first.path, second.path])
        #expect(readFile(first.path) == bytes)  // left as it was
        #expect(scalars(try readEvents(second.path)).map(\.step) == [2])
    }

    @Test func aLockedFileIsLeftAloneAfterASecond() throws {
        let first = try SummaryWriter(continuing: directory.path)
        try first.close()
        let descriptor = open(first.path, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)

        let start = ContinuousClock.now
        let second = try SummaryWriter(continuing: directory.path)
        try second.close()
        #expect(ContinuousClock.now - start >= .seconds(1))
        #expect(second.path != first.path)
        #expect(directory.eventFiles() == [first.path, second.path])
    }

    @Test func aFileFreedWithinTheWaitIsContinued() throws {
        let first = try SummaryWriter(continuing: directory.path)
        try first.close()
        let descriptor = open(first.path, O_RDONLY)
        #expect(flock(descriptor, LOCK_EX) == 0)
        // A thread of its own, not a dispatch queue that parallel tests may keep busy past the
        // one-second wait.
        Thread.detachNewThread {
            usleep(100_000)
            close(descriptor)
        }

        let second = try SummaryWriter(continuing: directory.path)
        try second.close()
        #expect(second.path == first.path)
    }

    // MARK: The lock

    @Test func theLockIsHeldUntilCloseOrDeinit() throws {
        let writer = try SummaryWriter(continuing: directory.path, options: quiet)
        #expect(!canLock(writer.path))
        try writer.addScalar("x", 1, step: 0)
        try writer.flush()
        #expect(!canLock(writer.path))
        try writer.close()
        #expect(canLock(writer.path))

        var path = ""
        do {
            let unclosed = try SummaryWriter(continuing: directory.path, options: quiet)
            path = unclosed.path
            #expect(path == writer.path)
            #expect(!canLock(path))
        }
        #expect(canLock(path))
        #expect(scalars(try readEvents(path)).map(\.step) == [0])
    }

    @Test func aSecondWriterWhileTheFirstIsOpenMakesItsOwnFileAndNothingInterleaves() throws {
        let first = try SummaryWriter(continuing: directory.path, options: quiet)
        let second = try SummaryWriter(continuing: directory.path, options: quiet)  // waits a second
        #expect(second.path != first.path)
        #expect(directory.eventFiles() == [first.path, second.path])
        try first.addScalar("a", 1, step: 0)
        try second.addScalar("b", 1, step: 0)
        try first.close()
        try second.close()
        // The second file is now the last one, so the next writer continues it.
        let third = try SummaryWriter(continuing: directory.path)
        try third.addScalar("b", 2, step: 1)
        try third.close()
        #expect(third.path == second.path)
        #expect(scalars(try readEvents(first.path)).map(\.tag) == ["a"])
        #expect(scalars(try readEvents(second.path)).map(\.tag) == ["b", "b"])
    }

    // MARK: Names

    @Test func aNewFileSortsAfterALastFileOfTheSameSecondThatWouldSortAfterIt() throws {
        let seconds = Int64(Date().timeIntervalSince1970) + 100
        // '~' sorts after every host name character, so this file sorts after ours of that second.
        let last = "events.out.tfevents.\(seconds).~host.1.0001"
        writeFile(directory.path + "/" + last, [])
        let writer = try SummaryWriter(continuing: directory.path)
        try writer.close()
        let name = String(writer.path.split(separator: "/").last ?? "")
        #expect(name.hasPrefix("events.out.tfevents.\(seconds + 1)."))
        #expect(last.utf8.lexicographicallyPrecedes(name.utf8))
        #expect(directory.eventFiles().last == writer.path)
    }

    @Test func onlyEventFilesDirectlyInTheDirectoryCountInByteOrder() throws {
        let base = directory.path
        try FileManager.default.createDirectory(atPath: base + "/events.out.tfevents.9999999999.dir.cli", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/sub", withIntermediateDirectories: true)
        for name in [
            "events.out.tfevents.0000000002.h.1.0001.cli", "events.out.tfevents.0000000001.h.1.0001",
            "events.out.tfevents.9999999999.h.1.0001.profile-empty", "notes.txt", "sub/events.out.tfevents.9999999998.h.1.0001.cli",
            "Events.out.tfevents.0000000003.h.1.0001", "events.out.tfevents.0000000002.h.1.0001.Z",
        ] {
            writeFile(base + "/" + name, [])
        }
        try FileManager.default.createSymbolicLink(atPath: base + "/dangling.tfevents", withDestinationPath: base + "/missing")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/linked.tfevents", withDestinationPath: base + "/events.out.tfevents.0000000001.h.1.0001")

        // TensorBoard's rule (LogdirListing's): a dangling link whose name contains `tfevents`
        // counts as an event file, as `isdir` is false for it.
        #expect(
            try RunContinuation.listEventFiles(base) == [
                "Events.out.tfevents.0000000003.h.1.0001", "dangling.tfevents", "events.out.tfevents.0000000001.h.1.0001",
                "events.out.tfevents.0000000002.h.1.0001.Z", "events.out.tfevents.0000000002.h.1.0001.cli",
                "linked.tfevents",
            ])
    }

    // MARK: Errors

    @Test func aDirectoryThatCannotBeCreatedIsAOneLineTypedError() throws {
        let blocker = directory.path + "/file"
        writeFile(blocker, [1])
        let error = #expect(throws: SummaryWriterError.self) { try SummaryWriter(continuing: blocker + "/run") }
        #expect(error?.kind == .io(operation: "mkdir", errno: ENOTDIR))
        #expect(error?.path == blocker)
        #expect(error?.description == "\(blocker): cannot create the log directory: it is not a directory")
    }

    @Test(arguments: ["", "a/b", "x\u{0}"])
    func anUnusableMarkerIsRefused(_ marker: String) throws {
        let error = #expect(throws: SummaryWriterError.self) {
            try SummaryWriter(continuing: directory.path + "/run", marker: marker)
        }
        guard case .invalidInput = error?.kind else {
            Issue.record("expected invalidInput, got \(String(describing: error))")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/run"))
    }

    @Test func aReadOnlyFileSystemGivesOneLineErrors() throws {
        guard let mount = TemporaryMount(sizeKiB: 64, readOnly: true) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        let missing = #expect(throws: SummaryWriterError.self) { try SummaryWriter(continuing: mount.path + "/run") }
        #expect(missing?.description == "\(mount.path)/run: cannot create the log directory: Read-only file system (errno 30)")
        let existing = #expect(throws: SummaryWriterError.self) { try SummaryWriter(continuing: mount.path) }
        #expect(existing?.kind == .io(operation: "open", errno: EROFS))
        #expect(existing?.path?.hasPrefix(mount.path + "/events.out.tfevents.") == true)
        #expect(existing?.description.hasSuffix(": cannot create the event file: Read-only file system (errno 30)") == true)
    }

    @Test func aNewFileWhoseFirstRecordsDoNotFitIsRemoved() throws {
        guard let mount = TemporaryMount(sizeKiB: 64) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        // Fill the disk.
        let filler = open(mount.path + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 1, count: 4096)
        while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
        close(filler)

        let error = #expect(throws: SummaryWriterError.self) { try SummaryWriter(continuing: mount.path + "/run") }
        #expect(error?.kind == .io(operation: "write", errno: ENOSPC))
        #expect(error?.description.hasSuffix("write failed: No space left on device (errno 28)") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: mount.path + "/run")) == [])
    }

    // MARK: Helpers

    /// Whether another open file description could take the lock now.
    private func canLock(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }

    /// The length of the first record of the file at `path`, framing included.
    private func firstRecordLength(_ path: String) throws -> Int {
        let reader = EventFileReader(path: path)
        guard case .event? = reader.next() else { throw CocoaError(.fileReadCorruptFile) }
        return Int(reader.offset)
    }
}
