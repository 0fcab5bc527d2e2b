import TFEvents

/// The rows `tfevents export` writes, in CSV or JSON Lines.
///
/// - Scalars: `run,tag,step,wall_time,value`. In JSON Lines, one object per point with those keys.
/// - With histograms (`--histograms`), CSV gets three more columns, `left,right,count`: a
///   histogram point becomes one row per bucket with an empty `value`, and scalar rows leave the
///   three columns empty. In JSON Lines a histogram point is one object with `buckets`,
///   `[[left, right, count], ...]`, in place of `value`: the shape of TensorBoard's histogram API.
///
/// Numbers are exact: `wall_time` and bucket edges are the shortest decimals that read back as the
/// same float64, and a value is the float64 of the stored float32 (`0.1` is `0.10000000149011612`).
/// Non-finite numbers are `nan`, `inf` and `-inf` in CSV, and TensorBoard's JSON strings `"NaN"`,
/// `"Infinity"` and `"-Infinity"` in JSON Lines. Steps are integers.
struct ExportRows {
    /// The output formats.
    enum Format: String, CaseIterable {
        case csv
        case jsonl
    }

    var format: Format
    var includesHistograms: Bool

    /// The CSV header line, or `nil` for JSON Lines.
    var header: String? {
        guard format == .csv else { return nil }
        var columns = ["run", "tag", "step", "wall_time", "value"]
        if includesHistograms { columns += ["left", "right", "count"] }
        return CSV.line(columns)
    }

    /// The start of every row of a series: its run and tag, escaped once for all its points.
    func prefix(run: String, tag: String) -> String {
        switch format {
        case .csv:
            return CSV.field(run) + "," + CSV.field(tag) + ","
        case .jsonl:
            var text = "{\"run\": "
            JSONValue.quote(run, into: &text)
            text += ", \"tag\": "
            JSONValue.quote(tag, into: &text)
            return text + ", "
        }
    }

    /// The row of one scalar point; `prefix` is the series' ``prefix(run:tag:)``.
    func scalar(prefix: String, step: Int64, wallTime: Double, value: Double) -> String {
        switch format {
        case .csv:
            // Numbers never need quoting.
            return prefix + String(step) + "," + NumberFormatting.exact(wallTime) + ","
                + NumberFormatting.exact(value) + (includesHistograms ? ",,,\n" : "\n")
        case .jsonl:
            return prefix + "\"step\": " + String(step) + ", \"wall_time\": " + JSONValue.format(wallTime)
                + ", \"value\": " + JSONValue.format(value) + "}\n"
        }
    }

    /// The rows of one histogram point: one per bucket in CSV, one object in JSON Lines.
    func histogram(prefix: String, step: Int64, wallTime: Double, histogram: Histogram) -> String {
        switch format {
        case .csv:
            let start = prefix + String(step) + "," + NumberFormatting.exact(wallTime) + ",,"
            return histogram.buckets.map { bucket in
                start + NumberFormatting.exact(bucket.left) + "," + NumberFormatting.exact(bucket.right) + ","
                    + NumberFormatting.exact(bucket.count) + "\n"
            }.joined()
        case .jsonl:
            let buckets = histogram.buckets.map { bucket in
                JSONValue.array([.number(bucket.left), .number(bucket.right), .number(bucket.count)])
            }
            return prefix + "\"step\": " + String(step) + ", \"wall_time\": " + JSONValue.format(wallTime)
                + ", \"buckets\": " + JSONValue.array(buckets).serialized() + "}\n"
        }
    }
}
