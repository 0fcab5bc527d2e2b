import Foundation
import Synchronization

/// The signals `tfevents tail` reacts to, turned into flags its loop polls.
///
/// - `SIGINT` (Ctrl-C) and `SIGTERM` ask it to stop: it finishes the line or frame it is writing,
///   restores the terminal and exits with status 0.
/// - `SIGWINCH`: the terminal was resized; the table is redrawn from the top of the screen.
/// - `SIGTSTP` (Ctrl-Z), on a terminal: the cursor is shown again before the process stops, and
///   after `SIGCONT` (`fg`) the table is redrawn from the top, since the shell wrote over it.
///
/// The handlers only store into atomics, call `write`, `signal` and `raise`, which are
/// async-signal-safe.
enum TailSignals {
    /// The signal that asked to stop, or 0.
    static var stopSignal: Int32 { stopRequest.load(ordering: .relaxed) }

    /// Whether the screen must be redrawn from scratch (a resize or a resume) since the last call.
    static func takeRedrawRequest() -> Bool {
        redrawRequest.exchange(false, ordering: .relaxed)
    }

    /// Installs the stop handlers, and the terminal handlers when `terminal` is set.
    ///
    /// The signals are also unblocked on the calling (main) thread: a process inherits its
    /// parent's signal mask, and a parent that blocked them (some test runners and job runners do)
    /// would otherwise leave Ctrl-C without effect.
    static func install(terminal: Bool) {
        signal(SIGINT, onStop)
        signal(SIGTERM, onStop)
        signal(SIGPIPE, SIG_IGN)
        var signals = [SIGINT, SIGTERM]
        if terminal {
            signal(SIGWINCH, onRedraw)
            signal(SIGTSTP, onSuspend)
            signal(SIGCONT, onContinue)
            signals += [SIGWINCH, SIGTSTP, SIGCONT]
        }
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Sleeps for `seconds`, waking early when asked to stop. Returns whether it was asked to stop.
    static func sleep(seconds: Double) -> Bool {
        var remaining = seconds
        while remaining > 0 && stopSignal == 0 {
            let slice = min(remaining, 0.05)
            var request = timespec(tv_sec: 0, tv_nsec: Int(slice * 1e9))
            nanosleep(&request, nil)
            remaining -= slice
        }
        return stopSignal != 0
    }
}

private let stopRequest = Atomic<Int32>(0)
private let redrawRequest = Atomic<Bool>(false)

private func onStop(_ signal: Int32) {
    stopRequest.store(signal, ordering: .relaxed)
}

private func onRedraw(_ signal: Int32) {
    redrawRequest.store(true, ordering: .relaxed)
}

/// Shows the cursor, then stops the process the default way.
private func onSuspend(_ signal: Int32) {
    let showCursor: StaticString = "\u{1B}[?25h"
    _ = write(STDOUT_FILENO, showCursor.utf8Start, showCursor.utf8CodeUnitCount)
    Foundation.signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
}

/// Back from a stop: handle the next Ctrl-Z again, and redraw (the cursor is hidden again then).
private func onContinue(_ signal: Int32) {
    Foundation.signal(SIGTSTP, onSuspend)
    redrawRequest.store(true, ordering: .relaxed)
}
