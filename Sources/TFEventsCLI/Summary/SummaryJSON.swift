import TFEvents

/// The JSON of `tfevents summary --format json`. **This is a contract**: fields are only ever
/// added, never renamed or removed.
///
/// ```text
/// {"runs": [
///   {"run": NAME,                      TensorBoard's run name ("." for the log directory itself),
///                                      prefixed as RunNaming describes when several log
///                                      directories are compared and names clash
///    "files": [BASENAME, ...],         the run's event files (names containing "tfevents"), by name
///    "scalars": {TAG: {"count", "first_step", "last_step", "first", "last",
///                      "min", "max", "mean", "nan", "inf"}},
///    "images": {TAG: {"count", "last_step", "width", "height"}},
///    "histograms": {TAG: {"count", "last_step", "min", "max", "total", "buckets"}},
///    "text": {TAG: {"count", "last_step", "last"}},
///    "hparams": {NAME: VALUE},         string, number or Boolean
///    "problems": [{"file", "offset", "kind", "message"}],
///    "audio": {TAG: {"count", "last_step", "clips", "sample_rate", "channels", "frames"}},
///    "pr_curves": {TAG: {"count", "last_step", "thresholds"}},
///    "meshes": {NAME: {"count", "last_step", "vertices", "faces"}},
///    "custom_scalars": {"categories": [TITLE, ...], "charts": N}},   only when the run has a layout
///   ...],
///  "problems": [{"run", "path", "offset", "kind", "message"}]}
/// ```
///
/// - Points are those TensorBoard keeps, in its order: file order, duplicates included, purges
///   applied (``SummaryReader/summarize(progress:)``). `count` is the number of points; `first_step`/`first` and
///   `last_step`/`last` are those of the first and last point in that order (so `last_step` is not
///   necessarily the largest step).
/// - Scalars: `min`, `max` and `mean` are over the finite values, `null` when there are none;
///   `nan` and `inf` count the NaN and the infinite (either sign) values. Non-finite numbers are
///   written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`, as TensorBoard's JSON API
///   writes them. `first_step`, `last_step`, `first` and `last` are `null` when `count` is 0.
/// - Images: `width` and `height` of the last point (one point holds a batch of images of one
///   size; `count` counts points, not images).
/// - Histograms: the last histogram's range (`min`, the first bucket's left edge; `max`, the last
///   bucket's right edge; `null` with no bucket), `total` (the sum of its bucket counts) and
///   `buckets` (how many buckets it has).
/// - Text: `last` is the last text; the elements of a text table (rank 1 or 2) are joined with
///   line breaks in row-major order.
/// - Audio: `clips` is the number of clips of the last point; `sample_rate`, `channels` and
///   `frames` come from the WAV header of its first clip (`null` when it is not WAV).
/// - PR curves: `thresholds` is the number of thresholds of the last curve (T of its `[6, T]`
///   tensor).
/// - Keys of `scalars`, `images`, `histograms`, `text`, `hparams`, `audio` and `pr_curves` are in
///   name (byte) order; runs
///   are in the order of the log directories given, then by name, unless `--sort` says otherwise.
/// - Run `problems` are damaged records in the run's files: `file` is the basename, `offset` the
///   record's byte offset, `message` says what was wrong and where reading resumed. `kind` is one
///   of `truncated`, `length_crc`, `data_crc`, `decode`. The reader's `bad_length` (a length
///   field whose CRC verifies but which claims more than 2^31 - 1 bytes) is reported as
///   `length_crc`: both mean the record's length cannot be trusted, and both are handled alike
///   (reading resumes at the next record that verifies); the message tells them apart.
/// - The top-level `problems` lists what is not damage in a record, and so has no place in that
///   contract: `io` (a directory or file that could not be listed, opened or read) and `late_write`
///   (data TensorBoard ignores: a file that grew, or appeared, after the run had moved past it).
///   `run` is the run's name, or `null` for a directory below the log directory; `path` is the
///   full path; `offset` is `null` unless a read failed at a known offset.
enum SummaryJSON {
    /// The whole document.
    ///
    /// - Parameters:
    ///   - runs: The runs, named and in order.
    ///   - logdirProblems: Problems that belong to no run.
    static func document(runs: [ShownRun], logdirProblems: [ReadProblem]) -> JSONValue {
        var other: [JSONValue] = logdirProblems.map { otherProblem($0, run: nil) }
        for run in runs {
            for problem in run.problems where recordKind(problem.kind) == nil {
                other.append(otherProblem(problem, run: run.name))
            }
        }
        return .object([("runs", .array(runs.map(self.run))), ("problems", .array(other))])
    }

    /// Writes ``document(runs:logdirProblems:)`` pretty-printed, a run at a time, to `write`: the
    /// same text, without the whole document in memory at once (ten thousand runs took 24 MB more
    /// as one value).
    static func writePretty(runs: [ShownRun], logdirProblems: [ReadProblem], to write: (String) throws -> Void) rethrows {
        guard !runs.isEmpty else {
            return try write(document(runs: runs, logdirProblems: logdirProblems).pretty() + "\n")
        }
        var other: [JSONValue] = logdirProblems.map { otherProblem($0, run: nil) }
        try write("{\n  \"runs\": [\n")
        for (index, run) in runs.enumerated() {
            for problem in run.problems where recordKind(problem.kind) == nil {
                other.append(otherProblem(problem, run: run.name))
            }
            try write("    " + self.run(run).pretty(level: 2) + (index + 1 < runs.count ? ",\n" : "\n"))
        }
        try write("  ],\n  \"problems\": " + JSONValue.array(other).pretty(level: 1) + "\n}\n")
    }

