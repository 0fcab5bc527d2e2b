import Foundation
import TFEvents

/// A one-line progress report on standard error for work that takes more than a second.
///
/// It is shown only when standard error is a terminal and `NO_COLOR` is unset, since it rewrites
/// itself with a carriage return and erases itself with `ESC [ K` when the work is done. Messages
/// printed through ``printMessage(_:)`` erase it first, so they never end up on the same line.
/// Safe to use from several threads (parallel readers report through one line).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    /// Whether the line may be drawn at all.
    let isEnabled: Bool
    /// How long the work must take before the line appears, in seconds.
    let delay: Double
    private let start: Double
    private let write: (String) -> Void
    private var lastDraw = -Double.infinity
    private var isShown = false

    /// Creates a progress line.
    ///
    /// - Parameters:
    ///   - isEnabled: Whether to draw; ``standardErrorAllowsProgress`` by default.
    ///   - delay: The time before the first draw, in seconds.
    ///   - write: Where the line and messages go: standard error by default.
    init(
        isEnabled: Bool = ProgressLine.standardErrorAllowsProgress, delay: Double = 1,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.isEnabled = isEnabled
        self.delay = delay
        self.write = write
        self.start = Self.now()
    }

    /// Whether standard error is a terminal and `NO_COLOR` is unset or empty.
    static var standardErrorAllowsProgress: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal.isTerminal(.standardError) && !noColor
    }

    /// Redraws the line with `text` once the work has taken longer than ``delay``, at most five
    /// times a second. `text` is evaluated only when the line is drawn.
    func update(_ text: () -> String) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        guard now - start >= delay, now - lastDraw >= 0.2 else { return }
        lastDraw = now
        isShown = true
        write("\r" + text() + "\u{1B}[K")
    }

    /// Erases the line, if it is shown.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
    }

    private func clearLocked() {
        guard isShown else { return }
        isShown = false
        write("\r\u{1B}[K")
    }

    /// Prints a message line on standard error, below no half-drawn progress.
    func printMessage(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
        write(message + "\n")
    }

    /// Monotonic seconds.
    static func now() -> Double {
        MonotonicClock.seconds()
    }
}
