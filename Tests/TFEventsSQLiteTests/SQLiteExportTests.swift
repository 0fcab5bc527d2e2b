import Foundation
import TFEvents
import TestSupport
import Testing

@testable import TFEventsSQLite

/// The database's contract (views and their columns), exact numbers and steps, filters, and
/// what a failed export leaves.
@Suite struct SQLiteExportTests {
    /// The documented views and their columns with their declared types.
    static let views: [String: [String]] = [
        "scalars": ["run TEXT", "tag TEXT", "step INTEGER", "wall_time REAL", "value REAL"],
        "hparams": ["run TEXT", "name TEXT", "value "],
        "histograms": ["run TEXT", "tag TEXT", "step INTEGER", "left REAL", "right REAL", "count REAL"],
        "images": [
            "run TEXT", "tag TEXT", "step INTEGER", "idx INTEGER", "width INTEGER", "height INTEGER", "data BLOB",
        ],
        "text": ["run TEXT", "tag TEXT", "step INTEGER", "value TEXT"],
        "runs": ["run TEXT", "files INTEGER", "first_wall_time REAL", "last_wall_time REAL"],
        "problems": ["run TEXT", "file TEXT", "offset INTEGER", "kind TEXT", "message TEXT"],
        "audio": [
            "run TEXT", "tag TEXT", "step INTEGER", "idx INTEGER", "sample_rate INTEGER", "channels INTEGER",
            "frames INTEGER", "data BLOB",
        ],
        "pr_curves": [
            "run TEXT", "tag TEXT", "step INTEGER", "threshold REAL", "tp REAL", "fp REAL", "tn REAL", "fn REAL",
            "precision REAL", "recall REAL",
        ],
        "meshes": ["run TEXT", "tag TEXT", "mesh TEXT", "part TEXT", "step INTEGER", "batch INTEGER", "rows INTEGER"],
        "custom_scalars": ["run TEXT", "step INTEGER", "category TEXT", "chart TEXT", "kind TEXT", "tags TEXT"],
        "tags": ["run TEXT", "tag TEXT", "kind TEXT", "plugin TEXT", "points INTEGER", "purged INTEGER"],
        "files": ["run TEXT", "file TEXT", "size INTEGER"],
    ]

    @Test func viewsHaveExactlyTheDocumentedColumns() throws {
        let database = try ExportedDatabase(fixture: "tbx_plugins")
        let names = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'view'").compactMap(\.[0].text)
        #expect(Set(names) == Set(Self.views.keys))
        for (view, columns) in Self.views {
            let info = try database.rows("SELECT name, type FROM pragma_table_info('\(view)')")
            #expect(info.map { "\($0[0].text ?? "") \($0[1].text ?? "")" } == columns, "\(view)")
        }
        #expect(try database.rows("PRAGMA user_version") == [[.integer(Int64(DatabaseSchema.version))]])
        #expect(try database.rows("PRAGMA integrity_check") == [[.text("ok")]])
    }

    @Test func stepsAndNumbersAreExactNaNIsNullAndInfinitiesStay() throws {
        let directory = TemporaryDirectory("tfevents-sqlite-exact")
        let writer = try SummaryWriter(logdir: directory.path + "/run")
        let values: [(Int64, Double)] = [
            (Int64.max, 1), (Int64.max - 1, .nan), (Int64.min, .infinity), (-1, -.infinity),
            (1 << 53 + 1, 0.1), (0, 3.4028234663852886e38),
        ]
        for (step, value) in values {
            try writer.addScalar("x", value, step: step, wallTime: 1_700_000_000.125)
        }
        try writer.close()
        let database = try ExportedDatabase(logdir: directory.path)
        let rows = try database.rows(
            "SELECT step, typeof(step), value, typeof(value), wall_time FROM scalars ORDER BY step DESC")
        #expect(rows.count == values.count)
        let expected = values.sorted { $0.0 > $1.0 }
        for (row, (step, value)) in zip(rows, expected) {
            #expect(row[0] == .integer(step))
            #expect(row[1] == .text("integer"))
            if value.isNaN {
                #expect(row[2] == .null)
                #expect(row[3] == .text("null"))
            } else {
                #expect(row[2] == .real(Double(Float(value))), "float32 widened, exactly")
            }
            #expect(row[4] == .real(1_700_000_000.125))
        }
        #expect(try database.rows("SELECT count(*) FROM scalars WHERE value IS NULL") == [[.integer(1)]])
        #expect(try database.rows("SELECT count(*) FROM scalars WHERE value > 1e308") == [[.integer(1)]])
        #expect(try database.rows("SELECT max(step) FROM scalars") == [[.integer(Int64.max)]])
    }

