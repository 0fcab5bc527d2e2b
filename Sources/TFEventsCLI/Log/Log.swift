import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents log LOGDIR TAG=VALUE... [--step N]` and `tfevents log LOGDIR --stdin`.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write scalars into a run from a shell script or from any program's output.",
            discussion: """
                LOGDIR is the run's directory (created when missing): the scalars go into an \
                event file directly in it, so `tensorboard --logdir` on its parent shows it as \
                one run. Values are stored as TensorBoard's 32-bit scalars; a value is anything \
                that reads as a floating-point number, including nan, inf and -inf.

                Steps: without --step (or a step on the line), each tag gets one past the last \
                step already written for it in LOGDIR, as TensorBoard shows the run, and 0 for a \
                new tag; within one call it keeps counting. Finding the last steps reads the run \
                once; explicit steps skip that.

                --stdin reads one entry per line, either
                  TAG VALUE [STEP]            fields separated by spaces or tabs, or
                  {"step": 3, "loss": 0.5}    a JSON object: each key is a tag with a number,
                                              except "step" (an integer) and "wall_time"
                                              (seconds since the epoch), both optional.
                JSON numbers may also be NaN, Infinity and -Infinity, as Python's json writes \
                them. Blank lines and lines starting with # are ignored. A malformed line is \
                reported on standard error as `line N: what is wrong` and skipped; every good \
                line is written. Lines are written as they arrive and flushed whenever standard \
                input has nothing more ready, so a live pipe shows up at TensorBoard's next reload.

                Calls from a loop continue one file: the run's last event file is appended to \
                when `tfevents log` made it (its name ends in .cli), no other `tfevents log` \
                holds it (after waiting up to a second) and it ends with a complete record; \
                otherwise a new file is made, named to sort after the others.

                Exit status: 0 when everything was written; 1 when a line was malformed (the \
                good lines are still written) or the file cannot be written, for example on a \
                full or read-only disk; 64 for a usage error such as a bad TAG=VALUE (then \
                nothing is written).

                Examples:
                  tfevents log runs/exp1 loss=0.25 accuracy=0.91 --step 100
                  for i in 1 2 3; do tfevents log runs/exp1 queue_length=$RANDOM; done
                  printf 'loss 0.5 10\\nloss 0.4 20\\n' | tfevents log runs/exp1 --stdin
                  python train.py | grep --line-buffered '^{' | tfevents log runs/exp1 --stdin
                """
        )

        @Argument(help: "The run's directory; the scalars are written into an event file directly in it.")
        var logdir: String

        @Argument(help: "Scalars as TAG=VALUE, for example loss=0.25 (the last '=' separates the value).")
        var assignments: [String] = []

        @Option(help: "The step of every TAG=VALUE (default: one past each tag's last step).")
        var step: Int64?

        @Option(name: .customLong("wall-time"), help: "The wall time of every TAG=VALUE, in seconds since the epoch (default: now).")
        var wallTime: Double?

        @Flag(name: .customLong("stdin"), help: "Read scalars from standard input, one entry per line (see above).")
        var readsStandardInput = false

        func validate() throws {
            if readsStandardInput {
                guard assignments.isEmpty else {
                    throw ValidationError("give TAG=VALUE arguments or --stdin, not both")
                }
                guard step == nil && wallTime == nil else {
                    throw ValidationError(
                        "--step and --wall-time apply to TAG=VALUE arguments; with --stdin, give STEP on the line "
                            + "or \"step\" and \"wall_time\" in the JSON object")
                }
                return
            }
            guard !assignments.isEmpty else { throw ValidationError("give at least one TAG=VALUE, or --stdin") }
            if let wallTime, !wallTime.isFinite {
                throw ValidationError("--wall-time must be a finite number of seconds, got \(wallTime)")
            }
            _ = try entryFromArguments()
        }

        private func entryFromArguments() throws -> LogEntry {
            var values: [LogEntry.Value] = []
            var tags: Set<String> = []
            for argument in assignments {
                let value: LogEntry.Value
                do {
                    value = try LogInput.assignment(argument)
                } catch {
                    throw ValidationError(error.message)
                }
                guard tags.insert(value.tag).inserted else {
                    throw ValidationError("\(value.tag) is given twice; give one value per tag (use --stdin for a series)")
                }
                values.append(value)
            }
            return LogEntry(values: values, step: step, wallTime: wallTime)
        }

        func run() throws {
            if readsStandardInput {
                try runStandardInput()
            } else {
                let entry = try entryFromArguments()
                var session = LogSession(logdir: logdir)
                defer { session.close() }
                do {
                    try session.write(entry) { printError("warning: " + $0) }
                } catch let error as LogInputError {
                    throw CommandFailure(error.message)
                }
                try session.finish()
            }
        }

        private func runStandardInput() throws {
            var session = LogSession(logdir: logdir)
            defer { session.close() }
            var lines = InputLines()
            var written = 0
            var malformed = 0
            while let line = try lines.next(beforeWaiting: { try session.flush() }) {
                guard let text = line.text else {
                    malformed += 1
                    printError("line \(line.number): \(line.problem ?? "unreadable")")
                    continue
                }
                do {
                    guard let entry = try LogInput.line(text) else { continue }
                    try session.write(entry) { printError("line \(line.number): warning: " + $0) }
                    written += 1
                } catch let error as LogInputError {
                    malformed += 1
                    printError("line \(line.number): \(error.message)")
                }
            }
            let destination = session.path.map { " to \($0)" } ?? ""
            try session.finish()
            if malformed > 0 {
                printError(
                    "\(malformed) malformed \(malformed == 1 ? "line was" : "lines were") skipped; "
                        + "\(written) \(written == 1 ? "line was" : "lines were") written\(destination)")
                throw ExitCode.failure
            }
        }
    }
}
