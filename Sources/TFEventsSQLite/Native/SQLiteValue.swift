/// A value SQLite stores: its five storage classes.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The number, for an integer or a real.
    package var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    /// The integer, for an integer.
    package var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The string, for text.
    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The bytes, for a blob.
    package var blob: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }
}
