internal import Dispatch

/// Writes summaries (scalars, images, histograms, text, hyperparameters) into a TensorBoard event
/// file in a log directory.
///
/// ```swift
/// let writer = try SummaryWriter(logdir: "runs/experiment-1")
/// for step in 0..<100 {
///     try writer.addScalar("loss", 1.0 / Double(step + 1), step: step)
/// }
/// try writer.close()
/// ```
///
/// Then `tensorboard --logdir runs` shows the curve.
///
/// Steps may be of any integer type and values of any floating-point type. Each writer makes a
/// new event file; ``init(continuing:marker:options:)`` instead continues the run's own last file,
/// for short-lived processes that each add a few points.
///
/// **Buffering.** Events are framed into memory and reach the file at the latest after
/// ``Options/flushInterval`` (2 s by default), on ``flush()``, on ``close()``, when more than
/// ``Options/maxBufferedBytes`` are waiting, and when the process exits normally. Every record is
/// written whole, so a reader never sees half of one unless the process dies mid-write, and
/// then only at the end of the file.
///
/// **Concurrency.** A writer may be shared by any number of threads and tasks; records from
/// concurrent calls never interleave.
///
/// **Errors.** A failed write is never ignored. When the background flush fails, its error is
/// thrown by the next call on the writer (which then records nothing) or by ``flush()``; the
/// bytes that were not written stay buffered and are retried at the next flush.
public final class SummaryWriter: Sendable {
    /// The log directory, as given.
    public let logdir: String
    /// The path of the event file this writer writes.
    public let path: String
    /// The options the writer was created with.
    public let options: Options

    /// Data waiting to be written, and the state callers see. Taken after `output`, never before.
    private let pending: LockedValue<Pending>
    /// The file and the flush timer. Held for the whole of a write so flushes stay in order.
    private let output: LockedValue<Output>
    /// The custom scalar layout written so far (SummaryWriter+CustomScalars.swift). Taken before
    /// `output` and `pending`, never after.
    let customScalarCharts = LockedValue(CustomScalarCharts())

    private struct Pending {
        var buffer: [UInt8] = []
        var error: SummaryWriterError?
        var closed = false
        /// Events written by ``close()`` just before the file is closed, in key order; each is
        /// made from the time of closing.
        var closingEvents: [String: @Sendable (_ closeTime: Double) -> Event] = [:]
    }

    private struct Output {
        var file: FileDescriptor?
        var spare: [UInt8] = []
        var timer: (any DispatchSourceTimer)?
    }

    /// Creates the log directory if needed and a new event file in it, and writes the file's
    /// first event (`file_version = "brain.Event:2"`).
    ///
    /// - Parameters:
    ///   - logdir: The run's directory: TensorBoard shows each directory holding event files as
    ///     one run, named by its path below the directory given to `tensorboard --logdir`.
    ///   - options: Buffering, flushing and naming; see ``Options``.
    /// - Throws: ``SummaryWriterError`` when a directory (the error names the one that failed) or
    ///   the file cannot be created, or the first event cannot be written.
    public convenience init(logdir: String, options: Options = Options()) throws(SummaryWriterError) {
        do {
            try FileSystem.createDirectories(logdir)
        } catch {
            throw SummaryWriterError(error, path: logdir)
        }
        let now = ProcessInfo.wallTime()
        let (path, file) = try Self.createFile(in: logdir, wallTime: now, suffix: options.filenameSuffix)
        try self.init(
            logdir: logdir, path: path, file: file, header: Self.header(wallTime: now, options: options),
            options: options)
    }

    /// Creates a new event file in `logdir` under the first free name.
    private static func createFile(
        in logdir: String, wallTime: Double, suffix: String
    ) throws(SummaryWriterError) -> (String, FileDescriptor) {
        while true {
            let path = FileSystem.join(logdir, EventFileName.next(wallTime: wallTime, suffix: suffix))
            do {
                return (path, try FileDescriptor.createExclusively(path))
            } catch where error.isAlreadyExists {
                continue  // Someone else has this name (another host sharing the directory): take the next.
            } catch {
                throw SummaryWriterError(error, path: path)
            }
        }
    }

