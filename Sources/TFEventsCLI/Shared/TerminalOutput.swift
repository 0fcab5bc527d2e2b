import Foundation
import TFEvents

/// Where output goes and what it may do there: colour and cursor movement only on a terminal,
/// and only when `NO_COLOR` is not set.
struct TerminalOutput: Sendable {
    /// Whether standard output is a terminal.
    var isInteractive: Bool
    /// Whether colour and cursor movement may be used on standard output.
    var allowsStyling: Bool

    static var current: TerminalOutput {
        let interactive = Terminal.isTerminal(.standardOutput)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOutput(isInteractive: interactive, allowsStyling: interactive && !noColor)
    }
}

/// Writes a message line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
