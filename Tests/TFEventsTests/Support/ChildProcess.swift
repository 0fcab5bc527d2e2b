import Foundation
import TestSupport

/// Runs a product built next to the test bundle (such as TestWriter) and returns its exit status
/// and standard output.
func runProduct(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let executable = productsDirectory() + "/" + name
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// The build products directory (`.build/debug`), where the test bundle itself lives.
func productsDirectory() -> String {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: executable).deletingLastPathComponent().path
}
