/// What a ``LogdirFollower`` reports, in order.
public enum LogdirUpdate: Sendable, Hashable {
    /// A run was found, or its facts changed (first wall time, file version, writer, graph,
    /// hyperparameters).
    case run(Run)
    /// A series was found, or received its metadata. It comes before its first point.
    case series(Series)
    /// New points of a run, in reading order.
    case points(run: String, [Point])
    /// Points reported earlier are no longer what TensorBoard shows: forget the points of the
    /// affected series that ``Rewind/drops(_:)`` says are gone. The ones that survive follow at
    /// once as ``replayed(run:_:)``, so a view that forgot the affected series' points entirely is
    /// right again after them.
    case rewind(Rewind)
    /// The points of the series a ``rewind(_:)`` affected that survive it, in reading order: all
    /// of them, so that a view that forgot the series is complete again (when following started
    /// at ``LogdirFollower/Start/end``, this includes points written before it started).
    case replayed(run: String, [Point])
    /// Something could not be read; reading goes on.
    case problem(ReadProblem)
    /// Everything written so far has been read; the next update waits for new data.
    case caughtUp
}

/// Follows a live log directory: new runs, new event files and records appended to them, as an
/// `AsyncSequence` of ``LogdirUpdate``s. Made by ``SummaryReader/follow(every:from:)``.
///
/// ```swift
/// for await update in try SummaryReader(logdir: "runs").follow(every: .seconds(1), from: .end) {
///     if case .points(let run, let points) = update {
///         for point in points { print(run, point.step, point.value) }
///     }
/// }
/// ```
///
/// The log directory is listed again, and every run read on, every `interval`; an incomplete last
/// record is waited for. The sequence ends only when the task iterating it is cancelled (which
/// also ends a wait at once).
public struct LogdirFollower: AsyncSequence, Sendable {
    public typealias Element = LogdirUpdate

    /// Where following starts.
    public enum Start: Sendable, Hashable {
        /// Every point already written comes first, exactly as TensorBoard shows it (purged points
        /// left out), then what is written from now on.
        case beginning
        /// Only what is written from now on; runs and series already there are reported, their
        /// points are not.
        case end
    }

    let logdir: String
    let options: SummaryReader.Options
    let interval: Duration
    let start: Start

    public func makeAsyncIterator() -> Iterator {
        Iterator(engine: LiveLogdir(logdir: logdir, options: options, start: start), interval: interval)
    }

    /// Reads on when asked for the next update.
    public final class Iterator: AsyncIteratorProtocol {
        private let engine: LiveLogdir
        private let interval: Duration
        private var pending: [LogdirUpdate] = []
        private var index = 0

        init(engine: LiveLogdir, interval: Duration) {
            self.engine = engine
            self.interval = interval
        }

        /// The next update, or `nil` once the task is cancelled.
        public func next() async -> LogdirUpdate? {
            while true {
                if index < pending.count {
                    defer { index += 1 }
                    return pending[index]
                }
                pending.removeAll(keepingCapacity: true)
                index = 0
                if Task.isCancelled { return nil }
                if engine.isCaughtUp {
                    do {
                        try await Task.sleep(for: interval)
                    } catch {
                        return nil
                    }
                }
                engine.step(into: &pending)
            }
        }
    }
}

extension SummaryReader {
    /// Follows the log directory from now on, or from its start; see ``LogdirFollower``.
    ///
    /// The run and tag filters apply; ``Options/filesAreComplete`` does not (a live file's last
    /// record is always waited for).
    ///
    /// - Parameters:
    ///   - interval: How long to wait, once everything written has been read, before looking again.
    ///   - start: Whether points already written are reported.
    public func follow(every interval: Duration = .seconds(1), from start: LogdirFollower.Start) -> LogdirFollower {
        var options = self.options
        options.filesAreComplete = false
        return LogdirFollower(logdir: logdir, options: options, interval: interval, start: start)
    }
}
