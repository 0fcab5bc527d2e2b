import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Hostile and broken input: impossible lengths, garbage, empty files, bad directories, link loops.
@Suite struct ReaderHostileTests {
    static let fileName = "events.out.tfevents.1700000000.host"

    static func logdir(with bytes: [UInt8]) throws -> String {
        let logdir = try Fixtures.temporaryDirectory()
        try Data(bytes).write(to: URL(fileURLWithPath: logdir + "/" + fileName))
        return logdir
    }

    /// A record header claiming `length` bytes, with a valid length CRC.
    static func header(length: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: length.littleEndian) { lengthBytes in
            bytes.append(contentsOf: lengthBytes)
            TFRecordFraming.appendLittleEndian(CRC32C.mask(CRC32C.checksum(lengthBytes)), to: &bytes)
        }
        return bytes
    }

    @Test func aLengthOf2To63WithAValidCRCIsPassedOver() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let bogus = file.bytes.count
        file.bytes += Self.header(length: 1 << 63) + [1, 2, 3, 4, 5]
        let good = file.bytes.count
        file.append(EventFileBuilder.scalar("x", 1, step: 4))
        let logdir = try Self.logdir(with: file.bytes)
        defer { try? FileManager.default.removeItem(atPath: logdir) }

        // Not waited for even while the file may still grow: no file can hold such a record.
        let read = try LogdirRead(logdir, options: .init(filesAreComplete: false))
        #expect(read.steps(run: ".", tag: "x") == [4])
        #expect(read.problems.map(\.kind) == [.badLength])
        #expect(read.problems.first?.offset == Int64(bogus))
        #expect(read.problems.first?.resumedAt == Int64(good))
    }

    @Test func aPlausibleLengthPastTheEndIsWaitedForThenReportedWhenComplete() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        let tail = file.bytes.count
        file.bytes += Self.header(length: 1 << 30) + [1, 2, 3]
        let logdir = try Self.logdir(with: file.bytes)
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        #expect(try LogdirRead(logdir, options: .init(filesAreComplete: false)).problems.isEmpty)
        #expect(FollowedLogdir(logdir).catchUp().allSatisfy { if case .problem = $0 { false } else { true } })
        let final = try LogdirRead(logdir)
        #expect(final.problems.map(\.kind) == [.truncated])
        #expect(final.problems.first?.offset == Int64(tail))
    }

    @Test func aPayloadThatIsNotAnEventIsSkipped() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.scalar("x", 1, step: 0))
        let bad = file.bytes.count
        file.appendRecord([0xFF, 0xFF, 0xFF])  // field 31, wire type 7: not a valid protobuf
        file.append(EventFileBuilder.scalar("x", 2, step: 1))
        let logdir = try Self.logdir(with: file.bytes)
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let read = try LogdirRead(logdir)
        #expect(read.steps(run: ".", tag: "x") == [0, 1])
        #expect(read.problems.map(\.kind) == [.decode])
        #expect(read.problems.first?.offset == Int64(bad))
    }

    @Test func anEmptyFileMakesARunWithNothingInIt() throws {
        let logdir = try Self.logdir(with: [])
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let read = try LogdirRead(logdir)
        #expect(read.runs.map(\.name) == ["."])
        #expect(read.runs.first?.firstEventWallTime == nil)
        #expect(read.series.isEmpty && read.problems.isEmpty)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func corruptedFilesNeverYieldForeignPoints(_ seed: UInt64) throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        for step in 0..<50 { file.append(EventFileBuilder.scalar("x", Float(step) * 0.5, step: Int64(step))) }
        var random = TestRandom(seed: seed)
        var bytes = file.bytes
        // Flip a few random bytes, cut a random range out, and put random junk in.
        for _ in 0..<3 { bytes[random.next(below: bytes.count)] ^= UInt8(1 + random.next(below: 255)) }
        let cut = random.next(below: bytes.count - 40)
        bytes.removeSubrange(cut..<cut + random.next(below: 40))
        bytes.insert(
            contentsOf: (0..<random.next(below: 64)).map { _ in UInt8(random.next(below: 256)) },
            at: random.next(below: bytes.count))
        let logdir = try Self.logdir(with: bytes)
        defer { try? FileManager.default.removeItem(atPath: logdir) }

        let read = try LogdirRead(logdir)
        for point in read.points(run: ".", tag: "x") {
            #expect(point.value.scalar == Double(point.step) * 0.5, "a point that was never written: \(point)")
        }
        #expect(read.points(run: ".", tag: "x").count >= 35)
        #expect(!read.problems.isEmpty)
    }

    @Test func randomBytesAreOneProblem() throws {
        var random = TestRandom(seed: 42)
        let logdir = try Self.logdir(with: (0..<4096).map { _ in UInt8(random.next(below: 256)) })
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let read = try LogdirRead(logdir)
        #expect(read.series.isEmpty)
        #expect(read.problems.count <= 2)
        #expect(read.problems.first?.offset == 0)
    }

    @Test func aMissingLogdirIsAnError() {
        #expect(throws: SummaryReaderError(.notFound, path: "/nonexistent/logdir")) {
            try SummaryReader(logdir: "/nonexistent/logdir")
        }
    }

    @Test func anEventFileGivenAsTheLogdirIsAnError() throws {
        let logdir = try Self.logdir(with: [])
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let path = logdir + "/" + Self.fileName
        #expect(throws: SummaryReaderError(.notADirectory, path: path)) { try SummaryReader(logdir: path) }
        let error = SummaryReaderError(.notADirectory, path: path)
        #expect(error.description.hasPrefix(path + ": not a directory"))
    }

    @Test func anUnreadableSubdirectoryIsAProblemNotAnError() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        for run in ["locked", "open"] {
            try FileManager.default.createDirectory(atPath: logdir + "/" + run, withIntermediateDirectories: true)
            var file = EventFileBuilder()
            file.append(EventFileBuilder.scalar("x", 1, step: 0))
            try file.write(to: logdir + "/" + run + "/" + Self.fileName)
        }
        // Permissions do not stop root (which runs these tests in CI), so the listing fails by hand,
        // as opendir(3) fails with EACCES.
        let locked = logdir + "/locked"
        let source = LockingSource(locked: locked)
        let followed = FollowedLogdir(logdir, options: .init(source: source, filesAreComplete: false))
        followed.catchUp()
        #expect(followed.view.runNames == ["open"])
        #expect(followed.view.problems.map(\.kind) == [.io])
        #expect(followed.view.problems.first?.path == locked)
        #expect(followed.view.problems.first?.message.contains("Permission denied") == true)
        // A reader of the whole directory reports it among the listing's problems.
        let read = try LogdirRead(logdir, options: .init(source: source))
        #expect(read.contents.problems.map(\.path) == [locked])
        #expect(read.runs.map(\.name) == ["open"])
        // Reported once while it stays unreadable; read once it can be.
        #expect(followed.catchUp().allSatisfy { if case .problem = $0 { false } else { true } })
        source.unlock()
        followed.catchUp()
        #expect(followed.view.steps(run: "locked", tag: "x") == [0], "\(followed.view)")
    }

    @Test func symbolicLinksAreFollowedWithoutLooping() throws {
        let logdir = try Fixtures.temporaryDirectory()
        let outside = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: logdir)
            try? FileManager.default.removeItem(atPath: outside)
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: logdir + "/a/b", withIntermediateDirectories: true)
        var file = EventFileBuilder()
        file.append(EventFileBuilder.scalar("x", 1, step: 0))
        try file.write(to: logdir + "/a/b/" + Self.fileName)
        try file.write(to: outside + "/" + Self.fileName)
        try manager.createSymbolicLink(atPath: logdir + "/a/b/up", withDestinationPath: "../..")  // a loop
        try manager.createSymbolicLink(atPath: logdir + "/z_same", withDestinationPath: logdir + "/a")  // a duplicate
        try manager.createSymbolicLink(atPath: logdir + "/linked", withDestinationPath: outside)  // a run elsewhere
        try manager.createSymbolicLink(atPath: logdir + "/a/dangling.tfevents", withDestinationPath: "/nonexistent")

        let read = try LogdirRead(logdir)
        #expect(read.runs.map(\.name).sorted() == ["a", "a/b", "linked"])
        #expect(read.steps(run: "linked", tag: "x") == [0])
        // The dangling link makes `a` a run (as in TensorBoard) whose file cannot be opened.
        #expect(read.problems.map(\.kind) == [.io])
    }

    @Test func profileEmptyFilesMakeARunButAreNotRead() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        var file = EventFileBuilder()
        file.append(EventFileBuilder.scalar("x", 1, step: 0))
        try file.write(to: logdir + "/events.out.tfevents.1700000000.host.profile-empty")
        let read = try LogdirRead(logdir)
        #expect(read.runs.map(\.name) == ["."])
        #expect(read.series.isEmpty)
    }
}

/// The local file system, where one directory cannot be listed until ``unlock()``.
final class LockingSource: ByteSource {
    let locked: String
    private let isLocked = LockedValue(true)

    init(locked: String) {
        self.locked = locked
    }

    func unlock() {
        isLocked.withLock { $0 = false }
    }

    func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        var listing = try FileSystemSource().listFiles(under: root)
        guard isLocked.withLock({ $0 }) else { return listing }
        listing.files.removeAll { $0.path.hasPrefix(locked + "/") }
        listing.unreadable.append(ByteSourceError(.unreadable, path: locked, message: "Permission denied (errno 13)"))
        return listing
    }

    func size(of path: String) throws(ByteSourceError) -> Int64 {
        try FileSystemSource().size(of: path)
    }

    func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int) throws(ByteSourceError)
        -> Int
    {
        try FileSystemSource().read(path, at: offset, into: &buffer, from: start)
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct TestRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
