internal import Glibc
internal import Synchronization

/// The signals the command-line tool handles, turned into flags that its loops poll.
///
/// The handlers only store into atomics and call `write`, `signal` and `raise`, which are
/// async-signal-safe. Each `catch…` function also unblocks its signals on the calling thread: a
/// process inherits its parent's signal mask, and a parent that blocked them (some test runners
/// and job runners do) would otherwise leave Ctrl-C without effect. Call them from the main
/// thread.
package enum ProcessSignals {
    /// Ignores `SIGPIPE`, so that writing to a pipe whose reader went away fails with `EPIPE`
    /// (``SystemCallFailure/isBrokenPipe``) instead of ending the process.
    package static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// From now on `SIGINT` (Ctrl-C) and `SIGTERM` set ``isStopRequested`` instead of ending the
    /// process.
    package static func catchStopRequests() {
        signal(SIGINT, onStop)
        signal(SIGTERM, onStop)
        unblock([SIGINT, SIGTERM])
    }

    /// Whether `SIGINT` or `SIGTERM` arrived since ``catchStopRequests()``.
    package static var isStopRequested: Bool { stopRequest.load(ordering: .relaxed) }

    /// For a process drawing on a terminal, from now on:
    /// - `SIGWINCH` (the terminal was resized) sets the redraw request;
    /// - `SIGTSTP` (Ctrl-Z) writes `textBeforeStop` to standard output (such as the escape
    ///   sequence that shows the cursor again), then stops the process the default way;
    /// - `SIGCONT` (resumed, as by `fg`) handles the next `SIGTSTP` the same way again and sets the
    ///   redraw request, since the shell wrote over the screen.
    ///
    /// ``takeRedrawRequest()`` reads and clears the request.
    package static func catchTerminalChanges(writingBeforeStop textBeforeStop: StaticString) {
        suspendText = textBeforeStop
        signal(SIGWINCH, onRedraw)
        signal(SIGTSTP, onSuspend)
        signal(SIGCONT, onContinue)
        unblock([SIGWINCH, SIGTSTP, SIGCONT])
    }

    /// Whether the terminal was resized or the process resumed after a stop since the last call:
    /// the screen must be redrawn from scratch.
    package static func takeRedrawRequest() -> Bool {
        redrawRequest.exchange(false, ordering: .relaxed)
    }

    private static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

private let stopRequest = Atomic<Bool>(false)
private let redrawRequest = Atomic<Bool>(false)
/// Written by `catchTerminalChanges` before the handler that reads it is installed.
nonisolated(unsafe) private var suspendText: StaticString = ""

private func onStop(_ signal: Int32) {
    stopRequest.store(true, ordering: .relaxed)
}

private func onRedraw(_ signal: Int32) {
    redrawRequest.store(true, ordering: .relaxed)
}

/// Writes the text, then stops the process the default way.
private func onSuspend(_ signal: Int32) {
    suspendText.withUTF8Buffer { text in _ = write(STDOUT_FILENO, text.baseAddress, text.count) }
    Glibc.signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
}

/// Back from a stop: handle the next Ctrl-Z again, and ask for a redraw.
private func onContinue(_ signal: Int32) {
    Glibc.signal(SIGTSTP, onSuspend)
    redrawRequest.store(true, ordering: .relaxed)
}