    @Test func runAndTagFiltersChooseTheRows() throws {
        let options = SummaryReader.Options(
            runs: try NameFilter(pattern: "seed_1"), tags: try NameFilter(pattern: "loss"))
        let database = try ExportedDatabase(logdir: Fixtures.logdir("tbx_seeds"), options: options)
        #expect(try database.lines("SELECT DISTINCT run FROM scalars") == ["lr_0.01/seed_1", "lr_0.1/seed_1"])
        #expect(try database.lines("SELECT DISTINCT tag FROM scalars") == ["train/loss", "val/loss"])
        #expect(try database.lines("SELECT run FROM runs") == ["lr_0.01/seed_1", "lr_0.1/seed_1"])
        // Hyperparameters belong to the runs, whatever the tag filter.
        #expect(try database.rows("SELECT count(DISTINCT run) FROM hparams") == [[.integer(2)]])
    }

    @Test func purgedPointsAreLeftOutAndCounted() throws {
        let database = try ExportedDatabase(fixture: "purge_step_restart")
        #expect(database.counts.purged > 0)
        #expect(try database.rows("SELECT sum(purged) FROM tags") == [[.integer(Int64(database.counts.purged))]])
        #expect(
            try database.rows("SELECT sum(points) FROM tags WHERE kind = 'scalars'")
                == [[.integer(Int64(database.counts.scalars))]])
    }

    @Test func customScalarsLayoutsHaveARowPerChart() throws {
        let database = try ExportedDatabase(fixture: "tbx_plugins")
        let charts = try database.rows("SELECT category, chart, kind, tags FROM custom_scalars")
        #expect(!charts.isEmpty)
        #expect(charts.allSatisfy { ["multiline", "margin"].contains($0[2].text ?? "") })
        #expect(charts.allSatisfy { ($0[3].text ?? "").hasPrefix("[") })
    }

    @Test func exportsAtOnceIntoOneFileEachLeaveAWholeDatabase() throws {
        let directory = TemporaryDirectory("tfevents-sqlite-concurrent")
        let path = directory.path + "/runs.db"
        let reader = try SummaryReader(logdir: Fixtures.logdir("tbx_seeds"))
        // Threads of their own, not the tests' cooperative pool, since an export blocks.
        let failures = NSLock()
        nonisolated(unsafe) var errors: [any Error] = []
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                try SQLiteExport(reader: reader).write(to: path)
            } catch {
                failures.withLock { errors.append(error) }
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(try connection.query("SELECT count(*) FROM scalars") == [[.integer(715)]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["runs.db"])
    }

    @Test func aMissingDirectoryIsAnErrorAndNothingIsWritten() throws {
        let directory = TemporaryDirectory("tfevents-sqlite-missing")
        let path = directory.path + "/no/such/dir/out.db"
        let reader = try SummaryReader(logdir: Fixtures.logdir("tbx_seeds"))
        let error = #expect(throws: SQLiteExportError.self) { try SQLiteExport(reader: reader).write(to: path) }
        #expect(error?.kind == .noDirectory)
        #expect(error?.description.hasPrefix(path + ": ") == true)
    }

    @Test func aFullDiskLeavesTheOldFileAndNoTemporaryFile() throws {
        guard let mount = TemporaryMount(sizeKiB: 256) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        let path = mount.path + "/runs.db"
        let old: [UInt8] = Array("the old database".utf8)
        writeFile(path, old)
        // A log directory whose database needs more than the 256 KiB the file system has.
        let logdir = TemporaryDirectory("tfevents-sqlite-big")
        let writer = try SummaryWriter(logdir: logdir.path + "/run")
        for step in 0..<20_000 { try writer.addScalar("x", Double(step), step: step) }
        try writer.close()
        let error = #expect(throws: SQLiteExportError.self) {
            try SQLiteExport(reader: try SummaryReader(logdir: logdir.path)).write(to: path)
        }
        #expect(error.map { "\($0)" }?.contains("full") == true, "\(String(describing: error))")
        #expect(readFile(path) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path) == ["runs.db"])
    }

    @Test func anExportReplacesTheOldFileAndRemovesLeftoversOfKilledExports() throws {
        let directory = TemporaryDirectory("tfevents-sqlite-replace")
        let path = directory.path + "/runs.db"
        writeFile(path, Array("old".utf8))
        // What an export killed earlier left: a process that is surely gone (pid 2^22 + 1 is above
        // Linux's largest pid) and one that is alive (this one's parent) whose file stays.
        let gone = directory.path + "/.runs.db.4194305-1.tfevents-tmp"
        let alive = directory.path + "/.runs.db.\(getppid())-1.tfevents-tmp"
        writeFile(gone, [1])
        writeFile(alive, [2])
        try SQLiteExport(reader: try SummaryReader(logdir: Fixtures.logdir("tbx_seeds"))).write(to: path)
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(try connection.query("SELECT count(*) FROM runs") == [[.integer(6)]])
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
            ".runs.db.\(getppid())-1.tfevents-tmp", "runs.db",
        ])
    }
}
