extension ExportRows {
    /// The row of one scalar point, written into ``ByteOutput``'s block as it is formatted:
    /// its series' prefix (the run and tag, escaped, from ``RowPrefixes``), then
    /// - CSV: `step,wall_time,value`, then a comma per empty column of the other kinds, `\n`;
    /// - JSON Lines: `"step": S, "wall_time": W, "value": V}` and `\n`.
    ///
    /// The row holds no reference (the prefix is an index into the table the rows of a block
    /// share), so making it on the reading core and formatting it on another touches no shared
    /// reference count: with the prefix a `String` per row, retains and releases of that string
    /// from both cores took a fifth of `export`'s time.
    ///
    /// The bytes are those of the `String` rows made before (`NumberFormatting.exact` and
    /// `JSONValue.format`, that is `Double.description` for finite numbers); `ExportRowsTests`
    /// compares the two.
    struct ScalarRow: ByteRow {
        var format: Format
        var prefix: RowPrefixes.Entry
        var step: Int64
        var wallTime: Double
        var value: Double
        /// CSV columns of the other kinds this row leaves empty.
        var emptyColumns: Int

        var maximumLength: Int {
            // Step (20), two numbers (32 each), their separators and keys (46), the empty columns.
            Int(prefix.length) + 20 + 2 * NumberFormatting.maximumDescriptionLength + 48 + emptyColumns
        }

        @inline(__always)
        func write(to start: UnsafeMutablePointer<UInt8>, shared prefixes: RowPrefixes) -> Int {
            var out = start
            out += prefixes.copy(prefix, to: out)
            switch format {
            case .csv:
                out += NumberFormatting.writeInteger(step, to: out)
                out.pointee = UInt8(ascii: ",")
                out += 1
                out += Self.writeCSVNumber(wallTime, to: out)
                out.pointee = UInt8(ascii: ",")
                out += 1
                out += Self.writeCSVNumber(value, to: out)
                for _ in 0..<emptyColumns {
                    out.pointee = UInt8(ascii: ",")
                    out += 1
                }
            case .jsonl:
                out += Self.copy(#""step": "#, to: out)
                out += NumberFormatting.writeInteger(step, to: out)
                out += Self.copy(#", "wall_time": "#, to: out)
                out += Self.writeJSONNumber(wallTime, to: out)
                out += Self.copy(#", "value": "#, to: out)
                out += Self.writeJSONNumber(value, to: out)
                out.pointee = UInt8(ascii: "}")
                out += 1
            }
            out.pointee = UInt8(ascii: "\n")
            return out + 1 - start
        }

        /// `NumberFormatting.exact`: `nan`, `inf`, `-inf`, or the shortest decimal.
        @inline(__always)
        static func writeCSVNumber(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
            guard value.isFinite else {
                return copy(value.isNaN ? "nan" : value > 0 ? "inf" : "-inf", to: out)
            }
            return NumberFormatting.writeDescription(value, to: out)
        }

        /// `JSONValue.format`: TensorBoard's `"NaN"`, `"Infinity"`, `"-Infinity"`, or the
        /// shortest decimal (an integral value keeps its `.0`, as `JSONValue` writes it).
        @inline(__always)
        static func writeJSONNumber(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
            guard value.isFinite else {
                return copy(value.isNaN ? #""NaN""# : value > 0 ? #""Infinity""# : #""-Infinity""#, to: out)
            }
            return NumberFormatting.writeDescription(value, to: out)
        }

        @inline(__always)
        private static func copy(_ text: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
            out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            return text.utf8CodeUnitCount
        }
    }
}
