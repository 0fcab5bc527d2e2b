/// The rows `tfevents export --wide` writes: one per run and step, one column per scalar tag
/// (tbparse's `pivot=True`), in CSV or JSON Lines.
///
/// - CSV: `run,step,TAG...`; a tag without a point at that step leaves its cell empty, which
///   pandas reads as NaN and `csv` as `""`; a NaN value is `nan`.
/// - JSON Lines: `{"run": ..., "step": ..., "TAG": value, ...}` with every tag in every object,
///   `null` where it has no point (a NaN value is `"NaN"`).
///
/// A tag named `run` or `step` would clash with those columns: its column is `run (tag)` or
/// `step (tag)`. Numbers are exact, as in the long rows (``ExportRows``).
struct WideRows {
    var format: ExportRows.Format
    /// The scalar tags, one column each, in this order.
    var tags: [String]

    /// The column name of each tag.
    var columnNames: [String] {
        tags.map { ["run", "step"].contains($0) ? $0 + " (tag)" : $0 }
    }

    /// The CSV header, or `nil` for JSON Lines.
    var header: String? {
        format == .csv ? CSV.line(["run", "step"] + columnNames) : nil
    }

    /// The start of each row of a run: its name, escaped once.
    func prefix(run: String) -> String {
        switch format {
        case .csv:
            return CSV.field(run) + ","
        case .jsonl:
            var text = "{\"run\": "
            JSONValue.quote(run, into: &text)
            return text + ", \"step\": "
        }
    }

    /// The keys of the JSON Lines objects after `step`, each as `, "TAG": `, quoted once.
    func jsonKeys() -> [String] {
        columnNames.map { name in
            var text = ", "
            JSONValue.quote(name, into: &text)
            return text + ": "
        }
    }

    /// Appends the row of one step; `values[i]` is tag `i`'s value, or `nil`.
    func append(
        prefix: String, step: Int64, values: ArraySlice<Double>, present: ArraySlice<Bool>, keys: [String],
        to text: inout String
    ) {
        text += prefix
        text += String(step)
        switch format {
        case .csv:
            for (value, isPresent) in zip(values, present) {
                text += ","
                if isPresent { text += NumberFormatting.exact(value) }
            }
            text += "\n"
        case .jsonl:
            for (index, (value, isPresent)) in zip(values, present).enumerated() {
                text += keys[index]
                text += isPresent ? JSONValue.format(value) : "null"
            }
            text += "}\n"
        }
    }
}
