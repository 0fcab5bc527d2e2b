import Foundation

/// A small tmpfs mounted for one test (the machines we test on run as root, which may mount), and
/// unmounted when released. `nil` when this machine does not allow mounting.
package final class TemporaryMount {
    package let path: String

    package init?(sizeKiB: Int, readOnly: Bool = false) {
        let directory = TemporaryDirectory("tfevents-mount")
        path = directory.path + "-fs"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(sizeKiB)k", "tmpfs", path]) else { return nil }
        if readOnly {
            guard Self.run(["/bin/mount", "-o", "remount,ro", path]) else {
                _ = Self.run(["/bin/umount", path])
                return nil
            }
        }
    }

    deinit {
        _ = Self.run(["/bin/umount", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
