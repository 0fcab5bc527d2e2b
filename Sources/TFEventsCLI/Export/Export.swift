import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents export LOGDIR`: every scalar point as long rows, and optionally histograms, PR
    /// curves, image files and audio files, exactly as TensorBoard shows them.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export every point of a log directory as CSV, JSON Lines or an SQLite database.",
            discussion: """
                Writes one row per point, `run,tag,step,wall_time,value`, in the order the points \
                were written, to standard output or to --output. The points are exactly those \
                TensorBoard shows: when a restarted writer purged earlier steps (tensorboardX's \
                `purge_step`, or steps that went back in a file without a version), the points it \
                dropped are left out. No point is downsampled.

                Numbers are exact. wall_time is the shortest decimal that reads back as the same \
                float64; value is the stored float32 widened to float64, so 0.1 is written as \
                0.10000000149011612. In CSV, non-finite values are nan, inf and -inf (which \
                Python, pandas and R read); in JSON Lines they are TensorBoard's strings "NaN", \
                "Infinity" and "-Infinity".

                --histograms adds the histograms. In CSV they take three more columns, \
                left,right,count: one row per bucket, with an empty value (scalar rows leave the \
                three columns empty). In JSON Lines a histogram point is one object with \
                "buckets": [[left, right, count], ...] in place of "value".

                --pr-curves adds the PR curves. In CSV they take seven more columns, \
                threshold,tp,fp,tn,fn,precision,recall: one row per threshold (threshold i of T is \
                i/(T-1)), with an empty value. In JSON Lines a curve is one object with \
                "pr_curve": {"thresholds", "true_positives", "false_positives", "true_negatives", \
                "false_negatives", "precision", "recall"}, arrays of T numbers.

                --images DIR writes every image as a file, DIR/<run>/<tag>/<step>.png \
                (<step>_<i>.png for each image of a batch; JPEG and GIF images keep their own \
                extension), and lists them with their run, tag and step in DIR/images.csv. Run \
                names and tags are made into safe file names: `/` becomes `_`, a leading dot or \
                dash becomes `_`, control characters go, long names are shortened with a hash, and \
                names that would clash get ~2, ~3. Nothing is ever written outside DIR. --audio \
                DIR does the same for audio clips (.wav), listed in DIR/audio.csv with each clip's \
                sample rate, channels and frames from its WAV header; it may be the same DIR.

                --wide writes the scalars as one row per run and step instead, run,step,TAG..., \
                a column per scalar tag (tbparse's pivot=True), steps ascending; a tag without a \
                point at that step leaves its cell empty (null in JSON Lines), and where a tag has \
                several points at one step the last counts.

                --format sqlite (the default for an --output ending in .db, .sqlite or .sqlite3) \
                writes an SQLite database holding every kind: views scalars, hparams, histograms, \
                images, text, audio, pr_curves, meshes, custom_scalars, runs, tags, files and \
                problems (the README describes their columns). NaN is stored as NULL. The database \
                is built in a hidden temporary file beside the output and renamed into place only \
                when complete, so an interrupted or failed export leaves the old file (or none).

                Runs are read one after another, each as it is when the export reaches it, in \
                memory that does not grow with the number of points (a large run is read twice: \
                first to learn where purges happened, then to write the points that survive them). \
                Files are taken as complete: damaged records, and a record cut short at the end of \
                a file, are reported on standard error and skipped; the good records after damage \
                are exported.

                Examples:
                  tfevents export runs > scalars.csv
                  tfevents export runs --runs '^lr_' --tags loss --format jsonl -o loss.jsonl
                  tfevents export runs --histograms --images images -o all.csv
                  tfevents export runs --pr-curves --audio media --images media -o all.csv
                  tfevents export runs --wide -o wide.csv
                  tfevents export runs -o runs.db && sqlite3 runs.db 'SELECT * FROM runs'
                """
        )

        @Argument(help: "The log directory: the directory given to `tensorboard --logdir`, or s3://BUCKET/PREFIX.")
        var logdir: String

        @OptionGroup var filters: FilterOptions

        @Option(
            help: ArgumentHelp(
                "The output format. Default: jsonl when --output ends in .jsonl or .ndjson, sqlite when it ends in "
                    + ".db, .sqlite or .sqlite3, otherwise csv.",
                valueName: "format"))
        var format: ExportFormat?

        @Option(
            name: [.short, .long],
            help: "Write to this file instead of standard output (a database always goes to a file).")
        var output: String?

        @Flag(
            help: ArgumentHelp(
                "Write one row per run and step with a column per scalar tag (tbparse's pivot), instead of a row "
                    + "per point."))
        var wide = false

        @Flag(help: "Also export histograms (see the discussion for the row shape).")
        var histograms = false

        @Flag(help: "Also export PR curves, one row per threshold (see the discussion for the row shape).")
        var prCurves = false

        @Option(help: ArgumentHelp("Also write every image as a file below this directory.", valueName: "dir"))
        var images: String?

        @Option(help: ArgumentHelp("Also write every audio clip as a file below this directory.", valueName: "dir"))
        var audio: String?

        func validate() throws {
            if let output, output.isEmpty { throw ValidationError("--output needs a file name.") }
            if resolvedFormat == .sqlite {
                guard output != nil else {
                    throw ValidationError("--format sqlite writes a database file: give it with --output FILE.")
                }
                if images != nil || audio != nil {
                    throw ValidationError(
                        "--images and --audio write files beside CSV or JSON Lines; a database holds the images and "
                            + "audio itself (views images and audio).")
                }
            }
            if wide {
                if resolvedFormat == .sqlite {
                    throw ValidationError(
                        "--wide is for CSV and JSON Lines; in a database, pivot the scalars view in SQL.")
                }
                if histograms || prCurves || images != nil || audio != nil {
                    throw ValidationError(
                        "--wide writes the scalars only: leave out --histograms, --pr-curves, --images and --audio.")
                }
            }
            if let images, images.isEmpty { throw ValidationError("--images needs a directory name.") }
            if let audio, audio.isEmpty { throw ValidationError("--audio needs a directory name.") }
        }

        /// The format asked for, or the one the output file's extension suggests.
        var resolvedFormat: ExportFormat {
            format ?? ExportFormat(suggestedBy: output)
        }

        func run() throws {
            ProcessSignals.ignoreBrokenPipe()
            do {
                try export()
            } catch is ByteOutput.PipeClosed {
                // The reader of standard output went away (`| head`): stop quietly.
            }
        }

        private func export() throws {
            let filters = try filters.compiled()
            let progress = ProgressLine()
            var problems = ProblemPrinter(filters: filters)
            let reader: SummaryReader
            let options = try LogdirSource.options(for: logdir, runs: filters.runs, tags: filters.tags)
            do {
                reader = try SummaryReader(logdir: logdir, options: options)
            } catch {
                throw CommandFailure(error.description)
            }
            let names = reader.listing.runs.map(\.name)
            guard !names.isEmpty else {
                throw CommandFailure(
                    "\(logdir): no runs here: no file whose name contains 'tfevents' was found in it or below it")
            }
            let runs = reader.runs
            if runs.isEmpty, let pattern = self.filters.runs {
                throw CommandFailure("no run matches --runs '\(pattern)'; the runs are: " + Self.list(names))
            }
            guard let rowFormat = resolvedFormat.rows else {
                // validate() made sure there is an output file.
                return try DatabaseExport(reader: reader, output: output ?? "", filters: filters).run()
            }
            if wide {
                let points = try WideExport(reader: reader, format: rowFormat, output: output, filters: filters).run()
                if let output { printError("Wrote \(points) scalar points, one row per run and step, to \(output).") }
                if points == 0 { report(Counts()) }
                return
            }
            for problem in reader.listing.problems { problems.print(problem) }

            let rows = ExportRows(format: rowFormat, includesHistograms: histograms, includesPRCurves: prCurves)
            let out = try output.map { try ByteOutput(creatingFile: $0) } ?? .standardOutput()
            let imageExporter = try images.map { try MediaExporter(directory: $0) }
            // One exporter for both when they share a directory, so that names stay unique in it.
            let audioExporter = try audio.map { $0 == images ? imageExporter! : try MediaExporter(directory: $0) }
            if let header = rows.header { try out.write(header) }
            var prefixes = RowPrefixes()
            var counts = Counts()
            for (index, run) in runs.enumerated() {
                progress.update { "export: run \(index + 1) of \(runs.count): \(run.name)" }
                let stream = reader.read(run)
                var exported: [ExportedSeries?] = []  // by series id; nil: not exported
                // The same by series id, for scalars: a value with no reference to retain per point.
                var scalarPrefixes: [RowPrefixes.Entry?] = []
                for item in stream {
                    switch item {
                    case .series(let series):
                        while exported.count <= series.id {
                            exported.append(nil)
                            scalarPrefixes.append(nil)
                        }
                        let kind = series.kind
                        if kind == .scalars || (kind == .histograms && histograms) || (kind == .prCurves && prCurves)
                            || (kind == .images && imageExporter != nil) || (kind == .audio && audioExporter != nil)
                        {
                            let prefix = rows.prefix(run: run.name, tag: series.tag)
                            exported[series.id] = ExportedSeries(tag: series.tag, prefix: prefix)
                            scalarPrefixes[series.id] = prefixes.add(prefix)
                        }
                    case .point(let point):
                        guard point.series < scalarPrefixes.count, let prefix = scalarPrefixes[point.series] else { continue }
                        if case .scalar(let number) = point.value {
                            counts.scalars += 1
                            try out.write(
                                rows.scalar(prefix: prefix, step: point.step, wallTime: point.wallTime, value: number),
                                shared: prefixes)
                            continue
                        }
                        guard let series = exported[point.series] else { continue }
                        try write(
                            point, run: run.name, of: series, rows: rows, to: out,
                            media: (imageExporter, audioExporter), counts: &counts)
                    case .problem(let problem):
                        progress.clear()
                        problems.print(problem)
                    }
                }
                for (id, dropped) in stream.droppedPointCounts where id < exported.count && exported[id] != nil {
                    counts.purged += dropped
                }
            }
            try out.close()
            if let imageExporter { try imageExporter.close(listing: audioExporter === imageExporter ? [.images, .audio] : [.images]) }
            if let audioExporter, audioExporter !== imageExporter { try audioExporter.close(listing: [.audio]) }
            progress.clear()
            report(counts)
        }

        private struct Counts {
            var purged = 0
            var scalars = 0
            var histograms = 0
            var prCurves = 0
            var images = 0
            var audio = 0
            var undecodable = 0
        }

        /// A series being exported: its tag and the start of its rows.
        private struct ExportedSeries {
            var tag: String
            var prefix: String
        }

        /// Writes a point that is not a scalar (the loop writes those itself).
        private func write(
            _ point: Point, run: String, of series: ExportedSeries, rows: ExportRows, to out: ByteOutput,
            media: (images: MediaExporter?, audio: MediaExporter?), counts: inout Counts
        ) throws {
            switch point.value {
            case .histogram(let histogram):
                counts.histograms += 1
                try out.write(
                    rows.histogram(prefix: series.prefix, step: point.step, wallTime: point.wallTime, histogram: histogram))
            case .prCurve(let curve):
                counts.prCurves += 1
                try out.write(rows.prCurve(prefix: series.prefix, step: point.step, wallTime: point.wallTime, curve: curve))
            case .images(let width, let height, let encoded):
                counts.images += encoded.count
                try media.images?.write(
                    .images, run: run, tag: series.tag, step: point.step, wallTime: point.wallTime, files: encoded
                ) { _ in [String(width), String(height)] }
            case .audio(let clips):
                counts.audio += clips.count
                try media.audio?.write(
                    .audio, run: run, tag: series.tag, step: point.step, wallTime: point.wallTime,
                    files: clips.map(\.encoded)
                ) { index in
                    [clips[index].sampleRate, clips[index].channelCount, clips[index].frameCount].map {
                        $0.map(String.init) ?? ""
                    }
                }
            default:
                counts.undecodable += 1
            }
        }

        /// A line on standard error when the rows went to a file or images were written (otherwise
        /// standard output speaks for itself), and notes about anything left out.
        private func report(_ counts: Counts) {
            var parts = ["\(counts.scalars) scalar points"]
            if histograms { parts.append("\(counts.histograms) histograms") }
            if prCurves { parts.append("\(counts.prCurves) PR curves") }
            if let output {
                printError("Wrote " + parts.joined(separator: " and ") + " to \(output).")
            }
            if let images {
                let listing = MediaExporter.Media.images.indexName
                printError("Wrote \(counts.images) images to \(images) (listed in \(images)/\(listing)).")
            }
            if let audio {
                let listing = MediaExporter.Media.audio.indexName
                printError("Wrote \(counts.audio) audio clips to \(audio) (listed in \(audio)/\(listing)).")
            }
            if counts.purged > 0 {
                printError(
                    "note: left out \(counts.purged) points that a restarted writer purged, as TensorBoard does.")
            }
            if counts.undecodable > 0 {
                printError("note: skipped \(counts.undecodable) points whose data does not have the form of their kind.")
            }
            if counts.scalars + counts.histograms + counts.prCurves + counts.images + counts.audio == 0 {
                printError("note: nothing matched: the log directory has no scalar points"
                    + (self.filters.runs != nil || self.filters.tags != nil ? " that pass --runs and --tags." : "."))
            }
        }

        static func list(_ names: [String]) -> String {
            let shown = names.prefix(10).map { $0 }.joined(separator: ", ")
            return names.count > 10 ? shown + ", ... (\(names.count) runs)" : shown
        }
    }
}

