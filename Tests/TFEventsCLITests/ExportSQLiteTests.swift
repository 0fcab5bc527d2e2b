import Foundation
import TestSupport
import Testing

@testable import TFEvents
@testable import TFEventsSQLite

/// `tfevents export --format sqlite`: the built binary writes a database that the `sqlite3`
/// shell and Python's `sqlite3` module open, whose scalars are the long CSV's, and that is never
/// left half-written at the output path, even when the export is killed with SIGKILL.
@Suite(.serialized) struct ExportSQLiteTests {
    /// Runs a program found on `PATH`, returning its status and standard output.
    static func runTool(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theDatabaseHoldsTheLongCSVsScalars() throws {
        let directory = TemporaryDirectory("tfevents-export-sqlite")
        let path = directory.path + "/seeds.db"
        let result = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Wrote 6 runs, 715 scalar points to \(path)."), "\(result.stderr)")
        let csv = try runTFEvents(["export", Fixtures.logdir("tbx_seeds")])
        let expected = try ExportTests.csvRows(csv.stdout).map { "\($0.run)|\($0.tag)|\($0.step)|\($0.value)" }
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        let rows = try connection.query("SELECT run, tag, step, value FROM scalars").map { row in
            "\(row[0].text ?? "")|\(row[1].text ?? "")|\(row[2].integer ?? 0)|\(row[3].double ?? .nan)"
        }
        #expect(rows.sorted() == expected.sorted())
    }

    @Test func theSQLiteShellAndPythonOpenIt() throws {
        let directory = TemporaryDirectory("tfevents-export-sqlite-interop")
        let path = directory.path + "/plugins.db"
        let result = try runTFEvents(["export", Fixtures.logdir("tbx_plugins"), "--format", "sqlite", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        let count = try connection.query("SELECT count(*) FROM scalars").first?.first?.integer ?? -1
        let nan = try connection.query("SELECT count(*) FROM scalars WHERE value IS NULL").first?.first?.integer ?? -1

        let shell = try Self.runTool([
            "sqlite3", "-readonly", "-batch", path,
            "PRAGMA integrity_check; SELECT count(*) FROM scalars; SELECT count(*) FROM scalars WHERE value IS NULL; "
                + "SELECT name, value FROM hparams ORDER BY name; SELECT sum(length(data)) FROM images;",
        ])
        #expect(shell.status == 0)
        let bytes = try connection.query("SELECT sum(length(data)) FROM images").first?.first?.integer ?? -1
        #expect(
            shell.stdout == "ok\n\(count)\n\(nan)\nlayers|3.0\nlr|0.01\noptimizer|adam\nuse_bn|1\n\(bytes)\n")

        let python = try Self.runTool([
            "python3", "-c",
            """
            import sqlite3, sys
            db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
            print(db.execute("SELECT count(*) FROM scalars").fetchone()[0])
            print(db.execute("SELECT count(*) FROM scalars WHERE value IS NULL").fetchone()[0])
            print(sorted(db.execute("SELECT name, value FROM hparams")))
            print(db.execute("SELECT value FROM scalars WHERE tag = 'special/pos_inf'").fetchone()[0])
            print(len(db.execute("SELECT data FROM images LIMIT 1").fetchone()[0]))
            """,
            path,
        ])
        #expect(python.status == 0)
        let firstImage = try connection.query("SELECT length(data) FROM images LIMIT 1").first?.first?.integer ?? -1
        #expect(
            python.stdout
                == "\(count)\n\(nan)\n[('layers', 3.0), ('lr', 0.01), ('optimizer', 'adam'), ('use_bn', 1)]\ninf\n"
                + "\(firstImage)\n")
    }

    @Test func sqliteNeedsAnOutputFileAndTakesNoMediaDirectories() throws {
        let noOutput = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "--format", "sqlite"])
        #expect(noOutput.status == 64)
        #expect(noOutput.stderr.contains("--output FILE"))
        let media = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "-o", "/tmp/x.db", "--images", "img"])
        #expect(media.status == 64)
        let wide = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "-o", "/tmp/x.db", "--wide"])
        #expect(wide.status == 64)
        let missing = try runTFEvents(["export", Fixtures.logdir("tbx_seeds"), "-o", "/nonexistent/dir/x.db"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: /nonexistent/dir/x.db: the directory of the file does not exist\n")
    }

    /// A log directory big enough that an export takes a while: 2 runs of 40,000 points.
    static func bigLogdir(_ directory: String) throws -> Int {
        for run in 0..<2 {
            let writer = try SummaryWriter(logdir: "\(directory)/run\(run)")
            for step in 0..<10_000 {
                try writer.addScalars(
                    [("loss", 1.0 / Double(step + 1)), ("accuracy", 0.5), ("lr", 0.1), ("grad", 2.0)], step: step)
            }
            try writer.close()
        }
        return 80_000
    }

    /// Whether `path` holds a whole database with every point.
    static func isComplete(_ path: String, points: Int) -> Bool {
        guard let connection = try? SQLiteConnection(path: path, mode: .readOnly) else { return false }
        return (try? connection.query("PRAGMA integrity_check")) == [[.text("ok")]]
            && (try? connection.query("SELECT count(*) FROM scalars")) == [[.integer(Int64(points))]]
    }

    @Test func killingTheExportNeverLeavesAPartialDatabase() throws {
        let directory = TemporaryDirectory("tfevents-export-sqlite-kill")
        let logdir = directory.path + "/logdir"
        let points = try Self.bigLogdir(logdir)
        let path = directory.path + "/runs.db"
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        let binary = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("tfevents")

        // A first, whole export, timed: the old file of the kills that follow.
        let start = Date()
        #expect(try runTFEvents(["export", logdir, "-o", path]).status == 0)
        let duration = Date().timeIntervalSince(start)
        let old = readFile(path)
        #expect(Self.isComplete(path, points: points))

        var killed = 0
        for round in 0..<10 {
            // Half the rounds start without an old file: then there must be nothing, or a whole file.
            let hadOldFile = round % 2 == 0
            if !hadOldFile { try? FileManager.default.removeItem(atPath: path) } else { writeFile(path, old) }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["export", logdir, "-o", path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...UInt32(duration * 1.1e6)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            if FileManager.default.fileExists(atPath: path) {
                let bytes = readFile(path)
                // The old file, untouched, or the complete new one.
                #expect(bytes == old || Self.isComplete(path, points: points), "round \(round)")
                #expect(Self.isComplete(path, points: points), "round \(round)")
            } else {
                #expect(!hadOldFile, "round \(round): the old file is gone")
            }
        }
        #expect(killed > 0)
        // The next export removes what the killed ones left.
        #expect(try runTFEvents(["export", logdir, "-o", path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["logdir", "runs.db"])
    }
}
