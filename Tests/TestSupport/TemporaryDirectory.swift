import Foundation

/// A fresh directory under the system's temporary directory, removed when the value is released.
package final class TemporaryDirectory {
    package let path: String

    package init(_ label: String = "tfevents-tests") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/" + label + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The event files in `directory` (relative to this one), sorted by name.
    package func eventFiles(in directory: String = "") -> [String] {
        let dir = directory.isEmpty ? path : path + "/" + directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.contains("tfevents") }.sorted().map { dir + "/" + $0 }
    }
}

/// The whole content of `path`.
package func readFile(_ path: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path) ?? Data())
}

/// Writes (replacing) `bytes` to `path` in place: truncating the same file, not replacing it with a
/// new one, so a reader that has it open sees the change.
package func writeFile(_ path: String, _ bytes: [UInt8]) {
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Appends `bytes` to `path`.
package func appendFile(_ path: String, _ bytes: [UInt8]) {
    let handle = FileHandle(forWritingAtPath: path)!
    handle.seekToEndOfFile()
    handle.write(Data(bytes))
    handle.closeFile()
}
