import TFEvents

/// `tfevents export --wide`: the scalars as one row per run and step and one column per tag.
///
/// Memory stays that of one run: the tag columns are learnt first from the statistics of every
/// run (``SummaryReader/summarize(progress:)``, which reads the runs in parallel and keeps
/// nothing per point), then each run is read on its own, its table filled and written out,
/// steps ascending; where a tag has several points at one step, the last counts, as in
/// ``RunContents/scalarTable``.
struct WideExport {
    var reader: SummaryReader
    var format: ExportRows.Format
    var output: String?
    var filters: CompiledFilters

    /// Reads and writes everything; the scalar point count.
    func run() throws -> Int {
        let progress = ProgressLine()
        var problems = ProblemPrinter(filters: filters)
        for problem in reader.listing.problems { problems.print(problem) }
        progress.update { "export: learning the tags" }
        var tagSet: Set<String> = []
        for run in reader.summarize().runs { tagSet.formUnion(run.scalars.keys) }
        let tags = tagSet.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let column = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        let rows = WideRows(format: format, tags: tags)
        let keys = rows.jsonKeys()
        let out = try output.map { try ByteOutput(creatingFile: $0) } ?? .standardOutput()
        if let header = rows.header { try out.write(header) }

        var points = 0
        let runs = reader.runs
        for (index, listing) in runs.enumerated() {
            progress.update { "export: run \(index + 1) of \(runs.count): \(listing.name)" }
            var table = RunTable(width: tags.count)
            var columns: [Int?] = []  // by series id: the tag's column, nil for other kinds
            for item in reader.read(listing) {
                switch item {
                case .series(let series):
                    while columns.count <= series.id { columns.append(nil) }
                    columns[series.id] = series.kind == .scalars ? column[series.tag] : nil
                case .point(let point):
                    guard point.series < columns.count, let column = columns[point.series],
                        case .scalar(let value) = point.value
                    else { continue }
                    points += 1
                    table.set(value, step: point.step, column: column)
                case .problem(let problem):
                    progress.clear()
                    problems.print(problem)
                }
            }
            let prefix = rows.prefix(run: listing.name)
            var text = ""
            for (step, row) in table.rowsByStep() {
                let range = row * tags.count..<(row + 1) * tags.count
                rows.append(
                    prefix: prefix, step: step, values: table.values[range], present: table.present[range],
                    keys: keys, to: &text)
                if text.utf8.count > 1 << 16 {
                    try out.write(text)
                    text = ""
                }
            }
            try out.write(text)
        }
        try out.close()
        progress.clear()
        return points
    }

    /// One run's values: a row per step, in a flat array, `width` values each.
    private struct RunTable {
        let width: Int
        var rowOfStep: [Int64: Int] = [:]
        var steps: [Int64] = []
        var values: [Double] = []
        var present: [Bool] = []

        init(width: Int) {
            self.width = width
        }

        mutating func set(_ value: Double, step: Int64, column: Int) {
            let row: Int
            if let known = rowOfStep[step] {
                row = known
            } else {
                row = steps.count
                rowOfStep[step] = row
                steps.append(step)
                values.append(contentsOf: repeatElement(0, count: width))
                present.append(contentsOf: repeatElement(false, count: width))
            }
            values[row * width + column] = value
            present[row * width + column] = true
        }

        /// The steps in ascending order, each with its row.
        func rowsByStep() -> [(step: Int64, row: Int)] {
            steps.enumerated().map { ($1, $0) }.sorted { $0.step < $1.step }
        }
    }
}
