internal import Glibc

/// Flushes every open writer when the process exits normally (`exit` or returning from `main`),
/// so short scripts that never call `close()` still leave complete files behind.
enum ExitFlusher {
    private final class WeakWriter: Sendable {
        weak let writer: SummaryWriter?
        init(_ writer: SummaryWriter) { self.writer = writer }
    }

    private static let writers = LockedValue<[ObjectIdentifier: WeakWriter]>([:])

    private static let installHandler: Void = {
        atexit { ExitFlusher.flushAll() }
    }()

    /// Starts tracking `writer`.
    static func register(_ writer: SummaryWriter) {
        _ = installHandler
        writers.withLock { $0[ObjectIdentifier(writer)] = WeakWriter(writer) }
    }

    /// Stops tracking `writer`.
    static func unregister(_ writer: SummaryWriter) {
        writers.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(writer)) }
    }

    /// Flushes every tracked writer; errors have no one left to go to at exit.
    static func flushAll() {
        let live = writers.withLock { $0.values.compactMap(\.writer) }
        for writer in live {
            try? writer.flush()
        }
    }
}
