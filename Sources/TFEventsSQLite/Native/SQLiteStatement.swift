internal import CSQLite

/// A prepared statement, bound and stepped many times: the hot path of an export, so binding a
/// value is one C call and one check.
package final class SQLiteStatement {
    private let statement: OpaquePointer
    /// Keeps the database open while the statement lives.
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds an integer to parameter `index` (counting from 1).
    package func bind(_ value: Int64, at index: Int32) throws(SQLiteFailure) {
        try check(sqlite3_bind_int64(statement, index, value), "bind")
    }

    /// Binds a number; NaN is bound as NULL, which is what SQLite stores for it anyway, said here
    /// so that no reader has to know SQLite's rule.
    package func bind(_ value: Double, at index: Int32) throws(SQLiteFailure) {
        if value.isNaN {
            try check(sqlite3_bind_null(statement, index), "bind")
        } else {
            try check(sqlite3_bind_double(statement, index, value), "bind")
        }
    }

    /// Binds a number, or NULL for `nil`.
    package func bind(_ value: Double?, at index: Int32) throws(SQLiteFailure) {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds an integer, or NULL for `nil`.
    package func bind(_ value: Int?, at index: Int32) throws(SQLiteFailure) {
        if let value { try bind(Int64(value), at: index) } else { try bindNull(at: index) }
    }

    /// Binds text (SQLite copies it), or NULL for `nil`.
    package func bind(_ value: String?, at index: Int32) throws(SQLiteFailure) {
        guard var value else { return try bindNull(at: index) }
        let code = value.withUTF8 { bytes in
            guard let start = bytes.baseAddress else {
                // An empty string, not NULL: SQLite's static empty text.
                return sqlite3_bind_text(statement, index, "", 0, nil)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, index, $0, Int32(bytes.count), csqlite_transient())
            }
        }
        try check(code, "bind")
    }

    /// Binds bytes as a blob (SQLite copies them).
    package func bind(bytes value: [UInt8], at index: Int32) throws(SQLiteFailure) {
        let code = value.withUnsafeBytes { raw in
            // A zero-length blob, not NULL, for no bytes.
            raw.isEmpty
                ? sqlite3_bind_zeroblob(statement, index, 0)
                : sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count), csqlite_transient())
        }
        try check(code, "bind")
    }

    /// Binds NULL.
    package func bindNull(at index: Int32) throws(SQLiteFailure) {
        try check(sqlite3_bind_null(statement, index), "bind")
    }

    /// Binds any value.
    package func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteFailure) {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let number): try bind(number, at: index)
        case .real(let number): try bind(number, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let bytes): try bind(bytes: bytes, at: index)
        }
    }

    /// Runs the statement to its next row: `true` when a row is ready, `false` when done.
    @discardableResult
    package func step() throws(SQLiteFailure) -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        sqlite3_reset(statement)
        throw connection.failure(code, "step")
    }

    /// Runs a statement that returns no row, then makes it ready to be bound again.
    package func run() throws(SQLiteFailure) {
        try step()
        try reset()
    }

    /// Makes the statement ready to run again; bindings stay until replaced.
    package func reset() throws(SQLiteFailure) {
        try check(sqlite3_reset(statement), "reset")
    }

    /// The number of columns of a row.
    package var columnCount: Int32 { sqlite3_column_count(statement) }

    /// The result's column names.
    package var columnNames: [String] {
        (0..<columnCount).map { String(cString: sqlite3_column_name(statement, $0)) }
    }

    /// Column `index` (from 0) of the current row.
    package func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func check(_ code: Int32, _ call: String) throws(SQLiteFailure) {
        guard code == SQLITE_OK else { throw connection.failure(code, call) }
    }
}
