import Foundation

/// The checked-in fixtures under `Fixtures/` at the package root, found from this file's path.
enum Fixtures {
    /// The package root: the nearest directory above this file that holds `Package.swift`.
    static let packageRoot: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `Fixtures/logdirs`.
    static var logdirs: String { packageRoot + "/Fixtures/logdirs" }

    /// The names of the fixture log directories.
    static let logdirNames = [
        "damaged_data_crc", "damaged_empty_file", "damaged_length_crc", "damaged_random_bytes", "damaged_truncated",
        "multi_file_run", "nested_runs", "no_file_version", "purge_step_restart", "tbx_plugins", "tf2_plugins",
    ]

    /// The path of a fixture log directory.
    static func logdir(_ name: String) -> String { logdirs + "/" + name }

    /// `<name>.tensorboard.json`: what TensorBoard's Python loader makes of the log directory.
    static func tensorboardView(_ name: String) throws -> JSONValue {
        try json(logdirs + "/" + name + ".tensorboard.json")
    }

    /// `<name>.damage.json`: where the damage is.
    static func damage(_ name: String) throws -> JSONValue {
        try json(logdirs + "/" + name + ".damage.json")
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// A fresh empty temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tfevents-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// Whether two doubles are the same value, NaN equal to NaN and -0 distinct from +0.
func sameDouble(_ a: Double, _ b: Double) -> Bool {
    a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
}
