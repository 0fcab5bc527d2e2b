import Foundation
import TFEvents
import TestSupport
import Testing

@testable import TFEventsSQLite

/// Every fixture log directory exported to SQLite and queried through the documented views,
/// against what TensorBoard's Python loader made of it (`<name>.tensorboard.json`, see
/// Fixtures/README.md): runs, scalars, hyperparameters, histogram buckets, images, text, audio,
/// PR curves and meshes, as multisets of rows.
@Suite struct SQLiteExportFixtureTests {
    /// Runs where the reader recovers records past damage that TensorBoard stops at: their
    /// points are a superset of TensorBoard's (checked in the library's ReaderDamageTests).
    static let recoveredRuns: Set<String> = ["damaged", "damaged_then_good"]

    /// TensorBoard's view of a run's section, every run but the recovered ones.
    static func section(_ view: ParsedJSON, _ name: String) -> [(run: String, tag: String, points: [ParsedJSON])] {
        view[name].object.sorted { $0.key < $1.key }.flatMap { run, tags in
            tags.object.sorted { $0.key < $1.key }.map { (run, $0.key, $0.value.array) }
        }.filter { !recoveredRuns.contains($0.run) }
    }

    /// The rows of a view, less the recovered runs.
    static func lines(_ database: ExportedDatabase, _ sql: String) throws -> [String] {
        try database.lines(sql).filter { line in !recoveredRuns.contains { line.hasPrefix($0 + "|") } }
    }

    static func number(_ value: ParsedJSON) -> String {
        guard let double = value.double else { return "?" }
        return double.isNaN ? "NULL" : "\(double == 0 ? 0 : double)"  // SQLite keeps no -0
    }

    static func integer(_ value: ParsedJSON) -> String {
        value.double.map { String(Int64($0)) } ?? "?"
    }

    @Test(arguments: Fixtures.logdirNames)
    func runsMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = view["runs"].array.compactMap(\.string).map { run in
            [
                run, String(view["run_files"][run].array.count),
                view["run_info"][run]["first_event_timestamp"].double.map { "\($0)" } ?? "NULL",
            ].joined(separator: "|")
        }.sorted()
        #expect(try database.lines("SELECT run, files, first_wall_time FROM runs") == expected)
        // The last wall time is the latest of the run's points.
        for row in try database.rows("SELECT run, last_wall_time FROM runs") {
            let latest = try database.rows(
                "SELECT max(wall_time) FROM scalars WHERE run = ?", [row[0]]
            ).first?.first?.double
            if let latest, let last = row[1].double { #expect(last >= latest, "\(row)") }
        }
        #expect(database.counts.runs == expected.count)
    }

