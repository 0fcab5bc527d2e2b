import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents reduce LOGDIR --group REGEX --output DIR`: the runs of each group folded into
    /// runs of their mean, standard deviation, minimum and maximum (what tensorboard-reducer
    /// does), as event files TensorBoard shows, or as CSV.
    struct Reduce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fold the runs of each group (seeds) into mean, std, min and max runs.",
            discussion: """
                Groups the runs of LOGDIR (--group REGEX: runs whose names are equal once every \
                match is removed; --group-by-hparams: runs with equal hyperparameters; neither: \
                all runs are one group, named '.'), then, for every scalar tag, folds the values \
                of the group's runs at the steps they all have: a step some run lacks is left out, \
                and where a run has several points at one step its last counts. Statistics are \
                computed as numpy computes them (std is the population standard deviation, \
                ddof=0); a NaN at a step makes every statistic NaN there.

                --format events (the default) writes, for each group, the runs \
                DIR/GROUP/mean, DIR/GROUP/std, ... with the statistics as scalars (wall time: the \
                mean of the runs' wall times at the step), and the hyperparameters the group's \
                runs share plus 'statistic', so `tensorboard --logdir DIR` compares the groups. \
                Scalars are stored as float32, as every writer stores them; --double stores them \
                as float64, exactly, but TensorBoard's default fast loader does not show float64 \
                scalars (start it with --load_fast=false). Group names are made safe as file \
                names. A reduced run that already holds event files is an error, unless \
                --overwrite, which deletes them first.

                --format csv writes one row per group, tag and step: \
                group,tag,step,wall_time,runs,<statistics>, to --output or standard output.

                Examples:
                  tfevents reduce runs --group 'seed_?\\d+' --output runs-reduced
                  tfevents reduce runs --group-by-hparams --ignore-hparam seed --stats mean,std -o reduced
                  tfevents reduce runs --group 'seed_?\\d+' --format csv > groups.csv
                """
        )

        /// The output formats.
        enum Format: String, CaseIterable, ExpressibleByArgument {
            case events, csv
        }

        @Argument(help: "The log directory: the directory given to `tensorboard --logdir`.")
        var logdir: String

        @OptionGroup var grouping: GroupOptions

        @OptionGroup var filters: FilterOptions

        @Option(
            help: ArgumentHelp(
                "The statistics, comma-separated, from: \(GroupStatistic.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "list"))
        var stats = "mean,std,min,max"

        @Option(name: [.short, .long], help: "The directory of the reduced runs (events), or the CSV file.")
        var output: String?

        @Option(help: "The output format.")
        var format: Format = .events

        @Flag(help: "Store the statistics as float64 scalars (exact; not shown by TensorBoard's fast loader).")
        var double = false

        @Flag(help: "Delete the event files of reduced runs that already exist before writing.")
        var overwrite = false

        func validate() throws {
            _ = try statistics()
            if format == .events && output == nil {
                throw ValidationError("--output DIR is needed to write reduced runs (or use --format csv).")
            }
            if format == .csv && (double || overwrite) {
                throw ValidationError("--double and --overwrite apply to --format events.")
            }
        }

        /// `--stats`, parsed.
        func statistics() throws -> [GroupStatistic] {
            var chosen: [GroupStatistic] = []
            for name in stats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let statistic = GroupStatistic(rawValue: name) else {
                    throw ValidationError(
                        "--stats: unknown statistic '\(name)'; choose from "
                            + GroupStatistic.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                if !chosen.contains(statistic) { chosen.append(statistic) }
            }
            guard !chosen.isEmpty else { throw ValidationError("--stats: no statistic given.") }
            return chosen
        }

        func run() throws {
            let statistics = try statistics()
            let filters = try self.filters.compiled()
            let set = try LogdirSet([logdir], filters: filters)
            let reader = set.readers[0]
            let progress = ProgressLine()
            let contents = reader.contents(kinds: [.scalars]) { total in
                progress.update { "reading \(reader.logdir): \(total) points" }
            }
            progress.clear()
            for problem in contents.problems + contents.runs.flatMap(\.problems) {
                printError("warning: \(problem)")
            }
            guard !contents.runs.isEmpty else {
                throw CommandFailure("No run matches --runs '\(self.filters.runs ?? "")'.")
            }
            let runs = Dictionary(contents.runs.map { ($0.run.name, $0) }, uniquingKeysWith: { first, _ in first })
            let groups = (try grouping.grouping()).map { $0.groups(of: contents.runs.map(\.run)) }
                ?? [RunGroup(name: ".", runs: contents.runs.map(\.run.name))]
            let reduced = groups.map { ReducedGroup(group: $0, runs: runs) }
            switch format {
            case .csv: try writeCSV(reduced, statistics: statistics)
            case .events: try writeEvents(reduced, statistics: statistics, to: output!)
            }
        }

        private func writeCSV(_ groups: [ReducedGroup], statistics: [GroupStatistic]) throws {
            var text = CSV.line(["group", "tag", "step", "wall_time", "runs"] + statistics.map(\.rawValue))
            for group in groups {
                for (tag, scalars) in group.tags {
                    let columns = statistics.map { scalars.values($0) }
                    for (index, step) in scalars.steps.enumerated() {
                        text += CSV.line(
                            [group.group.name, tag, String(step), NumberFormatting.exact(scalars.wallTimes[index]),
                             String(scalars.runCount)]
                                + columns.map { NumberFormatting.exact($0[index]) })
                    }
                }
            }
            guard let output, output != "-" else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure("\(output): cannot write: \(error.localizedDescription)")
            }
        }

        private func writeEvents(_ groups: [ReducedGroup], statistics: [GroupStatistic], to directory: String) throws {
            let paths = groups.map(\.relativePath)
            if let clash = Dictionary(grouping: zip(paths, groups), by: \.0).first(where: { $0.value.count > 1 }) {
                throw CommandFailure(
                    "groups \(clash.value.map { "'\($0.1.group.name)'" }.joined(separator: " and ")) "
                        + "would be written to the same directory '\(clash.key)'.")
            }
            // Check every destination before writing anything, so a refused run leaves no half output.
            let fileManager = FileManager.default
            var existing: [String] = []
            for path in paths {
                for statistic in statistics {
                    let run = Self.join(directory, path, statistic.rawValue)
                    // The run's own event files, as the reader would find them (a missing directory has none).
                    existing += (try? LogdirListing(logdir: run))?.run(named: ".")?.files.map(\.path) ?? []
                }
            }
            if !existing.isEmpty {
                guard overwrite else {
                    throw CommandFailure(
                        "\(existing.count) event file(s) already in the reduced runs (first: \(existing[0])); "
                            + "use --overwrite to replace them.")
                }
                for file in existing {
                    do { try fileManager.removeItem(atPath: file) } catch {
                        throw CommandFailure("\(file): cannot delete: \(error.localizedDescription)")
                    }
                }
            }
            var runCount = 0
            var pointCount = 0
            for (group, path) in zip(groups, paths) {
                for statistic in statistics {
                    let run = Self.join(directory, path, statistic.rawValue)
                    do {
                        let writer = try SummaryWriter(logdir: run, options: .init(doublePrecisionScalars: double))
                        if !group.sharedHparams.isEmpty {
                            try writer.addHParams(
                                group.sharedHparams.merging(["statistic": .string(statistic.rawValue)]) { $1 },
                                step: group.tags.first?.scalars.steps.first ?? 0,
                                wallTime: group.tags.first?.scalars.wallTimes.first)
                        }
                        for (tag, scalars) in group.tags {
                            for (index, value) in scalars.values(statistic).enumerated() {
                                try writer.addScalar(tag, value, step: scalars.steps[index], wallTime: scalars.wallTimes[index])
                            }
                            pointCount += scalars.steps.count
                        }
                        try writer.close()
                    } catch {
                        throw CommandFailure("\(run): \(error)")
                    }
                    runCount += 1
                }
            }
            let runsRead = groups.map(\.group.runs.count).reduce(0, +)
            printError(
                "wrote \(runCount) runs (\(statistics.map(\.rawValue).joined(separator: ", ")) of \(groups.count) "
                    + "group\(groups.count == 1 ? "" : "s") of \(runsRead) runs), \(pointCount) points, to \(directory)")
        }

        private static func join(_ directory: String, _ path: String, _ statistic: String) -> String {
            path == "." ? directory + "/" + statistic : directory + "/" + path + "/" + statistic
        }
    }
}
