import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// The `package` system-call layer the command-line tool uses instead of calling C itself:
/// output files, directories that are never links, calendar times, the monotonic clock.
@Suite struct PlatformTests {
    let directory = TemporaryDirectory("tfevents-platform")

    // MARK: OutputFile

    @Test func outputFileCreatesTruncatesAndWritesEverything() throws {
        let path = directory.path + "/out.txt"
        writeFile(path, Array("old content that is longer".utf8))
        let file = try OutputFile(creatingOrTruncating: path)
        let bytes = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        var written = 150_000  // the first 150 000 bytes count as already written
        try file.write(bytes, written: &written)
        #expect(written == bytes.count)
        try file.write([1, 2, 3])
        try file.close()
        #expect(readFile(path) == Array(bytes[150_000...]) + [1, 2, 3])
    }

    @Test func outputFileOnAReadOnlyFileSystemFailsWithEROFS() throws {
        guard let mount = TemporaryMount(sizeKiB: 64, readOnly: true) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        #expect(throws: SystemCallFailure(call: "open", errno: EROFS)) {
            try OutputFile(creatingOrTruncating: mount.path + "/out.csv")
        }
        let failure = SystemCallFailure(call: "open", errno: EROFS)
        #expect(failure.description == "open failed: Read-only file system (errno 30)")
        #expect(failure.reason == "Read-only file system")
    }

    @Test func outputFileInAMissingDirectoryFailsWithENOENT() {
        #expect(throws: SystemCallFailure(call: "open", errno: ENOENT)) {
            try OutputFile(creatingOrTruncating: directory.path + "/no/such.csv")
        }
    }

    @Test func outputFileRefusesASymbolicLinkOnlyWhenAskedTo() throws {
        let target = directory.path + "/target"
        writeFile(target, Array("keep".utf8))
        let link = directory.path + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        #expect(throws: SystemCallFailure(call: "open", errno: ELOOP)) {
            try OutputFile(creatingOrTruncating: link, followingLinks: false)
        }
        #expect(readFile(target) == Array("keep".utf8), "nothing written through the link")

        let followed = try OutputFile(creatingOrTruncating: link)
        try followed.write(Array("new".utf8))
        try followed.close()
        #expect(readFile(target) == Array("new".utf8))
    }

    @Test func writingToAPipeWithoutReaderIsABrokenPipe() throws {
        ProcessSignals.ignoreBrokenPipe()
        let fifo = directory.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        let file = try OutputFile(creatingOrTruncating: fifo)
        defer { try? file.close() }
        Glibc.close(reader)
        var written = 0
        do throws(SystemCallFailure) {
            try file.write([1, 2, 3], written: &written)
            Issue.record("a write without a reader succeeded")
        } catch {
            #expect(error.isBrokenPipe)
            #expect(error.call == "write")
            #expect(written == 0)
        }
    }

    // MARK: FileSystem, without following links

    @Test func directoryCreationRefusesASymbolicLinkAndAFile() throws {
        let outside = directory.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: false)
        let link = directory.path + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
        #expect(throws: FileSystem.DirectoryFailure.notADirectory) {
            try FileSystem.createDirectoryNotFollowingLinks(link)
        }
        let dangling = directory.path + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.path + "/missing")
        #expect(throws: FileSystem.DirectoryFailure.notADirectory) {
            try FileSystem.createDirectoryNotFollowingLinks(dangling)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/missing"), "the link was not followed")

        let file = directory.path + "/file"
        writeFile(file, [])
        #expect(throws: FileSystem.DirectoryFailure.notADirectory) {
            try FileSystem.createDirectoryNotFollowingLinks(file)
        }
        #expect(FileSystem.DirectoryFailure.notADirectory.description == "not a directory (a symbolic link or a file)")
    }

    @Test func directoryCreationMakesOrAcceptsARealDirectory() throws {
        let path = directory.path + "/new"
        try FileSystem.createDirectoryNotFollowingLinks(path)
        try FileSystem.createDirectoryNotFollowingLinks(path)  // already there: fine
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)

        let missingParent = directory.path + "/no/such"
        #expect(throws: FileSystem.DirectoryFailure.cannotCreate(SystemCallFailure(call: "mkdir", errno: ENOENT))) {
            try FileSystem.createDirectoryNotFollowingLinks(missingParent)
        }
    }

    @Test func resolvedPathFollowsLinksAndDots() throws {
        let real = directory.path + "/real"
        try FileManager.default.createDirectory(atPath: real + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/alias", withDestinationPath: real)
        let resolvedRoot = try FileSystem.resolvedPath(directory.path)
        #expect(try FileSystem.resolvedPath(directory.path + "/alias/sub/..") == resolvedRoot + "/real")
        #expect(throws: SystemCallFailure(call: "realpath", errno: ENOENT)) {
            try FileSystem.resolvedPath(directory.path + "/missing")
        }
    }

    // MARK: CalendarTime

    @Test func utcCalendarTimesOfKnownMoments() throws {
        let moment = try #require(CalendarTime(utc: 1_700_000_000))
        #expect(moment == CalendarTime(year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20))
        #expect(moment.dateAndTime == "2023-11-14 22:13:20")
        #expect(moment.timeOfDay == "22:13:20")
        #expect(CalendarTime(utc: 0)?.dateAndTime == "1970-01-01 00:00:00")
        #expect(CalendarTime(utc: -1)?.dateAndTime == "1969-12-31 23:59:59")
        #expect(CalendarTime(utc: 951_782_400)?.dateAndTime == "2000-02-29 00:00:00")
        #expect(CalendarTime(utc: -62_135_596_800)?.dateAndTime == "0001-01-01 00:00:00")
    }

    @Test func timeOfDayIsZeroPadded() {
        let early = CalendarTime(year: 987, month: 1, day: 2, hour: 3, minute: 4, second: 5)
        #expect(early.timeOfDay == "03:04:05")
        #expect(early.dateAndTime == "0987-01-02 03:04:05")
        #expect(CalendarTime(year: -5, month: 1, day: 1, hour: 0, minute: 0, second: 0).dateAndTime
            == "-005-01-01 00:00:00")
    }

    @Test func localTimeIsUTCShiftedByItsOffset() throws {
        // Whatever the machine's time zone: the local fields are the UTC fields of the moment
        // moved by the zone's offset at that moment.
        for moment: Int64 in [0, 1_700_000_000, 1_719_792_000, 1_735_689_599] {
            let local = try #require(CalendarTime(local: moment))
            var shifted = try #require(CalendarTime(utc: moment + Int64(local.utcOffset)))
            shifted.utcOffset = local.utcOffset
            #expect(local == shifted)
            #expect(local.timeOfDay.count == 8)
        }
    }

    @Test func localTimeFollowsTheTimeZone() async {
        // In a child process, since the zone is process-wide: Central European Time as a POSIX
        // rule, which needs no time-zone database (UTC+1, UTC+2 from the last Sunday of March to
        // the last Sunday of October).
        await #expect(processExitsWith: .success) {
            setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1)
            tzset()
            let winter = CalendarTime(local: 1_700_000_000)  // 2023-11-14 22:13:20 UTC
            let summer = CalendarTime(local: 1_719_792_000)  // 2024-07-01 00:00:00 UTC
            guard winter?.timeOfDay == "23:13:20", winter?.utcOffset == 3600,
                summer?.dateAndTime == "2024-07-01 02:00:00", summer?.utcOffset == 7200
            else { exit(1) }
        }
    }

    // MARK: MonotonicClock

    @Test func monotonicClockMovesForward() {
        let start = MonotonicClock.seconds()
        usleep(20_000)
        let end = MonotonicClock.seconds()
        #expect(end - start >= 0.019)
        #expect(end - start < 10)
    }

    // MARK: Terminal

    @Test func terminalColumnsComeFromCOLUMNSThenTheTerminalThenDefaultTo80() {
        #expect(Terminal.columns(variable: "110", terminal: 200) == 110)
        #expect(Terminal.columns(variable: nil, terminal: 200) == 200)
        // A value that is not a positive number is ignored, as is a terminal of unknown size.
        for variable in ["", "0", "-3", "wide", "110 "] {
            #expect(Terminal.columns(variable: variable, terminal: 132) == 132, "\(variable)")
            #expect(Terminal.columns(variable: variable, terminal: 0) == 80, "\(variable)")
        }
        #expect(Terminal.columns(variable: nil, terminal: nil) == 80)
    }
}
