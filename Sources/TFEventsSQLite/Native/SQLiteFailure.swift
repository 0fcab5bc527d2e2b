/// A failed SQLite call: its result code and SQLite's message, for the `package` side of this
/// folder. ``SQLiteExportError`` turns it into the public error, with the database's path.
package struct SQLiteFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_FULL` is 13, `SQLITE_CANTOPEN` 14, ...).
    package var code: Int32
    /// What failed and SQLite's explanation, such as `step: database or disk is full`.
    package var message: String

    package init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(message) (SQLite code \(code))" }
}
