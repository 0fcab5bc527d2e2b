import ArgumentParser

/// What `tfevents export` writes: rows (``ExportRows``) or an SQLite database.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv
    case jsonl
    case sqlite

    /// The format a file name's extension suggests: `.jsonl`/`.ndjson`, `.db`/`.sqlite`/`.sqlite3`,
    /// otherwise CSV.
    init(suggestedBy output: String?) {
        guard let output else {
            self = .csv
            return
        }
        if output.hasSuffix(".jsonl") || output.hasSuffix(".ndjson") {
            self = .jsonl
        } else if output.hasSuffix(".db") || output.hasSuffix(".sqlite") || output.hasSuffix(".sqlite3") {
            self = .sqlite
        } else {
            self = .csv
        }
    }

    /// The row format, for the formats that write rows.
    var rows: ExportRows.Format? {
        switch self {
        case .csv: .csv
        case .jsonl: .jsonl
        case .sqlite: nil
        }
    }
}
