import TFEvents
import TFEventsSQLite

/// `tfevents export --format sqlite`: the library's ``SQLiteExport`` with the command's progress
/// line, warnings and closing report.
struct DatabaseExport {
    var reader: SummaryReader
    var output: String
    var filters: CompiledFilters

    func run() throws {
        let progress = ProgressLine()
        var problems = ProblemPrinter(filters: filters)
        for problem in reader.listing.problems { problems.print(problem) }
        let counts: SQLiteExport.Counts
        do {
            counts = try SQLiteExport(reader: reader).write(to: output) { step in
                progress.update {
                    "export: run \(step.runIndex + 1) of \(step.runCount): \(step.run), \(step.points) points"
                }
            }
        } catch {
            progress.clear()
            throw CommandFailure(error.description)
        }
        progress.clear()
        for problem in counts.problems { problems.print(problem) }
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var parts = [counted(counts.runs, "run"), counted(counts.scalars, "scalar point")]
        let others: [(Int, String)] = [
            (counts.histograms, "histogram"), (counts.images, "image"), (counts.text, "text point"),
            (counts.audio, "audio clip"), (counts.prCurves, "PR curve"), (counts.meshes, "mesh part"),
        ]
        parts += others.filter { $0.0 > 0 }.map { counted($0.0, $0.1) }
        printError("Wrote " + parts.joined(separator: ", ") + " to \(output).")
        if counts.purged > 0 {
            printError("note: left out \(counts.purged) points that a restarted writer purged, as TensorBoard does.")
        }
    }
}
