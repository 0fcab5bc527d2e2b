/// Inserts scalar points many rows per statement: binding is cheap, but each step of a statement
/// costs about as much as binding dozens of values, so rows are gathered and written
/// ``batchSize`` at a time by one multi-row `INSERT`.
final class ScalarInserter {
    /// Rows per multi-row statement (4 parameters each, far below SQLite's limit of 32,766).
    static let batchSize = 64

    private let batch: SQLiteStatement
    private let single: SQLiteStatement
    private var rows: [(seriesID: Int64, step: Int64, wallTime: Double, value: Double)] = []

    init(_ connection: SQLiteConnection) throws(SQLiteFailure) {
        let values = Array(repeating: "(?, ?, ?, ?)", count: Self.batchSize).joined(separator: ", ")
        batch = try connection.prepare("INSERT INTO scalar_point VALUES " + values)
        single = try connection.prepare("INSERT INTO scalar_point VALUES (?, ?, ?, ?)")
        rows.reserveCapacity(Self.batchSize)
    }

    /// Adds a point; NaN becomes NULL.
    func add(seriesID: Int64, step: Int64, wallTime: Double, value: Double) throws(SQLiteFailure) {
        rows.append((seriesID, step, wallTime, value))
        guard rows.count == Self.batchSize else { return }
        var parameter: Int32 = 1
        for row in rows {
            try batch.bind(row.seriesID, at: parameter)
            try batch.bind(row.step, at: parameter + 1)
            try batch.bind(row.wallTime, at: parameter + 2)
            try batch.bind(row.value, at: parameter + 3)
            parameter += 4
        }
        try batch.run()
        rows.removeAll(keepingCapacity: true)
    }

    /// Writes the rows still gathered, one statement each.
    func flush() throws(SQLiteFailure) {
        for row in rows {
            try single.bind(row.seriesID, at: 1)
            try single.bind(row.step, at: 2)
            try single.bind(row.wallTime, at: 3)
            try single.bind(row.value, at: 4)
            try single.run()
        }
        rows.removeAll(keepingCapacity: true)
    }
}
