import ArgumentParser
import Foundation
import TFEvents

extension ScalarChartStyle.XAxis: ExpressibleByArgument {}
extension ScalarChartStyle.Band: ExpressibleByArgument {}
extension ChartTheme: ExpressibleByArgument {}

extension TFEventsCommand {
    /// `tfevents plot LOGDIR... --tags REGEX`: one chart of scalar tags over every run, as an SVG
    /// file or drawn in the terminal.
    ///
    /// Reading, naming, filtering and grouping are those of `summary` and `report`
    /// (``LogdirSet``, ``ScalarChartSet``); drawing is ``SVGLineChart`` or ``TerminalLineChart``.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plot",
            abstract: "Draw scalar tags of every run as one chart: an SVG file, or in the terminal.",
            discussion: """
                One line per run, smoothed as TensorBoard smooths (--smoothing, 0.6 by default) over a \
                faint line of the raw values. When --tags matches several tags, each run gets a line per \
                tag in one chart, coloured by run and dashed by tag (legend 'run · tag'), so that train \
                and validation curves of a run share a colour; choose tags that share a scale. Without \
                --tags, a log directory with a single scalar tag is plotted, and several tags are listed.

                With --group or --group-by-hparams, each group is drawn as the mean of its runs at the \
                steps they all have, with a band (--band: one standard deviation either side, or the \
                runs' minimum to maximum).

                --output FILE.svg writes a standalone SVG (no external references, system fonts) for \
                READMEs, CI artifacts and papers; --output - writes it to standard output. Without \
                --output the chart is drawn in the terminal with braille dots, coloured unless NO_COLOR \
                is set or the output is not a terminal, sized to the terminal (or COLUMNS and LINES, \
                or 80 x 24 when piped); --width and --height then count characters and lines.

                Examples:
                  tfevents plot runs/demo --tags train/loss
                  tfevents plot runs/demo --tags loss --output loss.svg
                  tfevents plot runs/seeds --tags accuracy --group 'seed_?\\d+' --band minmax --output acc.svg
                """
        )

        @Argument(help: "The log directories to read: what you would give to `tensorboard --logdir`.")
        var logdirs: [String]

        @OptionGroup var filters: FilterOptions

        @OptionGroup var grouping: GroupOptions

        @Option(help: "TensorBoard's smoothing weight, from 0 (raw values) to below 1.")
        var smoothing: Double = Smoothing.defaultWeight

        @Option(help: "The band around a group's mean line.")
        var band: ScalarChartStyle.Band = .std

        @Option(name: .customLong("x"), help: "What the x axis shows: the step, the time since each line's first point, or the wall time (local).")
        var xAxis: ScalarChartStyle.XAxis = .step

        @Flag(help: "A logarithmic y axis (values that are not positive are marked at its bottom edge).")
        var logY = false

        @Option(help: "The width: of the SVG in pixels (800 by default), or of the terminal chart in characters.")
        var width: Int?

        @Option(help: "The height: of the SVG in pixels (450 by default), or of the terminal chart in lines.")
        var height: Int?

        @Option(help: "The chart's title (the tags by default).")
        var title: String?

        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Write an SVG file instead of drawing in the terminal ('-': the SVG to standard output).", valueName: "file.svg"))
        var output: String?

        @Option(help: "Colours for a light or a dark background (default: light for SVG, dark in the terminal).")
        var theme: ChartTheme?

        func validate() throws {
            guard smoothing.isFinite, smoothing >= 0, smoothing < 1 else {
                throw ValidationError("--smoothing must be at least 0 and below 1 (TensorBoard's slider goes to 0.999).")
            }
            let svg = output != nil
            if let width, width < (svg ? 200 : 30) || width > 20_000 {
                throw ValidationError("--width must be from \(svg ? "200 pixels" : "30 characters") to 20000.")
            }
            if let height, height < (svg ? 150 : 8) || height > 20_000 {
                throw ValidationError("--height must be from \(svg ? "150 pixels" : "8 lines") to 20000.")
            }
            if output == "" { throw ValidationError("--output needs a file name, or '-' for standard output.") }
            try LogdirSet.validate(logdirs)
        }

        func run() throws {
            let filters = try self.filters.compiled()
            let grouping = try self.grouping.grouping()
            let set = try LogdirSet(logdirs, filters: filters)
            let progress = ProgressLine()
            var perLogdir: [[RunContents]] = []
            var pointCount = 0
            for reader in set.readers {
                let done = pointCount
                let logdir = reader.logdir
                let contents = reader.contents(kinds: [.scalars]) { total in
                    progress.update { "reading \(logdir): \(done + total) points" }
                }
                for problem in contents.problems + contents.runs.flatMap(\.problems) {
                    progress.printMessage("warning: \(problem)")
                }
                pointCount += contents.runs.reduce(0) { $0 + $1.series.reduce(0) { $0 + $1.points.count } }
                perLogdir.append(contents.runs)
            }
            progress.clear()
            let names = set.shownNames(perLogdir.map { $0.map(\.run.name) })
            let runs = zip(perLogdir, names).flatMap { runs, names in
                zip(runs, names).map { ScalarChartSet.ShownRun(name: $1, contents: $0) }
            }
            guard !runs.isEmpty else {
                throw CommandFailure("No run matches --runs '\(self.filters.runs ?? "")'.")
            }
            let chartSet = ScalarChartSet(runs: runs, tags: filters.tags, grouping: grouping)
            try checkTags(chartSet)

            let firstWallTime = chartSet.charts.lazy.flatMap(\.lines).compactMap { $0.wallTimes.first }.min() ?? 0
            let style = ScalarChartStyle(
                smoothing: smoothing, band: band, x: xAxis, logarithmicY: logY,
                utcOffset: CalendarTime(local: Int64(firstWallTime.isFinite ? firstWallTime : 0))?.utcOffset ?? 0)
            if let output {
                let data = LineChartData(scalars: chartSet, style: style, title: title)
                let chart = SVGLineChart(
                    data: data, width: Double(width ?? 800), height: Double(height ?? 450), theme: theme ?? .light)
                try write(chart.render(), to: output == "-" ? nil : output)
            } else {
                let data = LineChartData(scalars: chartSet, style: style, title: title, drawsRaw: false)
                let terminal = TerminalOutput.current
                let size = Self.terminalSize(isTerminal: terminal.isInteractive, width: width, height: height)
                let chart = TerminalLineChart(
                    data: data, columns: size.columns - 1, rows: size.rows - 1,
                    colors: TerminalColors.current(terminal, environment: ProcessInfo.processInfo.environment),
                    theme: theme ?? .dark)
                try write(chart.render().joined(separator: "\n") + "\n", to: nil)
            }
        }

        /// Refuses a plot with nothing to draw, or one that mixes every tag without being asked to.
        private func checkTags(_ set: ScalarChartSet) throws {
            let tags = set.charts.map(\.tag)
            if tags.isEmpty {
                throw CommandFailure(
                    filters.tags.map { "No scalar tag matches --tags '\($0)'." } ?? "The runs hold no scalars.")
            }
            if filters.tags == nil && tags.count > 1 {
                throw ValidationError(
                    "The runs hold \(tags.count) scalar tags; choose those to plot with --tags REGEX "
                        + "(one chart holds tags that share a scale): " + tags.joined(separator: ", ") + ".")
            }
        }

        private func write(_ text: String, to path: String?) throws {
            let output = try path.map(ByteOutput.init(creatingFile:)) ?? ByteOutput.standardOutput()
            do {
                try output.write(text)
                try output.close()
            } catch is ByteOutput.PipeClosed {
                return
            }
        }

        /// The terminal chart's size in characters and lines: --width and --height, else `COLUMNS`
        /// and `LINES` (as ``Terminal/columns(of:)`` reads `COLUMNS`), else the terminal's size,
        /// else 80 x 24; never wider than a terminal of known size.
        static func terminalSize(
            isTerminal: Bool, width: Int?, height: Int?,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) -> (columns: Int, rows: Int) {
            let known = isTerminal ? Terminal.size(of: .standardOutput) : nil
            let knownColumns = known.flatMap { $0.columns > 0 ? $0.columns : nil }
            var columns = max(30, width ?? Terminal.columns(variable: environment["COLUMNS"], terminal: knownColumns))
            if let knownColumns { columns = min(columns, knownColumns) }
            let lines = environment["LINES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            let knownRows = known.flatMap { $0.rows > 0 ? $0.rows : nil }
            return (columns, max(8, height ?? lines ?? knownRows ?? 24))
        }
    }
}
