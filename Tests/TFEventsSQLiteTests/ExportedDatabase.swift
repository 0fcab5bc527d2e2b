import Foundation
import TFEvents
import TestSupport

@testable import TFEventsSQLite

/// A fixture (or any log directory) exported to a database in a temporary directory, opened
/// read-only for the test's queries; the directory goes when the value does.
final class ExportedDatabase {
    let directory: TemporaryDirectory
    let path: String
    let counts: SQLiteExport.Counts
    let connection: SQLiteConnection

    init(logdir: String, options: SummaryReader.Options = .init()) throws {
        directory = TemporaryDirectory("tfevents-sqlite")
        path = directory.path + "/export.db"
        counts = try SQLiteExport(reader: try SummaryReader(logdir: logdir, options: options)).write(to: path)
        connection = try SQLiteConnection(path: path, mode: .readOnly)
    }

    convenience init(fixture name: String) throws {
        try self.init(logdir: Fixtures.logdir(name))
    }

    /// Every row of a query.
    func rows(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try connection.query(sql, parameters)
    }

    /// Every row of a query as one line each (`|` between columns, numbers as Swift prints them,
    /// NULL as `NULL`, blobs as their length), sorted: a multiset to compare with.
    func lines(_ sql: String) throws -> [String] {
        try rows(sql).map(Self.line).sorted()
    }

    static func line(_ row: [SQLiteValue]) -> String {
        row.map { value -> String in
            switch value {
            case .null: "NULL"
            case .integer(let number): String(number)
            case .real(let number): "\(number)"
            case .text(let text): text
            case .blob(let bytes): "<\(bytes.count) bytes>"
            }
        }.joined(separator: "|")
    }
}
