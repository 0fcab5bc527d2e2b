import TFEvents

/// The signals `tfevents tail` reacts to, turned into flags its loop polls (the handlers are the
/// library's ``ProcessSignals``).
///
/// - `SIGINT` (Ctrl-C) and `SIGTERM` ask it to stop: it finishes the line or frame it is writing,
///   restores the terminal and exits with status 0.
/// - `SIGPIPE` is ignored: a closed standard output ends it quietly (``ByteOutput/PipeClosed``).
/// - `SIGWINCH`: the terminal was resized; the table is redrawn from the top of the screen.
/// - `SIGTSTP` (Ctrl-Z), on a terminal: the cursor is shown again before the process stops, and
///   after `SIGCONT` (`fg`) the table is redrawn from the top, since the shell wrote over it.
enum TailSignals {
    /// Whether `SIGINT` or `SIGTERM` asked to stop.
    static var isStopRequested: Bool { ProcessSignals.isStopRequested }

    /// Whether the screen must be redrawn from scratch (a resize or a resume) since the last call.
    static func takeRedrawRequest() -> Bool {
        ProcessSignals.takeRedrawRequest()
    }

    /// Installs the stop handlers, and the terminal handlers when `terminal` is set. The signals
    /// are also unblocked on the calling (main) thread, in case the parent blocked them.
    static func install(terminal: Bool) {
        ProcessSignals.catchStopRequests()
        ProcessSignals.ignoreBrokenPipe()
        if terminal {
            // Show the cursor (hidden while the table is drawn) before the shell takes the terminal.
            ProcessSignals.catchTerminalChanges(writingBeforeStop: "\u{1B}[?25h")
        }
    }
}
