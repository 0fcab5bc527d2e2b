import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `tfevents export --images`: symbolic links planted below the image directory are never
/// written through, whether they stand for a run's directory or for an image file.
@Suite struct ImageExportLinkTests {
    typealias Support = FollowExportSupport

    /// A log directory with one run `a` holding one image, tag `img`, step 0 (exported as
    /// `a/img/0.png`), and an empty directory `outside`.
    private static func makeSandbox(_ label: String) throws -> (sandbox: String, logdir: String, outside: String) {
        let sandbox = try Support.makeDirectory(label)
        let logdir = sandbox + "/logdir"
        let writer = try SummaryWriter(logdir: logdir + "/a")
        let png = try ImageData(pixels: [UInt8](repeating: 7, count: 2 * 2 * 3), width: 2, height: 2, channels: 3)
        try writer.addImage("img", png, step: 0)
        try writer.close()
        let outside = sandbox + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: false)
        return (sandbox, logdir, outside)
    }

    @Test func aLinkedRunDirectoryIsRefused() throws {
        let (sandbox, logdir, outside) = try Self.makeSandbox("export-linked-run")
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let out = sandbox + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: out + "/a", withDestinationPath: outside)

        let result = try runTFEvents(["export", logdir, "--images", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.hasSuffix("/a: exists and is not a directory (a link or a file); not writing through it\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func aLinkedImageFileIsRefused() throws {
        let (sandbox, logdir, outside) = try Self.makeSandbox("export-linked-file")
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let out = sandbox + "/out"
        try FileManager.default.createDirectory(atPath: out + "/a/img", withIntermediateDirectories: true)
        let target = outside + "/victim"
        writeFile(target, Array("keep".utf8))
        try FileManager.default.createSymbolicLink(atPath: out + "/a/img/0.png", withDestinationPath: target)

        let result = try runTFEvents(["export", logdir, "--images", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("/a/img/0.png: cannot create the image file: Too many levels of symbolic links\n"))
        #expect(readFile(target) == Array("keep".utf8))
    }

    @Test func anExistingRealDirectoryIsReused() throws {
        let (sandbox, logdir, _) = try Self.makeSandbox("export-existing-run")
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let out = sandbox + "/out"
        try FileManager.default.createDirectory(atPath: out + "/a/img", withIntermediateDirectories: true)
        writeFile(out + "/a/img/0.png", Array("stale".utf8))

        let result = try runTFEvents(["export", logdir, "--images", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(readFile(out + "/a/img/0.png").starts(with: [0x89, 0x50, 0x4E, 0x47]), "the stale file is replaced")
    }
}
