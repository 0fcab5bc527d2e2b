import Foundation

/// Where output goes and what it may do there: colour and cursor movement only on a terminal,
/// and only when `NO_COLOR` is not set.
struct Terminal: Sendable {
    /// Whether standard output is a terminal.
    var isInteractive: Bool
    /// Whether colour and cursor movement may be used on standard output.
    var allowsStyling: Bool
    /// Whether standard error is a terminal (progress lines go there).
    var stderrIsInteractive: Bool

    static var current: Terminal {
        let interactive = isatty(STDOUT_FILENO) == 1
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(
            isInteractive: interactive, allowsStyling: interactive && !noColor,
            stderrIsInteractive: isatty(STDERR_FILENO) == 1)
    }

    /// The terminal's width in columns, or 80 when unknown.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }
}

/// Writes a message line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
