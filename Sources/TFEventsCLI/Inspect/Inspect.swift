import ArgumentParser
import Foundation

extension TFEventsCommand {
    /// `tfevents inspect PATH`: what each event file holds, and every problem with its offset.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report what event files hold and every problem in them, with its byte offset.",
            discussion: """
                PATH is a log directory or a single event file. For a log directory, every run \
                (a directory that directly holds files whose name contains 'tfevents') is reported \
                in name order, and each of its files in name order, which is the order TensorBoard \
                reads them. For each file: its size and records; events per kind (file_version, \
                summary, session_log by status, log_message, graph_def, meta_graph_def, \
                tagged_run_metadata); summary values per plugin; the steps of its summary events \
                (first, last, min, max, and how often a step was smaller than the one before, as \
                `tensorboard --inspect` counts them); its wall-time range; its file_version and \
                writer; each tag with its plugin, values, step range and non-finite scalars; and \
                every problem with its byte offset.

                Problems: truncated (the file ends inside a record), length_crc, data_crc, \
                bad_length (damaged records), decode (a record that is not an Event), io, and \
                empty (a file with no bytes). After damage, reading goes on at the next record \
                that verifies, so later good records are still counted. A file that is being \
                written right now may show `truncated` or `empty` until its writer flushes.

                --runs limits which runs are read (and so which problems count); --tags only \
                limits the tags listed.

                Exit status: 0 when nothing is damaged, 1 when any problem was found (or PATH \
                cannot be read, or holds no event files), 64 for a usage error.

                --format json prints one object: {"path", "kind": "logdir"|"file", "clean", \
                "totals": {"runs", "files", "bytes", "records", "problems", "damaged_files"}, \
                "directory_problems": [{"kind", "path", "message"}], "runs": [{"name" (null for \
                a single file), "path", "files": [FILE], "notes": [string]}]}. FILE is {"name", \
                "path", "size", "records", "events": {"file_version", "summary", "session_log": \
                {"start", "stop", "checkpoint", "unspecified"}, "log_message", "graph_def", \
                "meta_graph_def", "tagged_run_metadata", "empty"}, "values": {plugin: count}, \
                "file_version", "source_writer", "steps": STEPS|null, "wall_time": {"first", \
                "last", "min", "max", "non_finite"}|null, "tags": [{"tag", "plugin", "values", \
                "steps": STEPS, "non_finite" (scalars only, else null)}], "problems": [{"kind", \
                "offset", "resumed_at", "message"}], "notes": [string]}, and STEPS is {"count", \
                "first", "last", "min", "max", "out_of_order"}.

                Examples:
                  tfevents inspect runs/
                  tfevents inspect runs/train/events.out.tfevents.1700000000.host.123.0
                  tfevents inspect runs/ --format json | jq '.runs[].files[].problems'
                  tfevents inspect runs/ > /dev/null || echo "damaged event files in runs/"
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "A log directory or an event file (a path, or s3://BUCKET/KEY).")
        var path: String

        @Option(help: "The output format.")
        var format: Format = .text

        @OptionGroup var filters: FilterOptions

        func run() throws {
            let compiled = try filters.compiled()
            let report = try InspectReport.make(path: path, filters: compiled, progress: ProgressLine())
            switch format {
            case .text: print(report.renderText(tagFilter: compiled), terminator: "")
            case .json: print(report.json(tagFilter: compiled).pretty())
            }
            if !report.isClean { throw ExitCode.failure }
        }
    }
}
