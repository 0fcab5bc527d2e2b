import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents report LOGDIR...`: one self-contained HTML file to open in any browser or mail.
    ///
    /// The command only reads (``ReportInput``) and writes; the page is made by
    /// ``ReportDocument`` from its sections.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write one HTML file that shows the runs: overview, charts, images and text.",
            discussion: """
                Reads every run below each LOGDIR as TensorBoard does and writes a single HTML file \
                that works offline in any current browser: everything is inside it (no request to any \
                other address; images are data: URIs), so it can be mailed or archived.

                It holds an overview (a row per run, or per group, with its hyperparameters and the best \
                and last value of each scalar tag, sortable; columns equal in every row folded away), a \
                chart per scalar tag grouped by the part of the tag before its first '/', with \
                TensorBoard's smoothing adjustable in the page, the last image and text of each tag per \
                run, and a list of the other kinds of data found. Long lines are drawn from a reduced \
                polyline that keeps each pixel column's extremes; statistics are over every point.

                With --group or --group-by-hparams a chart draws each group's mean over the steps its \
                runs share, with a band of one standard deviation (or min to max, switchable in the \
                page), and the overview shows the mean and standard deviation over the group's runs.

                Examples:
                  tfevents report runs/demo
                  tfevents report runs/sweep --group 'seed_?\\d+' --output sweep.html
                  tfevents report runs/exp1 runs/exp2 --tags loss --title "Both losses"
                """
        )

        @Argument(help: "The log directories to read: what you would give to `tensorboard --logdir`.")
        var logdirs: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
        var output = "report.html"

        @Option(help: "The page's title; by default the log directories' names.")
        var title: String?

        @Option(
            help: ArgumentHelp(
                "The smoothing weight the page starts with, from 0 (none) to 0.999, as TensorBoard's slider.",
                valueName: "weight"))
        var smoothing = Smoothing.defaultWeight

        @OptionGroup var objectiveOptions: ObjectiveOptions

        @OptionGroup var filters: FilterOptions

        @OptionGroup var groupOptions: GroupOptions

        func validate() throws {
            guard smoothing.isFinite, (0...0.999).contains(smoothing) else {
                throw ValidationError("--smoothing must be between 0 and 0.999, got \(smoothing).")
            }
            try LogdirSet.validate(logdirs)
        }

        func run() throws {
            let start = Date()
            let filters = try self.filters.compiled()
            let grouping = try groupOptions.grouping()
            let set = try LogdirSet(logdirs, filters: filters)
            let progress = ProgressLine()
            let input = ReportInput.read(set, progress: progress)
            progress.clear()
            for problem in input.problems {
                FileHandle.standardError.write(Data("warning: \(problem)\n".utf8))
            }
            guard !input.runs.isEmpty else {
                throw CommandFailure("No run matches --runs '\(self.filters.runs ?? "")'.")
            }
            let document = ReportDocument(
                input: input, title: title ?? Self.defaultTitle(logdirs), grouping: grouping,
                objective: try objectiveOptions.rule(), smoothing: smoothing, generated: start)
            let html = document.html()
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure("\(output): cannot write the report: \(error.localizedDescription)")
            }
            let seconds = Date().timeIntervalSince(start)
            print(
                "Wrote \(output): \(document.contentsDescription), \(ReportDocument.byteCount(html.utf8.count)) "
                    + "in \(String(format: "%.2f", seconds)) s.")
        }

        /// The log directories' labels, as ``RunNaming`` names them.
        static func defaultTitle(_ logdirs: [String]) -> String {
            RunNaming.labels(for: logdirs).joined(separator: " · ")
        }
    }
}
