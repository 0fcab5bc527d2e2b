import Foundation
import TestSupport

/// A report written by `tfevents report`, taken apart for the tests: its HTML and the data JSON
/// its script reads, with ChartEncoding's base64 arrays decoded.
struct ReportPage {
    var html: String
    /// The data script's text, as in the page.
    var dataText: String
    var data: ParsedJSON
    var result: CommandResult

    /// Runs `tfevents report ARGUMENTS --output <temporary file>` and reads the page.
    static func make(_ arguments: [String]) throws -> ReportPage {
        let output = temporaryPath("report") + ".html"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try runTFEvents(["report"] + arguments + ["--output", output])
        guard result.status == 0 else {
            throw FixtureError("report exited with \(result.status): \(result.stderr)")
        }
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let start = #"<script type="application/json" id="report-data">"#
        guard let open = html.range(of: start), let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex)
        else { throw FixtureError("no data script in the report") }
        let dataText = String(html[open.upperBound..<close.lowerBound])
        return ReportPage(html: html, dataText: dataText, data: try ParsedJSON.parse(Array(dataText.utf8)), result: result)
    }

    /// The charts' data.
    var charts: [ParsedJSON] { data["sections"]["scalars"]["charts"].array }

    /// The line names, in colour order.
    var lineNames: [String] { data["sections"]["scalars"]["names"].array.compactMap(\.string) }

    /// The chart of `tag`.
    func chart(_ tag: String) -> ParsedJSON? {
        charts.first { $0["tag"].string == tag }
    }

    /// The name of a line of a chart.
    func name(of line: ParsedJSON) -> String? {
        line["line"].int.flatMap { lineNames.indices.contains($0) ? lineNames[$0] : nil }
    }

    // MARK: Decoding ChartEncoding's arrays

    static func bytes(_ base64: String?) -> [UInt8] {
        base64.flatMap { Data(base64Encoded: $0) }.map { Array($0) } ?? []
    }

    static func words<Word: FixedWidthInteger>(_ base64: String?, as: Word.Type) -> [Word] {
        let bytes = bytes(base64)
        let size = Word.bitWidth / 8
        return stride(from: 0, to: bytes.count - size + 1, by: size).map { start in
            var word = Word.zero
            for offset in 0..<size { word |= Word(bytes[start + offset]) << (8 * offset) }
            return word
        }
    }

    /// `{"f32": …}` or `{"f64": …}`.
    static func numbers(_ encoded: ParsedJSON) -> [Double] {
        if let f32 = encoded["f32"].string {
            return words(f32, as: UInt32.self).map { Double(Float(bitPattern: $0)) }
        }
        return words(encoded["f64"].string, as: UInt64.self).map { Double(bitPattern: $0) }
    }

    /// `{"first": s, "stride": d, "count": n}`, `{"first": s, "deltas": …}` or `{"f64": …}`.
    static func steps(_ encoded: ParsedJSON) -> [Int64] {
        guard let first = encoded["first"].double else { return numbers(encoded).map { Int64($0) } }
        if let stride = encoded["stride"].double, let count = encoded["count"].int {
            return (0..<count).map { Int64(first) + Int64($0) * Int64(stride) }
        }
        var step = Int64(first)
        return [step] + words(encoded["deltas"].string, as: UInt32.self).map { delta in
            step += Int64(Int32(bitPattern: delta))
            return step
        }
    }
}
