import TFEvents

/// The rows `tfevents export` writes, in CSV or JSON Lines.
///
/// - Scalars: `run,tag,step,wall_time,value`. In JSON Lines, one object per point with those keys.
/// - With histograms (`--histograms`), CSV gets three more columns, `left,right,count`: a
///   histogram point becomes one row per bucket with an empty `value`, and scalar rows leave the
///   three columns empty. In JSON Lines a histogram point is one object with `buckets`,
///   `[[left, right, count], ...]`, in place of `value`: the shape of TensorBoard's histogram API.
/// - With PR curves (`--pr-curves`), CSV gets seven more columns,
///   `threshold,tp,fp,tn,fn,precision,recall`: a curve becomes one row per threshold, other rows
///   leave them empty. In JSON Lines a curve is one object with `pr_curve`: the six arrays and the
///   thresholds.
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
    var includesPRCurves = false

    /// The columns PR-curve rows add in CSV.
    static let prCurveColumns = ["threshold", "tp", "fp", "tn", "fn", "precision", "recall"]

    /// The CSV header line, or `nil` for JSON Lines.
    var header: String? {
        guard format == .csv else { return nil }
        var columns = ["run", "tag", "step", "wall_time", "value"]
        if includesHistograms { columns += ["left", "right", "count"] }
        if includesPRCurves { columns += Self.prCurveColumns }
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

    /// The row of one scalar point; `prefix` is the series' ``prefix(run:tag:)``, kept in a
    /// ``RowPrefixes`` table.
    func scalar(prefix: RowPrefixes.Entry, step: Int64, wallTime: Double, value: Double) -> ScalarRow {
        ScalarRow(
            format: format, prefix: prefix, step: step, wallTime: wallTime, value: value,
            emptyColumns: format == .csv ? (includesHistograms ? 3 : 0) + (includesPRCurves ? Self.prCurveColumns.count : 0) : 0)
    }

    /// The rows of one histogram point: one per bucket in CSV, one object in JSON Lines.
    func histogram(prefix: String, step: Int64, wallTime: Double, histogram: Histogram) -> String {
        switch format {
        case .csv:
            let start = prefix + String(step) + "," + NumberFormatting.exact(wallTime) + ",,"
            let end = includesPRCurves ? String(repeating: ",", count: Self.prCurveColumns.count) + "\n" : "\n"
            return histogram.buckets.map { bucket in
                start + NumberFormatting.exact(bucket.left) + "," + NumberFormatting.exact(bucket.right) + ","
                    + NumberFormatting.exact(bucket.count) + end
            }.joined()
        case .jsonl:
            let buckets = histogram.buckets.map { bucket in
                JSONValue.array([.number(bucket.left), .number(bucket.right), .number(bucket.count)])
            }
            return prefix + "\"step\": " + String(step) + ", \"wall_time\": " + JSONValue.format(wallTime)
                + ", \"buckets\": " + JSONValue.array(buckets).serialized() + "}\n"
        }
    }

    /// The rows of one PR curve: one per threshold in CSV (threshold `i / (T - 1)`), one object in
    /// JSON Lines with the six arrays, as TensorBoard's PR-curve API names them.
    func prCurve(prefix: String, step: Int64, wallTime: Double, curve: PRCurve) -> String {
        let count = curve.thresholdCount
        let thresholds = (0..<count).map { count > 1 ? Double($0) / Double(count - 1) : 0 }
        switch format {
        case .csv:
            let start = prefix + String(step) + "," + NumberFormatting.exact(wallTime) + ","
                + (includesHistograms ? ",,,," : ",")
            let columns: [[Double]] = [
                thresholds, curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives,
                curve.precision, curve.recall,
            ]
            var text = ""
            for index in 0..<count {
                let cells: [String] = columns.map { NumberFormatting.exact($0[index]) }
                text += start + cells.joined(separator: ",") + "\n"
            }
            return text
        case .jsonl:
            func array(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }
            let object = JSONValue.object([
                ("thresholds", array(thresholds)), ("true_positives", array(curve.truePositives)),
                ("false_positives", array(curve.falsePositives)), ("true_negatives", array(curve.trueNegatives)),
                ("false_negatives", array(curve.falseNegatives)), ("precision", array(curve.precision)),
                ("recall", array(curve.recall)),
            ])
            return prefix + "\"step\": " + String(step) + ", \"wall_time\": " + JSONValue.format(wallTime)
                + ", \"pr_curve\": " + object.serialized() + "}\n"
        }
    }
}