    @Test(arguments: Fixtures.logdirNames)
    func scalarsMatchTensorBoardExactly(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "scalars").flatMap { run, tag, points in
            points.map { point in
                let fields = point.array
                return [run, tag, Self.integer(fields[1]), Self.number(fields[0]), Self.number(fields[2])]
                    .joined(separator: "|")
            }
        }.sorted()
        #expect(try Self.lines(database, "SELECT run, tag, step, wall_time, value FROM scalars") == expected)
    }

    @Test(arguments: Fixtures.logdirNames)
    func scalarRowsKeepTensorBoardsOrder(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        for (run, tag, points) in Self.section(view, "scalars") {
            let rows = try database.rows(
                """
                SELECT p.step, p.wall_time FROM scalar_range g JOIN series s ON s.id = g.series_id
                JOIN run r ON r.id = s.run_id JOIN scalar_point p ON p.rowid BETWEEN g.first_point AND g.last_point
                WHERE r.name = ? AND s.tag = ? ORDER BY p.rowid
                """, [.text(run), .text(tag)])
            let expected = points.map { "\(Self.integer($0.array[1]))|\(Self.number($0.array[0]))" }
            #expect(rows.map(ExportedDatabase.line) == expected, "\(run)/\(tag)")
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func hparamsMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        var expected: [String] = []
        for (run, tags) in view["hparams"].object {
            let hparams = tags["_hparams_/session_start_info"]["plugin_content"]["session_start_info"]["hparams"]
            for (hparam, value) in hparams.object {
                let text: String
                switch value {
                case .bool(let flag): text = flag ? "1" : "0"
                case .string(let string): text = string
                default: text = Self.number(value)
                }
                expected.append("\(run)|\(hparam)|\(text)")
            }
        }
        #expect(try database.lines("SELECT run, name, value FROM hparams") == expected.sorted())
        // Booleans are integers, numbers reals, strings text.
        for row in try database.rows("SELECT typeof(value), value FROM hparams") {
            #expect(["integer", "real", "text"].contains(row[0].text ?? ""))
            if row[0] == .text("integer") { #expect([0, 1].contains(row[1].integer ?? -1)) }
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func histogramBucketsMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "histograms").flatMap { run, tag, points in
            points.flatMap { point in
                point["buckets"].array.map { bucket in
                    ([run, tag, Self.integer(point["step"])] + bucket.array.map(Self.number)).joined(separator: "|")
                }
            }
        }.sorted()
        #expect(try Self.lines(database, "SELECT run, tag, step, left, right, count FROM histograms") == expected)
        #expect(database.counts.histograms == Self.section(view, "histograms").reduce(0) { $0 + $1.points.count })
    }

    @Test(arguments: Fixtures.logdirNames)
    func imagesMatchTensorBoardWithTheirBytes(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "images").flatMap { run, tag, points in
            points.flatMap { point in
                point["bytes"].array.enumerated().map { index, bytes in
                    [
                        run, tag, Self.integer(point["step"]), String(index), Self.integer(point["width"]),
                        Self.integer(point["height"]), Self.integer(bytes),
                    ].joined(separator: "|")
                }
            }
        }.sorted()
        #expect(
            try Self.lines(database, "SELECT run, tag, step, idx, width, height, length(data) FROM images") == expected)
        // The bytes are the encoded images the reader reads (which ReaderFixtureTests compares
        // with TensorBoard's SHA-256 of each).
        let contents = try SummaryReader(logdir: Fixtures.logdir(name)).contents(kinds: [.images])
        var ours: [String: [UInt8]] = [:]
        for row in try database.rows("SELECT run, tag, step, idx, data FROM images") {
            ours[ExportedDatabase.line(Array(row.prefix(4)))] = row[4].blob
        }
        for run in contents.runs {
            for series in run.series {
                for point in series.points {
                    guard case .images(_, _, let images) = point.value else { continue }
                    for (index, image) in images.enumerated() {
                        #expect(ours["\(run.run.name)|\(series.series.tag)|\(point.step)|\(index)"] == image)
                    }
                }
            }
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func textMatchesTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "text").flatMap { run, tag, points in
            points.map { point in
                let strings = Self.flattened(point["text"])
                let value = strings.count == 1 ? strings[0] : Self.json(point["text"])
                return "\(run)|\(tag)|\(Self.integer(point["step"]))|\(value)"
            }
        }.sorted()
        #expect(try Self.lines(database, "SELECT run, tag, step, value FROM text") == expected)
    }

    static func flattened(_ value: ParsedJSON) -> [String] {
        switch value {
        case .string(let string): [string]
        case .array(let items): items.flatMap(flattened)
        default: []
        }
    }

    static func json(_ value: ParsedJSON) -> String {
        switch value {
        case .string(let string): JSONText.quote(string)
        case .array(let items): "[" + items.map(json).joined(separator: ",") + "]"
        default: "?"
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func audioMatchesTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "audio").flatMap { run, tag, points in
            points.flatMap { point in
                point["bytes"].array.enumerated().map { index, bytes in
                    let format = point["wav_format"].array[index]
                    let facts = ["sample_rate", "channels", "frames"].map {
                        format == .null ? "NULL" : Self.integer(format[$0])
                    }
                    return ([run, tag, Self.integer(point["step"]), String(index)] + facts + [Self.integer(bytes)])
                        .joined(separator: "|")
                }
            }
        }.sorted()
        #expect(
            try Self.lines(
                database, "SELECT run, tag, step, idx, sample_rate, channels, frames, length(data) FROM audio")
                == expected)
    }

    @Test(arguments: Fixtures.logdirNames)
    func prCurvesHaveARowPerThreshold(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "pr_curves").flatMap { run, tag, points in
            points.flatMap { point in
                let rows = point["values"].array.map(\.array)
                let count = rows.first?.count ?? 0
                return (0..<count).map { index in
                    let threshold = count > 1 ? Double(index) / Double(count - 1) : 0
                    let values = rows.map { Self.number($0[index]) }
                    return ([run, tag, Self.integer(point["step"]), "\(threshold)"] + values).joined(separator: "|")
                }
            }
        }.sorted()
        #expect(
            try Self.lines(
                database, "SELECT run, tag, step, threshold, tp, fp, tn, fn, precision, recall FROM pr_curves")
                == expected)
    }

    @Test(arguments: Fixtures.logdirNames)
    func meshSizesMatchTensorBoard(_ name: String) throws {
        let view = try Fixtures.tensorboardView(name)
        let database = try ExportedDatabase(fixture: name)
        let expected = Self.section(view, "mesh").flatMap { run, tag, points in
            points.map { point in
                let shape = point["shape"].array.map(Self.integer)
                return [run, tag, Self.integer(point["step"]), shape[0], shape[1]].joined(separator: "|")
            }
        }.sorted()
        #expect(try Self.lines(database, "SELECT run, tag, step, batch, rows FROM meshes") == expected)
        // Every mesh part is named after its mesh.
        let unnamed = try database.rows("SELECT count(*) FROM meshes WHERE mesh IS NULL OR part IS NULL")
        #expect(unnamed == [[.integer(0)]])
    }

    @Test(arguments: Fixtures.damagedNames)
    func problemsAreThoseTheReaderReports(_ name: String) throws {
        let database = try ExportedDatabase(fixture: name)
        let contents = try SummaryReader(logdir: Fixtures.logdir(name)).contents()
        let expected = contents.runs.flatMap { run in
            run.problems.map { problem in
                let file = String(problem.path.split(separator: "/").last ?? "")
                let offset = problem.offset.map(String.init) ?? "NULL"
                return [run.run.name, file, offset, problem.kind.rawValue, problem.message].joined(separator: "|")
            }
        }.sorted()
        #expect(try database.lines("SELECT run, file, offset, kind, message FROM problems") == expected)
        #expect(database.counts.problems.count == expected.count)
    }
}
