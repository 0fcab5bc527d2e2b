import Foundation
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents tail`: the built binary following live log directories through a pipe and a
/// pseudo-terminal, `--once` on the fixtures, and the pieces of its table.
@Suite struct TailTests {
    typealias Support = FollowExportSupport

    /// The points in `tail`'s line output (`run  tag  step  value`), with wall time 0; `nil` if a
    /// line does not have that form.
    static func points(_ output: String) -> [ScalarRow]? {
        var rows: [ScalarRow] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let fields = line.components(separatedBy: "  ")
            guard fields.count == 4, let step = Int64(fields[2]), let value = Double(fields[3]) else { return nil }
            rows.append(ScalarRow(run: fields[0], tag: fields[1], step: step, wallTime: 0, value: value))
        }
        return rows
    }

    static func withoutWallTimes(_ rows: [String: [String: [ScalarRow]]]) -> [String: [String: [ScalarRow]]] {
        rows.mapValues { tags in tags.mapValues { $0.map { row in var row = row; row.wallTime = 0; return row } } }
    }

    // MARK: Following a live log directory

    @Test func followsALiveLogdirPrintingEveryPointOnceInOrder() throws {
        let logdir = try Support.makeDirectory("tail-live")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let tail = try LiveCommand(["tail", logdir, "--from-start", "--interval", "0.1"])
        var expected: [ScalarRow] = []
        func write(_ writer: SummaryWriter, _ tag: String, _ value: Double, step: Int) throws {
            try writer.addScalar(tag, value, step: step)
            try writer.flush()
            expected.append(
                ScalarRow(
                    run: writer.logdir.components(separatedBy: "/").last ?? "", tag: tag, step: Int64(step),
                    wallTime: 0, value: Double(Float(value))))
        }
        func allPrinted() -> Bool {
            tail.waitForOutput { (Self.points($0)?.count ?? 0) >= expected.count }
        }
        let noFlushing = SummaryWriter.Options(flushInterval: .seconds(3600))

        // A run appears and grows a flush at a time.
        let train = try SummaryWriter(logdir: logdir + "/train", options: noFlushing)
        for step in 0..<5 {
            try write(train, "loss", Double(step) / 4, step: step)
            usleep(60_000)
        }
        #expect(allPrinted())

        // A second run appears while the first goes on.
        let eval = try SummaryWriter(logdir: logdir + "/eval", options: noFlushing)
        for step in 0..<3 {
            try write(eval, "accuracy", 0.5 + Double(step) / 8, step: step * 2)
            try write(train, "loss", 2 + Double(step), step: 5 + step)
            usleep(60_000)
        }
        #expect(allPrinted())

        // A second file in the run `train`, as a restarted writer (without a purge) makes it. It is
        // written by hand: SummaryWriter's names carry a per-process counter, and after 9 comes 10,
        // which sorts before it (TensorBoard never reads back), so a name that sorts last is used.
        try train.close()
        let second = logdir + "/train/events.out.tfevents.9999999999.testhost"
        try Support.append(Support.fileVersionRecord(), to: second)
        for step in 8..<11 {
            try Support.append(Support.scalarRecord("loss", Float(step), step: Int64(step), wallTime: 2), to: second)
            expected.append(ScalarRow(run: "train", tag: "loss", step: Int64(step), wallTime: 0, value: Double(step)))
        }
        try Support.append(Support.scalarRecord("lr", 0.001, step: 10, wallTime: 2), to: second)
        expected.append(ScalarRow(run: "train", tag: "lr", step: 10, wallTime: 0, value: Double(Float(0.001))))
        #expect(allPrinted())

        // A record written in pieces is printed once it is complete, and only then.
        try FileManager.default.createDirectory(atPath: logdir + "/manual", withIntermediateDirectories: true)
        let manual = logdir + "/manual/events.out.tfevents.1700000000.testhost"
        try Support.append(Support.fileVersionRecord() + Support.scalarRecord("x", 1.5, step: 0, wallTime: 1), to: manual)
        expected.append(ScalarRow(run: "manual", tag: "x", step: 0, wallTime: 0, value: 1.5))
        #expect(allPrinted())
        let record = Support.scalarRecord("x", -2.5, step: 1, wallTime: 2)
        try Support.append(record.prefix(7), to: manual)
        usleep(300_000)
        try Support.append(record.dropFirst(7).prefix(15), to: manual)
        usleep(300_000)
        #expect(Self.points(tail.stdout.text)?.count == expected.count, "nothing printed for a partial record")
        try Support.append(record.dropFirst(22), to: manual)
        expected.append(ScalarRow(run: "manual", tag: "x", step: 1, wallTime: 0, value: -2.5))
        #expect(allPrinted())

        try eval.close()
        #expect(tail.stop(with: SIGINT) == 0)
        let printed = try #require(Self.points(tail.stdout.text), "only point lines on stdout: \(tail.stdout.text)")
        #expect(printed.count == expected.count)
        #expect(Support.grouped(printed) == Support.grouped(expected))
        #expect(tail.stderr.text.isEmpty, "\(tail.stderr.text)")
    }

    @Test func printsOnlyNewPointsUnlessFromStartAndStopsCleanlyOnSIGTERM() throws {
        let logdir = try Support.makeDirectory("tail-new")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let old = try SummaryWriter(logdir: logdir + "/old")
        for step in 0..<3 { try old.addScalar("v", Double(step), step: step) }
        try old.close()

        let tail = try LiveCommand(["tail", logdir, "--interval", "0.1"])
        let writer = try SummaryWriter(logdir: logdir + "/new", options: .init(flushInterval: .seconds(3600)))
        var step = 0
        // Points written before tail has read the directory once count as existing: write until one shows.
        while step < 300 && Self.points(tail.stdout.text)?.isEmpty != false {
            try writer.addScalar("v", Double(step), step: step)
            try writer.flush()
            step += 1
            usleep(50_000)
        }
        let end = step + 3
        while step < end {
            try writer.addScalar("v", Double(step), step: step)
            try writer.flush()
            step += 1
        }
        #expect(tail.waitForOutput { $0.hasSuffix("new  v  \(end - 1)  \(Double(end - 1))\n") })
        try writer.close()
        #expect(tail.stop(with: SIGTERM) == 0)

        let printed = try #require(Self.points(tail.stdout.text))
        #expect(printed.allSatisfy { $0.run == "new" && $0.tag == "v" }, "no existing point: \(printed)")
        let first = try #require(printed.first).step
        #expect(printed.map(\.step) == Array(first..<Int64(end)))
    }

    @Test func aPurgeWhileFollowingIsNotedOnStandardError() throws {
        let logdir = try Support.makeDirectory("tail-purge")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let first = try SummaryWriter(logdir: logdir + "/r", options: .init(purgeStep: 0))
        for step in 0..<6 { try first.addScalar("loss", Double(step), step: step) }
        try first.close()

        let tail = try LiveCommand(["tail", logdir, "--from-start", "--interval", "0.1"])
        #expect(tail.waitForOutput { Self.points($0)?.count == 6 })
        // The restart as SummaryWriter(purgeStep: 3) writes it, in a file named to sort last.
        let restarted = logdir + "/r/events.out.tfevents.9999999999.testhost"
        try Support.append(Support.fileVersionRecord() + Support.sessionStartRecord(step: 3), to: restarted)
        for step in 3..<5 {
            try Support.append(Support.scalarRecord("loss", 100 + Float(step), step: Int64(step), wallTime: 2), to: restarted)
        }
        #expect(tail.waitForOutput { Self.points($0)?.count == 8 })
        #expect(Support.wait(seconds: 10) { tail.stderr.text.contains("restarted at step 3") })
        #expect(tail.stop(with: SIGINT) == 0)
        #expect(Self.points(tail.stdout.text)?.map(\.step) == [0, 1, 2, 3, 4, 5, 3, 4])

        // Read again once, the purged points are gone, as in TensorBoard.
        let once = try runTFEvents(["tail", "--once", logdir])
        #expect(once.status == 0)
        #expect(Self.points(once.stdout)?.map(\.value) == [0, 1, 2, 103, 104])
    }

    // MARK: On a terminal

    @Test func aTerminalGetsARefreshingTableAndTheCursorBack() throws {
        let logdir = try Support.makeDirectory("tail-table")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let train = try SummaryWriter(logdir: logdir + "/train")
        for step in 0..<30 { try train.addScalar("loss", 1 / Double(step + 1), step: step, wallTime: 1000 + Double(step) / 4) }
        try train.close()

        let tail = try LiveCommand(["tail", logdir, "--interval", "0.1"], terminal: (100, 20))
        #expect(tail.waitForOutput { $0.contains("train") && $0.contains("0.0333333") })
        let eval = try SummaryWriter(logdir: logdir + "/eval")
        try eval.addScalar("accuracy", 0.75, step: 12)
        try eval.close()
        #expect(tail.waitForOutput { $0.contains("accuracy") })
        #expect(tail.stop(with: SIGINT) == 0)

        let screen = tail.stdout.text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(screen.hasPrefix("\u{1B}[?25l"), "cursor hidden first")
        #expect(screen.hasSuffix("\u{1B}[?25h"), "cursor shown last: \(screen.suffix(40).debugDescription)")
        #expect(screen.contains("\u{1B}[1mrun"), "bold header")
        #expect(screen.contains("A\u{1B}[1m"), "redrawn in place (cursor up, then the title)")
        // The last frame: both runs, the rate (4 steps a second) and the sparkline.
        let frames = screen.components(separatedBy: "\u{1B}[J")
        #expect(frames.count >= 3)
        let lastFrame = frames[max(0, frames.count - 2)]
        #expect(lastFrame.contains("· 2 runs · 2 scalar series · ") && lastFrame.contains(" · Ctrl-C to quit"))
        let rows = lastFrame.components(separatedBy: "\n").filter { $0.contains("train") || $0.contains("eval") }
        #expect(rows.count == 2, "\(lastFrame.debugDescription)")
        #expect(rows.contains { $0.contains("loss") && $0.contains("29") && $0.contains("4.00") && $0.contains("▁") })
        #expect(rows.contains { $0.contains("accuracy") && $0.contains("12") && $0.contains("0.75") })
    }

    @Test func noColorOrLinesOnATerminalPrintPlainLines() throws {
        let logdir = try Support.makeDirectory("tail-nocolor")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir + "/run")
        try writer.addScalar("loss", 0.5, step: 1)
        try writer.close()
        let tail = try LiveCommand(
            ["tail", logdir, "--from-start", "--interval", "0.1"], terminal: (80, 24), environment: ["NO_COLOR": "1"])
        #expect(tail.waitForOutput { $0.contains("run  loss  1  0.5") })
        #expect(tail.stop(with: SIGINT) == 0)
        #expect(!tail.stdout.text.contains("\u{1B}"), "\(tail.stdout.text.debugDescription)")

        // --lines asks for the same on a terminal that allows colour.
        let lines = try LiveCommand(["tail", logdir, "--once", "--lines"], terminal: (80, 24))
        #expect(lines.stop(with: 0) == 0)
        #expect(lines.stdout.text == "run  loss  1  0.5\r\n")
    }

    @Test func onceOnATerminalPrintsTheTableWithoutMovingTheCursor() throws {
        let tail = try LiveCommand(["tail", "--once", Support.fixture("tbx_plugins")], terminal: (120, 10))
        #expect(tail.stop(with: 0) == 0)
        let screen = tail.stdout.text.replacingOccurrences(of: "\r", with: "")
        #expect(!screen.contains("\u{1B}[?25l") && !screen.contains("A\u{1B}"), "no cursor movement")
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.contains { $0.contains("run") && $0.contains("tag") && $0.contains("steps/s") && $0.contains("recent") })
        // All 16 scalar series, though the terminal has 10 rows: nothing is redrawn, so nothing is cut.
        #expect(lines.filter { $0.contains("tbx") && !$0.contains(" · ") }.count == 16, "\(screen)")
        #expect(lines.contains { $0.hasPrefix("\u{1B}[31m") && $0.contains("special/nan") }, "NaN rows in red")
        #expect(lines.contains { $0.contains("tbx ") && $0.contains("loss") && $0.contains("0.2") })
    }

    // MARK: --once through a pipe

    @Test(arguments: FollowExportSupport.intactFixtures)
    func onceThroughAPipePrintsTensorBoardsScalars(_ name: String) throws {
        let result = try runTFEvents(["tail", "--once", Support.fixture(name)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let printed = try #require(Self.points(result.stdout), "\(result.stdout)")
        let expected = Self.withoutWallTimes(try Support.tensorBoardScalars(name))
        #expect(Support.grouped(printed) == expected)
    }

    @Test(arguments: FollowExportSupport.damagedFixtures)
    func onceReportsDamageOnStandardErrorAndPrintsTheGoodPoints(_ name: String) throws {
        let result = try runTFEvents(["tail", "--once", Support.fixture(name)])
        #expect(result.status == 0)
        let printed = Support.grouped(try #require(Self.points(result.stdout)))
        #expect(printed["original"]?["x"]?.map(\.step) == Array(0...9))
        #expect(printed["original"]?["x"]?.last?.value == 13.5)
        let good = printed["damaged_then_good"]?["x"]?.map(\.step) ?? []
        #expect(good.suffix(5) == Array(10...14))
        let damaged = printed["damaged"]?["x"]?.map(\.step) ?? []
        #expect(Set(damaged).isSubset(of: Set(0...9)))
        if name == "damaged_empty_file" {
            #expect(result.stderr.isEmpty)
            #expect(damaged.isEmpty)
        } else {
            let warnings = result.stderr.split(separator: "\n")
            #expect(warnings.count == 2, "\(result.stderr)")
            #expect(warnings.allSatisfy { $0.hasPrefix("warning: ") && $0.contains("/events.out.tfevents.1700000000") })
        }
        // Good records after damage are found again: more than TensorBoard shows.
        if name == "damaged_data_crc" || name == "damaged_length_crc" {
            #expect(damaged == [0, 1, 2, 3, 5, 6, 7, 8, 9])
        }
    }

    @Test func onceAppliesTheFilters() throws {
        let result = try runTFEvents(["tail", "--once", Support.fixture("tbx_plugins"), "--runs", "loss_group/t", "--tags", "^loss"])
        #expect(result.status == 0)
        #expect(result.stdout == "tbx/loss_group/train  loss_group  0  1.0\ntbx/loss_group/train  loss_group  1  0.8999999761581421\n"
            + "tbx/loss_group/train  loss_group  2  0.800000011920929\n")
    }

    // MARK: Errors

    @Test func errorsAreOneLineWithTheRightStatus() throws {
        let missing = try runTFEvents(["tail", "/nonexistent/logdir"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: /nonexistent/logdir: no such log directory\n")

        let badRegex = try runTFEvents(["tail", Support.fixture("tbx_plugins"), "--tags", "(", "--once"])
        #expect(badRegex.status == 64)
        #expect(badRegex.stderr.contains("--tags: '(' is not a valid regular expression"))

        let badInterval = try runTFEvents(["tail", Support.fixture("tbx_plugins"), "--interval", "0"])
        #expect(badInterval.status == 64)
        #expect(badInterval.stderr.contains("--interval must be between 0.05 and 3600 seconds"))

        let empty = try Support.makeDirectory("tail-empty")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let emptyOnce = try runTFEvents(["tail", "--once", empty])
        #expect(emptyOnce.status == 1)
        #expect(emptyOnce.stderr.contains("no runs here"))

        let noMatch = try runTFEvents(["tail", "--once", Support.fixture("nested_runs"), "--runs", "zzz"])
        #expect(noMatch.status == 1)
        #expect(noMatch.stderr == "Error: no run matches --runs 'zzz'; the runs are: ., a, a/b, a/b/c\n")
    }

    @Test func helpHasAnExample() throws {
        let help = try runTFEvents(["tail", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("tfevents tail runs"))
        #expect(help.stdout.contains("--interval <seconds>"))
    }

    // MARK: Pieces

    @Test func linesEscapeControlCharactersAndKeepFullPrecision() {
        #expect(TFEventsCommand.Tail.line(run: "a\nb", tag: "t\u{1}", step: -3, value: Double(Float(0.1)))
            == "a\\nb  t\\x01  -3  0.10000000149011612\n")
        #expect(TFEventsCommand.Tail.line(run: "r", tag: "x", step: 1 << 40, value: -.infinity) == "r  x  1099511627776  -inf\n")
        #expect(TFEventsCommand.Tail.line(run: ".", tag: "é", step: 0, value: .nan) == ".  é  0  nan\n")
    }

    @Test func agesAndRatesAreShort() {
        #expect(TailTable.age(3.7) == "3s")
        #expect(TailTable.age(125) == "2m")
        #expect(TailTable.age(7_200) == "2h")
        #expect(TailTable.age(3 * 86_400) == "3d")
        #expect(TailTable.age(800 * 86_400) == "2y")
        #expect(TailTable.age(-5) == "0s")
        #expect(TailTable.rate(2) == "2.00")
        #expect(TailTable.rate(12.345) == "12.3")
        #expect(TailTable.rate(1234.5) == "1234")
    }

    @Test func theTableFitsTheTerminal() {
        var histories: [ScalarHistory] = []
        for run in 0..<30 {
            var history = ScalarHistory(run: "sweep/" + String(repeating: "x", count: 40) + "/seed-\(run)", tag: "loss")
            for step in 0..<25 { history.append(step: Int64(step), wallTime: Double(step), value: Double(step % 7)) }
            histories.append(history)
        }
        let table = TailTable(logdir: "runs", status: " · status", histories: histories, emptyMessage: "", footer: "footer")
        let narrow = table.lines(width: 60, height: 12, now: 30)
        #expect(narrow.count == 11)
        #expect(narrow.allSatisfy { $0.text.count <= 59 }, "\(narrow.map(\.text))")
        #expect(narrow[narrow.count - 2].text == "… 23 more series; narrow them with --runs or --tags")
        let wide = table.lines(width: 100, height: 12, now: 30)
        #expect(wide.allSatisfy { $0.text.count <= 99 }, "\(wide.map(\.text))")
        #expect(wide[2].text.hasPrefix("sweep/xx"))
        #expect(wide[2].text.contains("…xxx") && wide[2].text.contains("x/seed-0  loss"), "\(wide[2].text)")
        #expect(wide[2].text.suffix(20).allSatisfy(Sparkline.blocks.contains), "the sparkline is whole: \(wide[2].text)")
        #expect(ScalarHistory.capacity == 20 && histories[0].recent.count == 20 && histories[0].count == 25)
    }

    @Test func purgedPointsLeaveTheTable() async throws {
        let reader = try SummaryReader(logdir: Support.fixture("purge_step_restart"))
        var state = TailState(filters: CompiledFilters(runs: .all, tags: .all))
        for await update in reader.follow(from: .beginning) {
            switch update {
            case .series(let series): state.add(series)
            case .points(let run, let points), .replayed(let run, let points): state.add(points, run: run)
            case .rewind(let rewind): state.apply(rewind)
            case .caughtUp: break
            default: continue
            }
            if case .caughtUp = update { break }
        }
        let byName = Dictionary(
            uniqueKeysWithValues: state.table(logdir: "x", following: false, problemCount: 0).histories.map {
                ("\($0.run)/\($0.tag)", $0)
            })
        let loss = try #require(byName["both_purge_step/loss"])
        #expect(loss.recent.map(\.step) == [0, 1, 2, 3, 4, 5, 6, 7] && loss.last?.value == 107 && loss.count == 8)
        #expect(byName["both_purge_step/other"]?.recent.map(\.step) == [0, 1, 2, 3, 4])
        #expect(byName["first_without_purge_step/loss"]?.count == 13)
    }
}
