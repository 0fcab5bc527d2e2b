import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents tail LOGDIR`: follows a live log directory like `tail -f`.
    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow the scalars of a live log directory, like tail -f.",
            discussion: """
                On a terminal, shows a table that refreshes every --interval seconds: one row per \
                run and scalar tag with the last step and value, steps per second (over the last \
                20 points, from the writer's wall times), the age of the last point and a \
                sparkline of the last 20 values. Rows whose last value is NaN or infinite are \
                red. The table is redrawn in place, below what was on the screen, and stays there \
                when you press Ctrl-C.

                When standard output is not a terminal (or with --lines, or when NO_COLOR is set), \
                prints each new scalar point as one line, `run  tag  step  value`, fields two \
                spaces apart, as soon as it is read. The value has full precision: the stored \
                float32 as the shortest decimal that reads back as it (0.1 is \
                0.10000000149011612), nan, inf or -inf. Control characters in run names and tags \
                are escaped (\\n, \\t, \\xHH), so every point is one line; the last two fields never \
                hold spaces, so `awk '{print $NF}'` gets the value. Like `tail -f`, only points \
                written after the start are printed; --from-start prints the points already there \
                first.

                New runs and new event files are picked up, a record that is still being written \
                is waited for, and damaged records are reported once on standard error while \
                reading goes on. When a restarted writer purges earlier steps (as TensorBoard \
                drops them), the table forgets them; in line mode, points already printed cannot \
                be taken back, so a note on standard error says which steps TensorBoard no longer \
                shows. Ctrl-C or SIGTERM stops it with status 0, the terminal restored.

                --once reads what is there now and exits: the table on a terminal, otherwise every \
                point TensorBoard shows, purged points left out (the same points as `tfevents \
                export`), with damage reported on standard error.

                Only scalar series are shown.

                Examples:
                  tfevents tail runs
                  tfevents tail runs --tags loss | grep -v nan
                  tfevents tail --once runs/demo
                """
        )

        @Argument(help: "The log directory: the directory given to `tensorboard --logdir`, or s3://BUCKET/PREFIX.")
        var logdir: String

        @OptionGroup var filters: FilterOptions

        @Option(help: ArgumentHelp("Seconds between looks for new data (0.05 to 3600).", valueName: "seconds"))
        var interval: Double = 1

        @Flag(help: "Print what is there now and exit, instead of following.")
        var once = false

        @Flag(help: "In line mode, print the points already written before following.")
        var fromStart = false

        @Flag(help: "Print one line per point even on a terminal, instead of the table.")
        var lines = false

        func validate() throws {
            guard interval.isFinite, interval >= 0.05, interval <= 3600 else {
                throw ValidationError("--interval must be between 0.05 and 3600 seconds, got \(interval).")
            }
        }

        func run() async throws {
            let filters = try filters.compiled()
            let terminal = TerminalOutput.current
            let out = ByteOutput.standardOutput()
            let reader: SummaryReader
            let options = try LogdirSource.options(for: logdir, runs: filters.runs, tags: filters.tags)
            do {
                reader = try SummaryReader(logdir: logdir, options: options)
            } catch {
                throw CommandFailure(error.description)
            }
            do {
                if once {
                    try requireRuns(reader)
                    if terminal.isInteractive && !lines {
                        try printTableOnce(reader, filters: filters, styled: terminal.allowsStyling, to: out)
                    } else {
                        try printPointsOnce(reader, filters: filters, to: out)
                    }
                    try out.flush()
                } else {
                    try await follow(reader, table: terminal.allowsStyling && !lines, filters: filters)
                }
            } catch is ByteOutput.PipeClosed {
                // The reader of standard output went away (`| head`): stop quietly.
            }
        }

        // MARK: Once

        /// Every point TensorBoard shows, run by run, in reading order.
        private func printPointsOnce(_ reader: SummaryReader, filters: CompiledFilters, to out: ByteOutput) throws {
            ProcessSignals.ignoreBrokenPipe()
            var problems = ProblemPrinter(filters: filters)
            for problem in reader.listing.problems { problems.print(problem) }
            for run in reader.runs {
                var scalar: [Bool] = []
                var tags: [String] = []
                for item in reader.read(run) {
                    switch item {
                    case .series(let series):
                        while scalar.count <= series.id {
                            scalar.append(false)
                            tags.append("")
                        }
                        scalar[series.id] = series.kind == .scalars
                        tags[series.id] = series.tag
                    case .point(let point):
                        guard scalar[point.series], let value = point.value.scalar else { continue }
                        try out.write(Self.line(run: run.name, tag: tags[point.series], step: point.step, value: value))
                    case .problem(let problem):
                        problems.print(problem)
                    }
                }
            }
        }

        /// The table of what is there now, printed once, without cursor movement.
        private func printTableOnce(
            _ reader: SummaryReader, filters: CompiledFilters, styled: Bool, to out: ByteOutput
        ) throws {
            var state = TailState(filters: filters)
            var problems = ProblemPrinter(filters: filters)
            let progress = ProgressLine()
            for problem in reader.listing.problems { problems.print(problem) }
            for run in reader.runs {
                progress.update { "tail: reading \(logdir): \(run.name)" }
                state.add(run: run.name)
                for item in reader.read(run) {
                    switch item {
                    case .series(let series): state.add(series)
                    case .point(let point): state.add([point], run: run.name)
                    case .problem(let problem):
                        progress.clear()
                        problems.print(problem)
                    }
                }
            }
            progress.clear()
            let table = state.table(logdir: logdir, following: false, problemCount: problems.count)
            for line in table.lines(width: TerminalScreen.size().columns, height: nil, now: Date().timeIntervalSince1970) {
                try out.write((styled ? line.styled : line.text) + "\n")
            }
        }

        /// Fails when there is no run, or no run passes `--runs`.
        private func requireRuns(_ reader: SummaryReader) throws {
            let names = reader.listing.runs.map(\.name)
            guard !names.isEmpty else {
                throw CommandFailure(
                    "\(logdir): no runs here: no file whose name contains 'tfevents' was found in it or below it")
            }
            if let pattern = self.filters.runs, reader.runs.isEmpty {
                throw CommandFailure("no run matches --runs '\(pattern)'; the runs are: " + Export.list(names))
            }
        }

        // MARK: Following

        /// Follows the log directory until Ctrl-C or SIGTERM.
        private func follow(_ reader: SummaryReader, table: Bool, filters: CompiledFilters) async throws {
            TailSignals.install(terminal: table)
            let updates = reader.follow(
                every: .nanoseconds(Int64(interval * 1e9)), from: table || fromStart ? .beginning : .end)
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Signal handlers only set a flag; this turns it into a cancellation, which also
                // ends the follower's wait for new data at once.
                group.addTask {
                    while !Task.isCancelled && !TailSignals.isStopRequested {
                        try? await Task.sleep(for: .milliseconds(50))
                    }
                }
                group.addTask {
                    let out = ByteOutput.standardOutput()
                    do {
                        if table {
                            try await followTable(updates, filters: filters, to: out)
                        } else {
                            try await followLines(updates, filters: filters, to: out)
                        }
                        try out.flush()
                    } catch is ByteOutput.PipeClosed {
                        // The reader of standard output went away (`| head`): stop quietly.
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }

        /// One line per new point, as it is read.
        private func followLines(_ updates: LogdirFollower, filters: CompiledFilters, to out: ByteOutput) async throws {
            var problems = ProblemPrinter(filters: filters)
            var tags: [String: [Int: String]] = [:]  // scalar series: run, id, tag
            var announced = false
            for await update in updates {
                switch update {
                case .series(let series):
                    if series.kind == .scalars { tags[series.run, default: [:]][series.id] = series.tag }
                case .points(let run, let points):
                    guard let runTags = tags[run] else { continue }
                    for point in points {
                        guard let tag = runTags[point.series], let value = point.value.scalar else { continue }
                        try out.write(Self.line(run: run, tag: tag, step: point.step, value: value))
                    }
                case .rewind(let rewind):
                    // Lines already printed cannot be taken back: say what TensorBoard no longer shows.
                    try out.flush()
                    printError(Self.rewindNote(rewind, tags: tags[rewind.run] ?? [:]))
                case .replayed:
                    break
                case .problem(let problem):
                    try out.flush()
                    problems.print(problem)
                case .caughtUp:
                    try out.flush()
                    if !announced {
                        announced = true
                        if Terminal.isTerminal(.standardError) {
                            printError(
                                "Following \(tags.count) runs in \(logdir); " + (fromStart ? "" : "new ")
                                    + "scalar points appear as they are written. Ctrl-C stops.")
                        }
                    }
                case .run:
                    break
                }
            }
        }

        /// The refreshing table.
        private func followTable(_ updates: LogdirFollower, filters: CompiledFilters, to out: ByteOutput) async throws {
            let screen = TerminalScreen(output: out, styled: true)
            defer { try? screen.finish() }
            var state = TailState(filters: filters)
            var problems = ProblemPrinter(filters: filters)
            let progress = ProgressLine()
            var size = TerminalScreen.size()
            var fromTop = false
            for await update in updates {
                switch update {
                case .run(let run): state.add(run: run.name)
                case .series(let series): state.add(series)
                case .points(let run, let points), .replayed(let run, let points): state.add(points, run: run)
                case .rewind(let rewind): state.apply(rewind)
                case .problem(let problem):
                    progress.clear()
                    try screen.erase()
                    problems.print(problem)
                case .caughtUp:
                    progress.clear()
                    let newSize = TerminalScreen.size()
                    if TailSignals.takeRedrawRequest() || newSize != size { fromTop = true }
                    size = newSize
                    let table = state.table(logdir: logdir, following: true, problemCount: problems.count)
                    try screen.draw(
                        table.lines(width: size.columns, height: size.rows, now: Date().timeIntervalSince1970),
                        fromTop: fromTop)
                    fromTop = false
                    continue
                }
                progress.update { "tail: reading \(logdir): \(state.runCount) runs" }
            }
        }

        // MARK: Formatting

        /// `run  tag  step  value` and a newline.
        static func line(run: String, tag: String, step: Int64, value: Double) -> String {
            escaped(run) + "  " + escaped(tag) + "  " + String(step) + "  " + NumberFormatting.exact(value) + "\n"
        }

        /// Control characters as `\n`, `\r`, `\t` or `\xHH`, so that a name stays on one line.
        static func escaped(_ name: String) -> String {
            guard name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return name }
            var text = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    text += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: text.unicodeScalars.append(scalar)
                }
            }
            return text
        }

        /// What a rewind means for lines already printed.
        static func rewindNote(_ rewind: Rewind, tags: [Int: String]) -> String {
            switch rewind.reason {
            case .restart:
                return "note: run \(rewind.run) restarted at step \(rewind.step): TensorBoard no longer shows its points "
                    + "printed above with a step of \(rewind.step) or more."
            case .stepWentBack:
                let names = (rewind.series ?? []).compactMap { tags[$0] }.joined(separator: ", ")
                return "note: in run \(rewind.run), \(names) went back to step \(rewind.step): TensorBoard no longer "
                    + "shows the points printed above with a step of \(rewind.step) or more."
            case .metadata:
                let names = (rewind.series ?? []).compactMap { tags[$0] }.joined(separator: ", ")
                return "note: in run \(rewind.run), \(names) received its metadata after its first points: "
                    + "TensorBoard reads them again as its plugin reads them."
            }
        }
    }
}
