import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents

/// The `package` system-call layer the command-line tool uses instead of calling C itself:
/// output files and directories that are never links.
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
}
