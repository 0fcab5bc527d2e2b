/// Inserts a series' scalar points as consecutive rows of `scalar_point`, and their rowid range
/// into `scalar_range`.
///
/// Rows are written ``batchSize`` at a time by one multi-row `INSERT` (binding a value is cheap,
/// but each step of a statement costs about as much as binding dozens), with an implicit rowid,
/// so each is an append to the table's B-tree. The rowids are counted here and checked against
/// SQLite's after each series, so a range can never be wrong.
final class ScalarInserter {
    /// Rows per multi-row statement (3 parameters each, far below SQLite's limit of 32,766).
    static let batchSize = 128

    private let connection: SQLiteConnection
    private let batch: SQLiteStatement
    private let single: SQLiteStatement
    private let range: SQLiteStatement
    /// The rowid the next point gets: the table only ever grows by these appends.
    private var nextRowID: Int64 = 1

    init(_ connection: SQLiteConnection) throws(SQLiteFailure) {
        self.connection = connection
        let row = "(?, ?, ?)"
        let values = Array(repeating: row, count: Self.batchSize).joined(separator: ", ")
        batch = try connection.prepare("INSERT INTO scalar_point (step, wall_time, value) VALUES " + values)
        single = try connection.prepare("INSERT INTO scalar_point (step, wall_time, value) VALUES " + row)
        range = try connection.prepare("INSERT INTO scalar_range VALUES (?, ?, ?)")
    }

    /// Inserts one series' points of a block; NaN becomes NULL.
    func insert(_ points: ScalarBlock.Series, seriesID: Int64) throws(SQLiteFailure) {
        let count = points.steps.count
        guard count > 0 else { return }
        let first = nextRowID
        var start = 0
        while start + Self.batchSize <= count {
            var parameter: Int32 = 1
            for index in start..<start + Self.batchSize {
                try bind(batch, parameter, points, index)
                parameter += 3
            }
            try batch.run()
            start += Self.batchSize
        }
        for index in start..<count {
            try bind(single, 1, points, index)
            try single.run()
        }
        nextRowID += Int64(count)
        let last = nextRowID - 1
        guard connection.lastInsertRowID == last else {
            throw SQLiteFailure(
                code: 1, message: "scalar_point: rowid \(connection.lastInsertRowID) where \(last) was expected")
        }
        try range.bind(seriesID, at: 1)
        try range.bind(first, at: 2)
        try range.bind(last, at: 3)
        try range.run()
    }

    private func bind(
        _ statement: SQLiteStatement, _ parameter: Int32, _ points: ScalarBlock.Series, _ index: Int
    ) throws(SQLiteFailure) {
        try statement.bind(points.steps[index], at: parameter)
        try statement.bind(points.wallTimes[index], at: parameter + 1)
        try statement.bind(points.values[index], at: parameter + 2)
    }
}
