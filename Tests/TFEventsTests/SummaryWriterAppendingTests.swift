import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// `SummaryWriter(appendingTo:)`, the writer `tfevents log` uses to continue one file across calls.
@Suite struct SummaryWriterAppendingTests {
    let directory = TemporaryDirectory()

    @Test func appendingContinuesAFileWithoutASecondFileVersion() throws {
        let first = try SummaryWriter(logdir: directory.path)
        try first.addScalar("loss", 0.5, step: 0, wallTime: 1_700_000_000)
        try first.close()

        let second = try SummaryWriter(appendingTo: first.path)
        try second.addScalar("loss", 0.25, step: 1, wallTime: 1_700_000_001)
        try second.close()
        #expect(second.path == first.path)
        #expect(second.logdir == directory.path)

        let events = try readEvents(first.path)
        #expect(events.filter { $0.fileVersion != nil }.count == 1)
        #expect(events.first?.fileVersion == Event.currentFileVersion)
        #expect(scalars(events).map(\.step) == [0, 1])
        #expect(scalars(events).map(\.value) == [0.5, 0.25])
        #expect(directory.eventFiles().count == 1)
    }

    @Test func aMissingOrEmptyFileStartsWithTheFileVersion() throws {
        let missing = directory.path + "/" + SummaryWriter.newFileName(wallTime: 1_700_000_000, suffix: ".cli")
        let created = try SummaryWriter(appendingTo: missing)
        try created.addScalar("x", 1, step: 3, wallTime: 1_700_000_000)
        try created.close()

        let empty = directory.path + "/events.out.tfevents.empty"
        writeFile(empty, [])
        let filled = try SummaryWriter(appendingTo: empty)
        try filled.close()

        for path in [missing, empty] {
            let events = try readEvents(path)
            #expect(events.first?.fileVersion == Event.currentFileVersion, "\(path)")
            #expect(events.first?.sourceMetadata?.writer == "swift-tfevents")
        }
        #expect(scalars(try readEvents(missing)).map(\.step) == [3])
    }

    @Test func writesLandAtTheEndEvenAfterAnotherAppender() throws {
        let path = directory.path + "/events.out.tfevents.shared"
        let a = try SummaryWriter(appendingTo: path, options: .init(flushInterval: .seconds(3600)))
        let b = try SummaryWriter(appendingTo: path, options: .init(flushInterval: .seconds(3600)))
        try a.addScalar("a", 1, step: 0, wallTime: 1)
        try a.flush()
        try b.addScalar("b", 2, step: 0, wallTime: 2)
        try b.flush()
        try a.addScalar("a", 3, step: 1, wallTime: 3)
        try a.close()
        try b.close()
        // Both were opened on an empty file, so both wrote a header; nothing was overwritten.
        #expect(scalars(try readEvents(path)).map(\.tag) == ["a", "b", "a"])
    }

    @Test func aFileThatCannotBeOpenedIsATypedError() throws {
        let error = #expect(throws: SummaryWriterError.self) {
            try SummaryWriter(appendingTo: directory.path + "/missing/events.out.tfevents.x")
        }
        #expect(error?.kind == .io(operation: "open", errno: ENOENT))
    }

    @Test func newFileNamesFollowTheWriterScheme() {
        let name = SummaryWriter.newFileName(wallTime: 1_700_000_000.7, suffix: ".cli")
        #expect(name.hasPrefix("events.out.tfevents.1700000000.\(ProcessInfo.hostName).\(getpid())."))
        #expect(name.hasSuffix(".cli"))
        #expect(SummaryWriter.newFileName(wallTime: 5, suffix: "").hasPrefix("events.out.tfevents.0000000005."))
        #expect(name != SummaryWriter.newFileName(wallTime: 1_700_000_000.7, suffix: ".cli"))
    }
}
