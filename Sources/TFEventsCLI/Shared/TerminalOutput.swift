import Foundation
import TFEvents

/// Where output goes and what it may do there: colour and cursor movement only on a terminal,
/// and only when `NO_COLOR` is not set.
struct TerminalOutput: Sendable {
    /// Whether standard output is a terminal.
    var isInteractive: Bool
    /// Whether colour and cursor movement may be used on standard output.
    var allowsStyling: Bool
    /// How wide a table printed once may be (``Terminal/columns(of:)``), or `nil` when standard
    /// output is not a terminal: a program or a file gets the table whole, whatever the width.
    var tableWidth: Int?

    static var current: TerminalOutput {
        let interactive = Terminal.isTerminal(.standardOutput)
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOutput(
            isInteractive: interactive, allowsStyling: interactive && !noColor,
            tableWidth: interactive ? Terminal.columns(of: .standardOutput) : nil)
    }
}

/// Writes a message line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
