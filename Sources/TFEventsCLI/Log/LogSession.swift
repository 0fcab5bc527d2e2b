import Foundation
import TFEvents

/// One invocation's writing: the target file (opened at the first entry), default steps, and
/// one-line failures.
struct LogSession {
    let logdir: String
    private var target: LogTarget?
    private var steps: StepCounter

    init(logdir: String) {
        self.logdir = logdir
        steps = StepCounter(logdir: logdir)
    }

    /// The file written, once one is open.
    var path: String? { target?.path }

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
        guard let target else { return }
        do {
            try target.writer.flush()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Flushes and closes the file, reporting a failure.
    mutating func finish() throws {
        guard let target else { return }
        self.target = nil
        do {
            try target.writer.close()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Closes the file after a failure, quietly (the failure is already being reported).
    mutating func close() {
        try? target?.writer.close()
        target = nil
    }

    private mutating func openedWriter() throws -> SummaryWriter {
        if let target { return target.writer }
        let opened = try LogTarget.open(logdir: logdir, options: SummaryWriter.Options())
        target = opened
        return opened.writer
    }
}
