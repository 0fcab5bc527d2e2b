import Foundation

/// The checked-in fixtures under `Fixtures/` at the package root, found from this file's path.
package enum Fixtures {
    /// The package root: the nearest directory above this file that holds `Package.swift`.
    package static let packageRoot: String = {
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
    package static var logdirs: String { packageRoot + "/Fixtures/logdirs" }

    /// The fixture log directories, sorted: every directory under `Fixtures/logdirs`, so a
    /// fixture that `Scripts/make-fixtures.sh` adds is tested without a list to update.
    package static let logdirNames: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: logdirs)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: logdirs + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// The fixture log directories with a damaged file: those with a `<name>.damage.json`
    /// (see `Fixtures/README.md`).
    package static let damagedNames: [String] = logdirNames.filter {
        FileManager.default.fileExists(atPath: logdirs + "/" + $0 + ".damage.json")
    }

    /// The fixture log directories written without damage.
    package static let cleanNames: [String] = logdirNames.filter { !damagedNames.contains($0) }

    /// The path of a fixture log directory.
    package static func logdir(_ name: String) -> String { logdirs + "/" + name }

    /// `<name>.tensorboard.json`: what TensorBoard's Python loader makes of the log directory.
    package static func tensorboardView(_ name: String) throws -> ParsedJSON {
        try json(logdirs + "/" + name + ".tensorboard.json")
    }

    /// `<name>.damage.json`: where the damage is.
    package static func damage(_ name: String) throws -> ParsedJSON {
        try json(logdirs + "/" + name + ".damage.json")
    }

    package static func json(_ path: String) throws -> ParsedJSON {
        try ParsedJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// A fresh empty temporary directory; the caller removes it.
    package static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tfevents-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

package struct FixtureError: Error, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// Whether two doubles are the same value, NaN equal to NaN and -0 distinct from +0.
package func sameDouble(_ a: Double, _ b: Double) -> Bool {
    a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
}

/// A fresh temporary directory path under `label` (not created).
package func temporaryPath(_ label: String) -> String {
    FileManager.default.temporaryDirectory.path + "/tfevents-\(label)-" + UUID().uuidString
}

/// A fresh empty temporary directory; the caller removes it.
package func makeTemporaryDirectory(_ label: String) throws -> String {
    let path = temporaryPath(label)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Copies a directory tree (for fixtures that a test renames or extends).
package func copyTree(_ source: String, to destination: String) throws {
    try FileManager.default.createDirectory(
        atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source, toPath: destination)
}