    /// One run's object.
    static func run(_ run: ShownRun) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("run", .string(run.name)),
            ("files", .array(run.files.map(JSONValue.string))),
            ("scalars", members(run.scalars, scalar)),
            ("images", members(run.images, images)),
            ("histograms", members(run.histograms, histogram)),
            ("text", members(run.text, text)),
            ("hparams", members(run.hparams, hparam)),
            (
                "problems",
                .array(
                    run.problems.compactMap { problem in
                        recordKind(problem.kind).map { recordProblem(problem, kind: $0) }
                    })
            ),
            ("audio", members(run.audio, audio)),
            ("pr_curves", members(run.prCurves, prCurves)),
            ("meshes", members(run.meshes, mesh)),
        ]
        if let layout = run.customScalarLayout {
            fields.append(("custom_scalars", customScalars(layout)))
        }
        return .object(fields)
    }

    /// The contract's kind for a problem in a record, or `nil` for the other kinds.
    static func recordKind(_ kind: ReadProblem.Kind) -> String? {
        switch kind {
        case .truncated: "truncated"
        case .lengthCRC, .badLength: "length_crc"
        case .dataCRC: "data_crc"
        case .decode: "decode"
        case .io, .lateWrite, .empty, .replaced: nil
        }
    }

    static func scalar(_ statistics: ScalarStatistics) -> JSONValue {
        let some = statistics.count > 0
        return .object([
            ("count", .integer(Int64(statistics.count))),
            ("first_step", some ? .integer(statistics.firstStep) : .null),
            ("last_step", some ? .integer(statistics.lastStep) : .null),
            ("first", some ? .number(statistics.first) : .null),
            ("last", some ? .number(statistics.last) : .null),
            ("min", .number(statistics.min)),
            ("max", .number(statistics.max)),
            ("mean", .number(statistics.mean)),
            ("nan", .integer(Int64(statistics.nanCount))),
            ("inf", .integer(Int64(statistics.infinityCount))),
        ])
    }

    static func images(_ series: LatestPoint<RunSummary.ImageBatchSize>) -> JSONValue {
        .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("width", series.last.map { .integer(Int64($0.width)) } ?? .null),
            ("height", series.last.map { .integer(Int64($0.height)) } ?? .null),
        ])
    }

    static func histogram(_ series: LatestPoint<Histogram>) -> JSONValue {
        let buckets = series.last?.buckets
        return .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("min", .number(buckets?.first?.left)),
            ("max", .number(buckets?.last?.right)),
            ("total", .number(series.last?.totalCount)),
            ("buckets", buckets.map { .integer(Int64($0.count)) } ?? .null),
        ])
    }

    static func text(_ series: LatestPoint<[String]>) -> JSONValue {
        .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("last", series.last.map { .string($0.joined(separator: "\n")) } ?? .null),
        ])
    }

    static func audio(_ series: LatestPoint<RunSummary.AudioBatch>) -> JSONValue {
        .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("clips", series.last.map { .integer(Int64($0.clips)) } ?? .null),
            ("sample_rate", series.last?.sampleRate.map { .integer(Int64($0)) } ?? .null),
            ("channels", series.last?.channelCount.map { .integer(Int64($0)) } ?? .null),
            ("frames", series.last?.frameCount.map { .integer(Int64($0)) } ?? .null),
        ])
    }

    static func prCurves(_ series: LatestPoint<Int>) -> JSONValue {
        .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("thresholds", series.last.map { .integer(Int64($0)) } ?? .null),
        ])
    }

    static func mesh(_ series: LatestPoint<RunSummary.MeshSize>) -> JSONValue {
        .object([
            ("count", .integer(Int64(series.count))),
            ("last_step", step(series.lastStep)),
            ("vertices", series.last.map { .integer(Int64($0.vertices)) } ?? .null),
            ("faces", series.last.map { .integer(Int64($0.faces)) } ?? .null),
        ])
    }

    static func customScalars(_ layout: CustomScalarLayout) -> JSONValue {
        .object([
            ("categories", .array(layout.categories.map { .string($0.title) })),
            ("charts", .integer(Int64(layout.categories.reduce(0) { $0 + $1.charts.count }))),
        ])
    }

    static func hparam(_ value: HParamValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .bool(let flag): .bool(flag)
        }
    }

    private static func step(_ step: Int64?) -> JSONValue {
        step.map(JSONValue.integer) ?? .null
    }

    private static func members<Value>(_ dictionary: [String: Value], _ json: (Value) -> JSONValue) -> JSONValue {
        .object(dictionary.sorted { byteOrder($0.key, $1.key) }.map { ($0.key, json($0.value)) })
    }

    private static func message(_ problem: ReadProblem) -> String {
        problem.message + (problem.resumedAt.map { " (reading resumed at byte \($0))" } ?? "")
    }

    private static func recordProblem(_ problem: ReadProblem, kind: String) -> JSONValue {
        .object([
            ("file", .string(problem.path.split(separator: "/").last.map(String.init) ?? problem.path)),
            ("offset", problem.offset.map(JSONValue.integer) ?? .null),
            ("kind", .string(kind)),
            ("message", .string(message(problem))),
        ])
    }

    private static func otherProblem(_ problem: ReadProblem, run: String?) -> JSONValue {
        .object([
            ("run", run.map(JSONValue.string) ?? .null),
            ("path", .string(problem.path)),
            ("offset", problem.offset.map(JSONValue.integer) ?? .null),
            ("kind", .string(problem.kind.rawValue)),
            ("message", .string(message(problem))),
        ])
    }
}