    /// Takes over an open event file: writes `header` at once, then starts the flush timer.
    init(
        logdir: String, path: String, file: FileDescriptor, header: [UInt8], options: Options
    ) throws(SummaryWriterError) {
        self.logdir = logdir
        self.path = path
        self.options = options
        pending = LockedValue(Pending(buffer: header), spinning: true)
        output = LockedValue(Output(file: file))

        // The first event goes out at once, so the file is valid from the start.
        try flush()
        startTimer()
        ExitFlusher.register(self)
    }

    /// The records a writer starts with: the `file_version` event when it starts a new file, and
    /// the purge markers when ``Options/purgeStep`` is set.
    static func header(wallTime now: Double, options: Options, startsFile: Bool = true) -> [UInt8] {
        var header: [UInt8] = []
        if startsFile {
            let version = Event(
                wallTime: now, what: .fileVersion(Event.currentFileVersion),
                sourceMetadata: Event.SourceMetadata(writer: "swift-tfevents"))
            TFRecordFraming.append(ProtobufEncoder.encode(version), to: &header)
        }
        if let purgeStep = options.purgeStep {
            // Twice: TensorBoard's Python loader takes a run's first START as the session's start
            // and purges nothing for it, so a single START purges only when an earlier attempt
            // wrote one too (tensorboardX's `purge_step` has that gap). The second START always
            // counts as a restart; when the first already did, it purges nothing more.
            let start = Event(wallTime: now, step: purgeStep, what: .sessionLog(.init(status: .start)))
            let payload = ProtobufEncoder.encode(start)
            TFRecordFraming.append(payload, to: &header)
            TFRecordFraming.append(payload, to: &header)
        }
        return header
    }

    deinit {
        // Last chance for data nobody closed; an error here has no caller to go to.
        try? close()
    }

    // MARK: Recording

    /// Writes `event` as one record, as it is. The other `add` methods build events and call this.
    ///
    /// - Throws: ``SummaryWriterError`` when the writer is closed or an earlier background flush
    ///   failed (then `event` is not recorded).
    public func add(_ event: Event) throws(SummaryWriterError) {
        let payload = ProtobufEncoder.encode(event)
        try append { buffer in TFRecordFraming.append(payload, to: &buffer) }
    }

    /// Appends framed records to the buffer under the lock, then writes the buffer out if it grew
    /// past the limit.
    func append(_ write: (inout [UInt8]) -> Void) throws(SummaryWriterError) {
        let limit = options.maxBufferedBytes
        let full = try pending.withLock { state throws(SummaryWriterError) -> Bool in
            if state.closed { throw SummaryWriterError(.closed, path: path) }
            if let error = state.error {
                state.error = nil
                throw error
            }
            write(&state.buffer)
            return state.buffer.count >= limit
        }
        if full { try flush() }
    }

    /// Arranges for the event `make` returns, given the wall time of closing, to be written when
    /// the writer is closed, unless a closing event with `key` is already set. Returns whether
    /// it was set. For records that describe the end of a run, such as the hparams session end.
    func setClosingEventOnce(
        key: String, _ make: @escaping @Sendable (_ closeTime: Double) -> Event
    ) throws(SummaryWriterError) -> Bool {
        try pending.withLock { state throws(SummaryWriterError) -> Bool in
            if state.closed { throw SummaryWriterError(.closed, path: path) }
            if state.closingEvents[key] != nil { return false }
            state.closingEvents[key] = make
            return true
        }
    }

    /// The wall time to record: the caller's, or now.
    @inline(__always)
    func resolveWallTime(_ wallTime: Double?) -> Double {
        wallTime ?? ProcessInfo.wallTime()
    }

    // MARK: Flushing and closing

