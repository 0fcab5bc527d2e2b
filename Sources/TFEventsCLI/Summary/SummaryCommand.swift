import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents summary LOGDIR...`: the comparison table, one row per run.
    ///
    /// It reads each log directory once, keeping running statistics per tag (``LogdirSummarizer``),
    /// and prints them as a table, Markdown, CSV or JSON (``SummaryJSON`` is the JSON contract).
    /// Damaged records are reported on standard error and in the JSON; they never stop the summary.
    struct SummaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "Compare runs: one row per run, a column per scalar tag.",
            discussion: """
                Reads every run below each LOGDIR as TensorBoard does (same run names, same points, \
                purges applied) and prints one row per run: a column per scalar tag with the chosen \
                statistic, a column per hyperparameter, then the number of points of each image, \
                histogram, text, audio and PR-curve tag and of each mesh. With several log directories, a log \
                directory's own run is named after it, and when run names clash every run is named \
                LOGDIR/RUN, LOGDIR being the directory's last path component. With several log directories, --runs also \
                matches LOGDIR/RUN.

                On a terminal, without --format, the table is fitted to the terminal's width (or \
                to COLUMNS when set) so that no row wraps: printed as it is when it fits, else \
                transposed (a row per tag or hyperparameter, a column per run) when that fits, \
                else cut into blocks of columns that each fit, each repeating the first column; \
                names too long even for that are shortened in the middle with '…'. Piped output \
                and every --format print the table whole.

                --group REGEX (or --group-by-hparams) folds runs into groups, such as the seeds of \
                one configuration: one row per group with its number of runs, each scalar tag's \
                statistic (--stat, per run) as the mean ± the population standard deviation over \
                the group's runs, and the hyperparameters they share. CSV gives the mean and std \
                in columns TAG and 'TAG std'; JSON adds "groups" (with min and max as well); \
                --sort takes a scalar tag (its mean) or a shared hyperparameter.

                --format json prints every statistic of every tag (count, first and last step and \
                value, min, max, mean, NaN and infinity counts), image sizes, histogram ranges, the \
                last text, the format of the last audio clips, the thresholds of the last PR curve, \
                mesh sizes, the custom scalars layout, hyperparameters and problems, in a stable format (see the README). \
                Damaged records are reported on standard error and do not stop the summary. The \
                exit status is 1 when a log directory is missing or holds no run, 64 for a usage error.

                Examples:
                  tfevents summary runs/demo
                  tfevents summary runs/demo --stat best --sort=-validation/accuracy
                  tfevents summary runs/exp1 runs/exp2 --runs lr_ --format markdown
                  tfevents summary runs --group 'seed_?\\d+' --stat best --sort validation/loss
                """
        )

        /// The output formats.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case table, markdown, csv, json
        }

        @Argument(help: "The log directories to read: what you would give to `tensorboard --logdir`, or s3://BUCKET/PREFIX.")
        var logdirs: [String]

        @Option(
            help: """
                The statistic of each scalar tag in tables. 'best' is the minimum for tags matching \
                'loss|error|err' (any case) and the maximum otherwise; see --minimize and --maximize.
                """)
        var stat: Statistic = .last

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                """
                Sort the rows by a scalar tag (by its statistic: TAG:STAT, or --stat), a \
                hyperparameter, or an image, histogram, text, audio or PR-curve tag or a mesh (by count). \
                Ascending; a leading \
                '-' (--sort=-TAG) sorts descending. Runs without a value come last.
                """, valueName: "[-]TAG[:STAT]"))
        var sort: String?

        @Flag(help: "Sort in descending order (as a leading '-' in --sort does).")
        var descending = false

        @OptionGroup var objectiveOptions: ObjectiveOptions

        @OptionGroup var filters: FilterOptions

        @OptionGroup var grouping: GroupOptions

        @Option(help: "The output format (default: a table, fitted to the width of a terminal).")
        var format: Format?

        func validate() throws {
            if descending && sort == nil {
                throw ValidationError("--descending needs --sort.")
            }
            try LogdirSet.validate(logdirs)
        }

        func run() throws {
            let filters = try self.filters.compiled()
            let objective = try objectiveOptions.rule()
            let set = try LogdirSet(logdirs, filters: filters)
            let progress = ProgressLine()
            var groups: [[ShownRun]] = []
            var logdirProblems: [ReadProblem] = []
            var pointCount = 0
            for reader in set.readers {
                let done = pointCount
                let logdir = reader.logdir
                let runCount = reader.listing.runs.count
                let summary = reader.summarize { total in
                    progress.update { "reading \(logdir): \(runCount) runs, \(done + total) points" }
                }
                pointCount += summary.pointCount
                for problem in summary.problems + summary.runs.flatMap(\.problems) {
                    progress.printMessage("warning: \(problem)")
                }
                groups.append(summary.runs.map(ShownRun.init))
                logdirProblems += summary.problems
            }
            progress.clear()

            let names = set.shownNames(groups.map { $0.map(\.runName) })
            var runs = zip(groups, names).flatMap { group, names in
                zip(group, names).map { run, name in
                    var run = run
                    run.name = name
                    return run
                }
            }
            guard !runs.isEmpty else {
                throw CommandFailure("No run matches --runs '\(self.filters.runs ?? "")'.")
            }
            if let grouping = try grouping.grouping() {
                var table = GroupSummaryTable(
                    groups: SummaryGroup.groups(runs, grouping: grouping, statistic: stat, objective: objective))
                if let sort { table = try table.sorted(by: sort, descending: descending) }
                FileHandle.standardOutput.write(Data(groupOutput(table, runs: runs, logdirProblems: logdirProblems).utf8))
                return
            }
            if let sort {
                runs = try SortKey(text: sort, descending: descending).sorted(
                    runs, statistic: stat, objective: objective)
            }
            let output: String
            switch format ?? .table {
            case .json:
                // A run at a time: the document of thousands of runs is large.
                let out = ByteOutput.standardOutput()
                try SummaryJSON.writePretty(runs: runs, logdirProblems: logdirProblems) { try out.write($0) }
                try out.flush()
                return
            case .table:
                let table = SummaryTable(runs: runs, statistic: stat, objective: objective)
                // An explicit --format table stays whole, as the way to get every row on one line.
                if format == nil, let width = TerminalOutput.current.tableWidth {
                    output = table.fitted(width: width)
                } else {
                    output = table.plain()
                }
            case .markdown:
                output = SummaryTable(runs: runs, statistic: stat, objective: objective).markdown()
            case .csv:
                output = SummaryTable(runs: runs, statistic: stat, objective: objective).csv()
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }

        /// The `--group` table in the chosen format; JSON is the usual document with a `groups` member added.
        private func groupOutput(_ table: GroupSummaryTable, runs: [ShownRun], logdirProblems: [ReadProblem]) -> String {
            switch format ?? .table {
            case .json:
                guard case .object(var fields) = SummaryJSON.document(runs: runs, logdirProblems: logdirProblems) else {
                    return ""
                }
                fields.append(("groups", table.json(statistic: stat)))
                return JSONValue.object(fields).pretty() + "\n"
            case .table:
                if format == nil, let width = TerminalOutput.current.tableWidth {
                    return FittedTable(table.textTable(), width: width).renderPlain()
                }
                return table.textTable().renderPlain()
            case .markdown: return table.textTable().renderMarkdown()
            case .csv: return table.csv()
            }
        }
    }
}
