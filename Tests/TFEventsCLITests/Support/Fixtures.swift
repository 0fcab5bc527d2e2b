import Foundation

/// The checked-in fixtures under `Fixtures/` at the package root, found from this file's path
/// (as in the library tests' `Support/Fixtures.swift`).
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

    /// The fixture log directories written without damage.
    static let cleanNames = [
        "multi_file_run", "nested_runs", "no_file_version", "purge_step_restart", "tbx_plugins", "tf2_plugins",
    ]

    /// The fixture log directories with a damaged file (see `Fixtures/README.md`).
    static let damagedNames = [
        "damaged_data_crc", "damaged_empty_file", "damaged_length_crc", "damaged_random_bytes", "damaged_truncated",
    ]

    /// The path of a fixture log directory.
    static func logdir(_ name: String) -> String { logdirs + "/" + name }

    /// `<name>.tensorboard.json`: what TensorBoard's Python loader makes of the log directory.
    static func tensorboardView(_ name: String) throws -> ParsedJSON {
        try json(logdirs + "/" + name + ".tensorboard.json")
    }

    /// `<name>.damage.json`: where the damage is.
    static func damage(_ name: String) throws -> ParsedJSON {
        try json(logdirs + "/" + name + ".damage.json")
    }

    static func json(_ path: String) throws -> ParsedJSON {
        try ParsedJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

/// A fresh empty temporary directory; the caller removes it.
func makeTemporaryDirectory(_ label: String) throws -> String {
    let path = temporaryPath(label)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Copies a directory tree (for fixtures that a test renames or extends).
func copyTree(_ source: String, to destination: String) throws {
    try FileManager.default.createDirectory(
        atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source, toPath: destination)
}