    /// Writes all buffered records to the file (and syncs it when ``Options/syncOnFlush`` is set).
    ///
    /// - Throws: ``SummaryWriterError`` for a failed write or sync, or for an earlier background
    ///   flush that failed. Unwritten bytes stay buffered for the next flush.
    public func flush() throws(SummaryWriterError) {
        try output.withLock { output throws(SummaryWriterError) in
            try flushLocked(&output)
        }
    }

    private func flushLocked(_ output: inout Output) throws(SummaryWriterError) {
        var data = output.spare
        let earlier = pending.withLock { state -> SummaryWriterError? in
            swap(&data, &state.buffer)
            defer { state.error = nil }
            return state.error
        }
        guard let file = output.file else {
            // Closed: nothing can be written any more.
            if !data.isEmpty { throw SummaryWriterError(.closed, path: path) }
            return
        }
        var failure: SummaryWriterError?
        if !data.isEmpty {
            let (written, error) = data.withUnsafeBytes { file.writeAll($0) }
            if let error {
                failure = SummaryWriterError(error, path: path)
                // Put the unwritten bytes back in front of whatever arrived meanwhile.
                let rest = Array(data[written...])
                pending.withLock { state in state.buffer.insert(contentsOf: rest, at: 0) }
            }
        }
        if failure == nil && options.syncOnFlush && !data.isEmpty {
            do throws(FileDescriptor.Failure) {
                try file.sync()
            } catch {
                failure = SummaryWriterError(error, path: path)
            }
        }
        data.removeAll(keepingCapacity: true)
        output.spare = data
        if let failure { throw failure }
        if let earlier { throw earlier }
    }

    /// Flushes, closes the file and stops the timer. Later calls to `add…` throw
    /// ``SummaryWriterError/Kind/closed``; calling `close()` again does nothing.
    ///
    /// - Throws: ``SummaryWriterError`` when the last flush or the close fails.
    public func close() throws(SummaryWriterError) {
        try output.withLock { output throws(SummaryWriterError) in
            let alreadyClosed = pending.withLock { state in
                defer { state.closed = true }
                if !state.closed {
                    let now = ProcessInfo.wallTime()
                    for (_, make) in state.closingEvents.sorted(by: { $0.key < $1.key }) {
                        TFRecordFraming.append(ProtobufEncoder.encode(make(now)), to: &state.buffer)
                    }
                    state.closingEvents = [:]
                }
                return state.closed
            }
            guard !alreadyClosed, let file = output.file else { return }
            output.timer?.cancel()
            output.timer = nil
            ExitFlusher.unregister(self)
            var failure: SummaryWriterError?
            do throws(SummaryWriterError) {
                try flushLocked(&output)
            } catch {
                failure = error
            }
            output.file = nil
            do throws(FileDescriptor.Failure) {
                try file.close()
            } catch {
                failure = failure ?? SummaryWriterError(error, path: path)
            }
            if let failure { throw failure }
        }
    }

    /// The file descriptor, so tests can put a failing file (such as `/dev/full`) in its place.
    package var fileDescriptorForTesting: Int32? {
        output.withLock { $0.file?.rawValue }
    }

    // MARK: Background flushing

    private func startTimer() {
        let interval = options.flushInterval
        let nanoseconds = max(1_000_000, interval.components.seconds * 1_000_000_000
            + interval.components.attoseconds / 1_000_000_000)
        output.withLock { output in
            // Created inside the lock so the timer belongs to the writer's protected state alone.
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            timer.schedule(
                deadline: .now() + .nanoseconds(Int(nanoseconds)), repeating: .nanoseconds(Int(nanoseconds)),
                leeway: .milliseconds(10))
            timer.setEventHandler { [weak self] in
                self?.backgroundFlush()
            }
            timer.resume()
            output.timer = timer
        }
    }

    /// A timer tick: write what is pending; keep a failure for the next caller.
    private func backgroundFlush() {
        let hasData = pending.withLock { !$0.buffer.isEmpty }
        guard hasData else { return }
        do {
            try flush()
        } catch {
            pending.withLock { state in
                if state.error == nil { state.error = error }
            }
        }
    }
}
