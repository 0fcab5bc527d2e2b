import Foundation

/// A one-line progress message on standard error for work that takes more than a second: shown
/// only when standard error is a terminal and `NO_COLOR` is not set, redrawn in place with a
/// carriage return at most ten times a second, and erased when the work is done.
final class ProgressLine {
    private let isEnabled: Bool
    private let start = Date()
    private var lastDraw: Date?
    private var drawnWidth = 0

    /// Waits this long before showing anything, so quick work prints nothing.
    static let delay: TimeInterval = 1
    static let interval: TimeInterval = 0.1

    init(terminal: Terminal = .current) {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        isEnabled = terminal.stderrIsInteractive && !noColor
    }

    /// Shows `message` (made only when it will be drawn) if the work has gone on long enough.
    func update(_ message: @autoclosure () -> String) {
        guard isEnabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) >= Self.delay else { return }
        if let lastDraw, now.timeIntervalSince(lastDraw) < Self.interval { return }
        lastDraw = now
        var text = message()
        let width = max(10, Self.columns - 1)
        if text.count > width { text = String(text.prefix(width - 1)) + "…" }
        let padding = String(repeating: " ", count: max(0, drawnWidth - text.count))
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
        drawnWidth = text.count
    }

    /// The width of the terminal standard error is on, or 80 when unknown.
    private static var columns: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Erases the line, if one was drawn.
    func finish() {
        guard drawnWidth > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: drawnWidth) + "\r").utf8))
        drawnWidth = 0
    }
}
