import Foundation

/// A one-line progress message on standard error for work that takes more than a second.
///
/// Shown only when standard error is a terminal, and only once the work has run for a second,
/// so quick commands and scripts never see it. The line is rewritten in place with a carriage
/// return and erased with spaces (no escape sequences), at most five times a second, and
/// ``finish()`` erases it so that the next message starts on a clean line.
struct ProgressLine {
    private let isEnabled: Bool
    private let start: UInt64
    private var nextUpdate: UInt64
    private var shownWidth = 0
    private var calls = 0

    /// A progress line for work starting now; `isEnabled` is normally whether standard error is a terminal.
    init(isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.isEnabled = isEnabled
        start = Self.now()
        nextUpdate = start + 1_000_000_000
    }

    /// Shows `message()` if the work has run for over a second and the line was not updated in
    /// the last 0.2 s. Cheap to call for every item: the clock is read every 256 calls.
    mutating func update(_ message: @autoclosure () -> String) {
        guard isEnabled else { return }
        calls &+= 1
        guard calls & 255 == 0 else { return }
        let now = Self.now()
        guard now >= nextUpdate else { return }
        nextUpdate = now + 200_000_000
        let text = String(message().prefix(max(10, Terminal.width - 1)))
        let padding = String(repeating: " ", count: max(0, shownWidth - text.count))
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
        shownWidth = text.count
    }

    /// Erases the line, if it was shown.
    mutating func finish() {
        guard shownWidth > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: shownWidth) + "\r").utf8))
        shownWidth = 0
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
