internal import CSQLite

/// An open SQLite database: the only owner of a `sqlite3` handle. Not `Sendable`: one thread
/// uses it at a time, as SQLite's default threading mode asks.
///
/// Every call checks SQLite's result code and throws a ``SQLiteFailure`` naming the call.
package final class SQLiteConnection {
    private var handle: OpaquePointer?

    /// How to open the file.
    package enum Mode: Sendable {
        /// Read only; the file must exist.
        case readOnly
        /// Read and write, created when missing.
        case create
    }

    /// Opens the database at `path`. The corresponding C function is `sqlite3_open_v2`.
    package init(path: String, mode: Mode) throws(SQLiteFailure) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(opened)
            throw SQLiteFailure(code: code, message: "open: " + message)
        }
        handle = opened
    }

    deinit {
        // Statements are finalized by their own deinit first; `close_v2` waits for any left.
        sqlite3_close_v2(handle)
    }

    /// Closes the database, reporting a failure (the file's last writes happen here).
    package func close() throws(SQLiteFailure) {
        guard let handle else { return }
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw failure(code, "close") }
        self.handle = nil
    }

    /// Runs one or more statements that return no rows, such as `CREATE TABLE` or `PRAGMA`s.
    package func execute(_ sql: String) throws(SQLiteFailure) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            let first = sql.split(separator: "\n").first.map(String.init) ?? sql
            throw SQLiteFailure(code: code, message: "\(first): \(text)")
        }
    }

    /// Prepares a statement to run many times.
    package func prepare(_ sql: String) throws(SQLiteFailure) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code, "prepare") }
        return SQLiteStatement(statement, connection: self)
    }

    /// Every row of a query, each as its column values.
    package func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteFailure) -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        for (index, parameter) in parameters.enumerated() {
            try statement.bind(parameter, at: Int32(index + 1))
        }
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.column($0) })
        }
        return rows
    }

    /// The column names of a query's result.
    package func columnNames(_ sql: String) throws(SQLiteFailure) -> [String] {
        try prepare(sql).columnNames
    }

    /// The rowid of the last row inserted. The corresponding C function is
    /// `sqlite3_last_insert_rowid`.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// A failure of `call` with SQLite's current message.
    func failure(_ code: Int32, _ call: String) -> SQLiteFailure {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return SQLiteFailure(code: code, message: "\(call): \(message)")
    }
}
