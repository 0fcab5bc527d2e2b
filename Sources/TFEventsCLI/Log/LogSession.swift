import Foundation
import TFEvents

/// One invocation's writing: the writer (opened at the first entry), default steps, and
/// one-line failures.
///
/// The writer continues the run's last file when `tfevents log` made it and no other call holds
/// it, and holds it until the session ends, so concurrent calls take turns; see
/// `SummaryWriter(continuing:marker:options:)` for the whole policy.
struct LogSession {
    /// Ends the names of the files `tfevents log` makes and continues:
    /// `events.out.tfevents.<secs>.<host>.<pid>.<n>.cli`.
    static let marker = ".cli"

    let logdir: String
    private var writer: SummaryWriter?
    private var steps: StepCounter

    init(logdir: String) {
        self.logdir = logdir
        steps = StepCounter(logdir: logdir)
    }

    /// The file written, once one is open.
    var path: String? { writer?.path }

    /// Writes the entry's values, each at the entry's step or its tag's next step.
    ///
    /// - Throws: ``LogInputError`` when a tag has no next step (nothing of the entry is written);
    ///   ``CommandFailure`` when the file cannot be opened or written.
    mutating func write(_ entry: LogEntry, warn: (String) -> Void) throws {
        // Open (and lock) the file first, so that default steps are read under the lock.
        let writer = try openedWriter()
        var resolved: [(LogEntry.Value, Int64)] = []
        for value in entry.values {
            resolved.append((value, try entry.step ?? steps.defaultStep(for: value.tag)))
        }
        let wallTime = entry.wallTime ?? Date().timeIntervalSince1970
        for (value, step) in resolved {
            if value.value.isFinite && !Float(value.value).isFinite {
                warn(
                    "\(value.tag): \(value.value) is beyond the range of TensorBoard's 32-bit scalars; stored as "
                        + "\(Float(value.value))")
            }
            do {
                try writer.addScalar(value.tag, value.value, step: step, wallTime: wallTime)
            } catch {
                throw CommandFailure(error.description)
            }
            steps.wrote(value.tag, at: step)
        }
    }

    /// Writes what is buffered to the file.
    func flush() throws {
        guard let writer else { return }
        do {
            try writer.flush()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Flushes and closes the file, reporting a failure.
    mutating func finish() throws {
        guard let writer else { return }
        self.writer = nil
        do {
            try writer.close()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Closes the file after a failure, quietly (the failure is already being reported).
    mutating func close() {
        try? writer?.close()
        writer = nil
    }

    private mutating func openedWriter() throws -> SummaryWriter {
        if let writer { return writer }
        do {
            let opened = try SummaryWriter(continuing: logdir, marker: Self.marker)
            writer = opened
            return opened
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
