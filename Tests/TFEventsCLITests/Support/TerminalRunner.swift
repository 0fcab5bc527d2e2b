import Foundation
import TestSupport

/// The built `tfevents` binary, next to the test bundle (as `runTFEvents` finds it).
var tfeventsBinary: String {
    let executable =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("tfevents").path
}

/// Runs `commandLine` with `sh` inside a pseudo-terminal (util-linux `script`), so that both
/// standard output and standard error are terminals; returns everything the terminal received.
func runInTerminal(_ commandLine: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", commandLine, "/dev/null"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// `text` quoted for `sh`.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
