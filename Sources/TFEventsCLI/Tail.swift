import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents tail LOGDIR`: follows a live log directory like `tail -f`.
    struct Tail: ParsableCommand {
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

                Only scalar series are shown. Points read before their series' metadata (rare: \
                writers put it on a tag's first value) are not shown.

                Examples:
                  tfevents tail runs
                  tfevents tail runs --tags loss | grep -v nan
                  tfevents tail --once runs/demo
                """
        )

        @Argument(help: "The log directory: the directory given to `tensorboard --logdir`.")
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

        func run() throws {
            let filters = try filters.compiled()
            let terminal = Terminal.current
            let out = ByteOutput.standardOutput()
            do {
                if once {
                    if terminal.isInteractive && !lines {
                        try printTableOnce(filters: filters, styled: terminal.allowsStyling, to: out)
                    } else {
                        try printPointsOnce(filters: filters, to: out)
                    }
                } else if terminal.allowsStyling && !lines {
                    try followTable(filters: filters, to: out)
                } else {
                    try followLines(filters: filters, to: out)
                }
                try out.flush()
            } catch is ByteOutput.PipeClosed {
                // The reader of standard output went away (`| head`): stop quietly.
            }
        }

        // MARK: Once

        /// Every surviving point, in reading order, in two passes (see ``PurgeIndex``).
        private func printPointsOnce(filters: CompiledFilters, to out: ByteOutput) throws {
            signal(SIGPIPE, SIG_IGN)
            var problems = ProblemPrinter(filters: filters)
            let progress = ProgressLine()
            let first = try LogdirReader(logdir: logdir, filesAreComplete: true)
            let index = PurgeIndex.scan(first) { item in
                if case .problem(let problem) = item {
                    progress.clear()
                    problems.print(problem, reader: first)
                }
                progress.update { "tail: reading \(logdir): \(first.runs.count) runs" }
            }
            progress.clear()
            try requireRuns(index.runNames, filters: filters)
            let second = try LogdirReader(logdir: logdir, filesAreComplete: true)
            var sieve = PurgeIndex.Sieve(index)
            var wanted: [Bool] = []
            while let item = second.next() {
                sieve.observe(item)
                switch item {
                case .series(let series):
                    while wanted.count <= series.id { wanted.append(false) }
                    let run = sieve.names.runName(series.run)
                    wanted[series.id] =
                        (index.kind(run: run, tag: series.tag) ?? series.kind) == .scalars
                        && filters.includes(run: run) && filters.includes(tag: series.tag)
                case .point(let point):
                    guard sieve.verdict(point) == .survives, wanted[point.series],
                        let value = Self.scalar(point.value)
                    else { continue }
                    try out.write(
                        Self.line(
                            run: sieve.names.runName(of: point), tag: sieve.names.tag(of: point), step: point.step,
                            value: value))
                default:
                    break
                }
            }
        }

        /// The table of what is there now, printed once, without cursor movement.
        private func printTableOnce(filters: CompiledFilters, styled: Bool, to out: ByteOutput) throws {
            let reader = try LogdirReader(logdir: logdir, filesAreComplete: true)
            var state = TailState(filters: filters)
            var problems = ProblemPrinter(filters: filters)
            let progress = ProgressLine()
            while let item = reader.next() {
                if let problem = state.add(item, reader: reader) {
                    progress.clear()
                    problems.print(problem, reader: reader)
                }
                progress.update { "tail: reading \(logdir): \(state.runCount) runs" }
            }
            progress.clear()
            try requireRuns(reader.runs.map(\.name), filters: filters)
            let table = state.table(logdir: logdir, following: false, problemCount: problems.count)
            for line in table.lines(width: TerminalScreen.size().columns, height: nil, now: Date().timeIntervalSince1970) {
                try out.write((styled ? line.styled : line.text) + "\n")
            }
        }

        /// Fails when there is no run, or no run passes `--runs`.
        private func requireRuns(_ names: [String], filters: CompiledFilters) throws {
            guard !names.isEmpty else {
                throw CommandFailure(
                    "\(logdir): no runs here: no file whose name contains 'tfevents' was found in it or below it")
            }
            if let pattern = self.filters.runs, !names.contains(where: filters.includes(run:)) {
                throw CommandFailure(
                    "no run matches --runs '\(pattern)'; the runs are: " + Export.list(names.sorted()))
            }
        }

        // MARK: Following

        /// One line per new point, as it is read.
        private func followLines(filters: CompiledFilters, to out: ByteOutput) throws {
            TailSignals.install(terminal: false)
            var problems = ProblemPrinter(filters: filters)
            var sieve: PurgeIndex.Sieve?
            if fromStart {
                let progress = ProgressLine()
                let first = try LogdirReader(logdir: logdir)
                let index = PurgeIndex.scan(first) { item in
                    if case .problem(let problem) = item {
                        progress.clear()
                        problems.print(problem, reader: first)
                    }
                    progress.update { "tail: reading \(logdir): \(first.runs.count) runs" }
                }
                progress.clear()
                sieve = PurgeIndex.Sieve(index)
            }
            let reader = try LogdirReader(logdir: logdir)
            var names = ItemNames()
            var wanted: [Bool] = []
            var isFirstPass = true
            while TailSignals.stopSignal == 0 {
                while TailSignals.stopSignal == 0, let item = reader.next() {
                    names.observe(item)
                    sieve?.observe(item)
                    switch item {
                    case .series(let series):
                        while wanted.count <= series.id { wanted.append(false) }
                        let run = names.runName(series.run)
                        wanted[series.id] =
                            series.kind == .scalars && filters.includes(run: run) && filters.includes(tag: series.tag)
                    case .point(let point):
                        let verdict = sieve?.verdict(point)
                        if verdict == .dropped || (verdict == nil && isFirstPass) { continue }
                        guard wanted[point.series], let value = Self.scalar(point.value) else { continue }
                        try out.write(
                            Self.line(
                                run: names.runName(of: point), tag: names.tag(of: point), step: point.step,
                                value: value))
                    case .purge(let purge):
                        let isNew = sieve?.isAfterSnapshot(purge) ?? !isFirstPass
                        if isNew { printError(Self.purgeNote(purge, names: names)) }
                    case .problem(let problem):
                        try out.flush()
                        problems.print(problem, reader: reader)
                    case .run, .runEvent:
                        break
                    }
                }
                try out.flush()
                if isFirstPass {
                    isFirstPass = false
                    if isatty(STDERR_FILENO) == 1 {
                        printError(
                            "Following \(reader.runs.count) runs in \(logdir); "
                                + (fromStart ? "" : "new ") + "scalar points appear as they are written. Ctrl-C stops.")
                    }
                }
                if TailSignals.sleep(seconds: interval) { break }
            }
        }

        /// The refreshing table.
        private func followTable(filters: CompiledFilters, to out: ByteOutput) throws {
            TailSignals.install(terminal: true)
            let screen = TerminalScreen(output: out, styled: true)
            defer { try? screen.finish() }
            let reader = try LogdirReader(logdir: logdir)
            var state = TailState(filters: filters)
            var problems = ProblemPrinter(filters: filters)
            let progress = ProgressLine()
            var size = TerminalScreen.size()
            var fromTop = false
            while TailSignals.stopSignal == 0 {
                while TailSignals.stopSignal == 0, let item = reader.next() {
                    if let problem = state.add(item, reader: reader) {
                        progress.clear()
                        try screen.erase()
                        problems.print(problem, reader: reader)
                    }
                    progress.update { "tail: reading \(logdir): \(state.runCount) runs" }
                }
                progress.clear()
                if TailSignals.stopSignal != 0 { break }
                let newSize = TerminalScreen.size()
                if TailSignals.takeRedrawRequest() || newSize != size { fromTop = true }
                size = newSize
                let table = state.table(logdir: logdir, following: true, problemCount: problems.count)
                try screen.draw(
                    table.lines(width: size.columns, height: size.rows, now: Date().timeIntervalSince1970),
                    fromTop: fromTop)
                fromTop = false
                if TailSignals.sleep(seconds: interval) { break }
            }
        }

        // MARK: Formatting

        /// `run  tag  step  value` and a newline.
        static func line(run: String, tag: String, step: Int64, value: Double) -> String {
            escaped(run) + "  " + escaped(tag) + "  " + String(step) + "  " + NumberFormatting.exact(value) + "\n"
        }

        /// The number of a scalar point.
        static func scalar(_ value: LogdirReader.Point.Value) -> Double? {
            if case .scalar(let number) = value { return number }
            return nil
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

        /// What a purge means for lines already printed.
        static func purgeNote(_ purge: LogdirReader.Purge, names: ItemNames) -> String {
            let run = names.runName(purge.run)
            switch purge.reason {
            case .sessionRestart:
                return "note: run \(run) restarted at step \(purge.step): TensorBoard no longer shows its points "
                    + "printed above with a step of \(purge.step) or more."
            case .stepWentBack:
                let tags = (purge.series ?? []).map { names.tag(series: $0) }.joined(separator: ", ")
                return "note: in run \(run), \(tags) went back to step \(purge.step): TensorBoard no longer shows "
                    + "the points printed above with a step of \(purge.step) or more."
            }
        }
    }
}

/// Prints each problem once on standard error, except problems in runs that `--runs` leaves out.
struct ProblemPrinter {
    let filters: CompiledFilters
    private var seen: Set<String> = []

    init(filters: CompiledFilters) {
        self.filters = filters
    }

    /// The number of distinct problems printed.
    var count: Int { seen.count }

    /// Prints `problem` unless it was printed before or is in a run left out; `reader` names the run.
    mutating func print(_ problem: LogdirReader.Problem, reader: LogdirReader) {
        if let run = problem.run, run < reader.runs.count, !filters.includes(run: reader.runs[run].name) { return }
        let text = problem.description
        guard seen.insert(text).inserted else { return }
        printError("warning: " + text)
    }
}
