import Foundation
import TFEvents

/// Where output goes and what it may do there: colour and cursor movement only on a terminal,
/// and only when `NO_COLOR` is not set.
struct TerminalOutput: Sendable {
    /// Whether standard output is a terminal.
    var isInteractive: Bool
    /// Whether colour and cursor movement may be used on standard output.
    var allowsStyling: Bool
    /// Whether standard error is a terminal (progress lines go there).
    var stderrIsInteractive: Bool

    static var current: TerminalOutput {
        let interactive = Terminal.isTerminal(.standardOutput)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOutput(
            isInteractive: interactive, allowsStyling: interactive && !noColor,
            stderrIsInteractive: Terminal.isTerminal(.standardError))
    }

    /// The terminal's width in columns, or 80 when unknown.
    static var width: Int {
        if let size = Terminal.size(of: .standardOutput), size.columns > 0 { return size.columns }
        return 80
    }
}

/// Writes a message line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
