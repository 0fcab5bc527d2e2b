import Foundation
import Glibc
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents log`, run as a user runs it: the built binary writing into temporary runs, read
/// back with the library's reader.
@Suite struct LogTests {
    // MARK: TAG=VALUE arguments

    @Test func argumentsWriteFloat32ScalarsAndStepsContinueAcrossCalls() throws {
        let run = temporaryPath("log-args") + "/a/run"
        defer { try? FileManager.default.removeItem(atPath: run) }
        var result = try runTFEvents(["log", run, "loss=0.1", "acc=0.25", "--wall-time", "1700000000.5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        result = try runTFEvents(["log", run, "loss=0.2"])
        #expect(result.status == 0)
        result = try runTFEvents(["log", run, "loss=1e-3", "--step", "10"])
        #expect(result.status == 0)
        result = try runTFEvents(["log", run, "loss=nan", "acc=-inf", "odd=tag=7"])
        #expect(result.status == 0)

        let files = LogFiles.eventFiles(run)
        #expect(files.count == 1)
        #expect(files.first?.hasSuffix(".cli") == true)
        let points = try LogFiles.scalars(run)
        #expect(points["loss"]?.map(\.step) == [0, 1, 10, 11])
        #expect(points["acc"]?.map(\.step) == [0, 1])
        #expect(points["odd=tag"]?.map(\.step) == [0])
        let loss = points["loss"]?.map(\.value) ?? []
        #expect(Array(loss.prefix(3)) == [Float(0.1), Float(0.2), Float(1e-3)])
        #expect(loss.last?.isNaN == true)
        #expect(points["acc"]?.map(\.value) == [0.25, -.infinity])
        #expect(points["odd=tag"]?.first?.value == 7)
        #expect(points["loss"]?.first?.wallTime == 1_700_000_000.5)
        #expect(abs((points["loss"]?.last?.wallTime ?? 0) - Date().timeIntervalSince1970) < 60)

        // The file is whole and TensorBoard's reader sees the same series.
        let inspect = try runTFEvents(["inspect", run])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("writer        swift-tfevents"))
    }

    @Test func valuesBeyondFloat32AreWrittenWithAWarning() throws {
        let run = temporaryPath("log-overflow")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let result = try runTFEvents(["log", run, "big=1e300", "small=1e-50"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: big: 1e+300 is beyond the range of TensorBoard's 32-bit scalars; stored as inf\n")
        let points = try LogFiles.scalars(run)
        #expect(points["big"]?.first?.value == .infinity)
        #expect(points["small"]?.first?.value == 0)
    }

    @Test(arguments: [
        (["log"], "Missing expected argument"),
        (["log", "RUN"], "give at least one TAG=VALUE, or --stdin"),
        (["log", "RUN", "loss"], "'loss' is not TAG=VALUE"),
        (["log", "RUN", "=1"], "'=1' has an empty tag"),
        (["log", "RUN", "loss=abc"], "'loss=abc': 'abc' is not a number"),
        (["log", "RUN", "loss="], "'loss=': '' is not a number"),
        (["log", "RUN", "loss=1", "loss=2"], "loss is given twice"),
        (["log", "RUN", "loss=1", "--stdin"], "give TAG=VALUE arguments or --stdin, not both"),
        (["log", "RUN", "--stdin", "--step", "3"], "--step and --wall-time apply to TAG=VALUE arguments"),
        (["log", "RUN", "loss=1", "--step", "1.5"], "--step"),
        (["log", "RUN", "loss=1", "--wall-time", "nan"], "--wall-time must be a finite number"),
        (["log", "RUN", "loss=1", "--bogus"], "Unknown option '--bogus'"),
    ])
    func badArgumentsAreUsageErrorsAndWriteNothing(_ arguments: [String], _ message: String) throws {
        let run = temporaryPath("log-usage")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let result = try runTFEvents(arguments.map { $0 == "RUN" ? run : $0 })
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run))
    }

    // MARK: --stdin

    @Test func stdinKeepsEveryGoodLineAndReportsEachMalformedOneByNumber() throws {
        let run = temporaryPath("log-stdin")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let input = """
            loss 0.5
            # a comment

            \tloss\t0.25\t7
            acc 0.75 not-a-step
            {"step": 20, "loss": 0.125, "acc": 0.5, "wall_time": 1700000000.25}
            {"loss": null}
            {"loss": "0.1"}
            loss 1 2 3
            {"lr": 1e-3, "nan": NaN, "up": Infinity, "down": -Infinity}\r
            {"step": 1.5, "loss": 1}
            {"step": 30, "loss": 1,}
            acc 0.875
            loss abc
            {"step": 4}
            {"loss": 1, "loss": 2}
            \u{7B}"caf\\u00e9 \\ud83d\\ude00": 2}
            loss 0.0625
            """
        let result = try runTFEvents(["log", run, "--stdin"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        let path = try #require(LogFiles.eventFiles(run).first)
        #expect(
            errors == [
                "line 5: step 'not-a-step' is not an integer",
                "line 7: \"loss\" is null; values must be numbers",
                "line 8: \"loss\" is a string; values must be numbers",
                "line 9: expected TAG VALUE [STEP] or a JSON object, got 4 fields",
                "line 11: \"step\" must be an integer, got 1.5",
                "line 12: invalid JSON at column 24: expected a key in double quotes",
                "line 14: value 'abc' is not a number",
                "line 15: no values: give at least one tag with a number",
                "line 16: duplicate key \"loss\"",
                "9 malformed lines were skipped; 7 lines were written to \(run)/\(path)",
            ])

        let points = try LogFiles.scalars(run)
        #expect(points["loss"]?.map(\.step) == [0, 7, 20, 21])
        #expect(points["loss"]?.map(\.value) == [0.5, 0.25, 0.125, 0.0625])
        #expect(points["acc"]?.map(\.step) == [20, 21])
        #expect(points["acc"]?.map(\.value) == [0.5, 0.875])
        #expect(points["loss"]?[2].wallTime == 1_700_000_000.25)
        #expect(points["lr"]?.first?.value == Float(1e-3))
        #expect(points["nan"]?.first?.value.isNaN == true)
        #expect(points["up"]?.first?.value == .infinity)
        #expect(points["down"]?.first?.value == -.infinity)
        #expect(points["café 😀"]?.first?.value == 2)
        #expect(points.keys.count == 7)
    }

    @Test func onlyWellFormedInputExitsZero() throws {
        let run = temporaryPath("log-clean")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let result = try runTFEvents(["log", run, "--stdin"], stdin: "a 1\n{\"b\": 2}\n\n# done")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try LogFiles.scalars(run).mapValues { $0.map(\.value) } == ["a": [1], "b": [2]])

        // No input at all writes nothing, not even an empty file.
        let none = try runTFEvents(["log", run + "/none", "--stdin"], stdin: "")
        #expect(none.status == 0)
        #expect(!FileManager.default.fileExists(atPath: run + "/none"))
    }

    @Test func overlongAndNonUTF8LinesAreSkipped() throws {
        let run = temporaryPath("log-long")
        defer { try? FileManager.default.removeItem(atPath: run) }
        var input = Data("a 1\n".utf8)
        input.append(Data(repeating: UInt8(ascii: "x"), count: (1 << 20) + 10))
        input.append(Data(" 2\nb 3\n".utf8))
        input.append(Data([0x63, 0xFF, 0x20, 0x34, 0x0A]))  // "c\xFF 4"
        input.append(Data(repeating: UInt8(ascii: "y"), count: 3 << 20))  // never held whole
        input.append(Data("\nd 5".utf8))  // no final newline
        let result = try LogProcess.run(["log", run, "--stdin"], input: input)
        #expect(result.status == 1)
        #expect(
            result.stderr.split(separator: "\n").prefix(3) == [
                "line 2: longer than 1048576 bytes", "line 4: not valid UTF-8", "line 5: longer than 1048576 bytes",
            ])
        #expect(try LogFiles.scalars(run).mapValues { $0.map(\.value) } == ["a": [1], "b": [3], "d": [5]])
    }

    @Test func aLivePipeIsFlushedAsSoonAsItGoesQuiet() throws {
        let run = temporaryPath("log-live")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let process = try LogProcess(["log", run, "--stdin"])
        for step in 0..<3 {
            process.send("loss \(step)\n")
            // Far sooner than the writer's 2-second timer: the line is flushed once input is idle.
            let deadline = Date().addingTimeInterval(1)
            var seen: [Int64] = []
            while Date() < deadline {
                seen = (try? LogFiles.scalars(run)["loss"]?.map(\.step)) ?? []
                if seen.count == step + 1 { break }
                usleep(20_000)
            }
            #expect(seen == (0...Int64(step)).map { $0 })
        }
        let result = process.finish()
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: Steps and files across calls

    @Test func defaultStepsContinueARunWrittenByAnotherWriterInANewFileThatSortsLast() throws {
        let run = temporaryPath("log-existing")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let writer = try SummaryWriter(logdir: run)
        for step in 0..<10 { try writer.addScalar("loss", Double(step), step: step) }
        try writer.close()

        let result = try runTFEvents(["log", run, "loss=99", "fresh=1"])
        #expect(result.status == 0)
        let files = LogFiles.eventFiles(run)
        #expect(files.count == 2)
        #expect(files.last?.hasSuffix(".cli") == true)  // sorts after the writer's file
        #expect(files.first == URL(fileURLWithPath: writer.path).lastPathComponent)
        let points = try LogFiles.scalars(run)
        #expect(points["loss"]?.last?.step == 10)
        #expect(points["fresh"]?.map(\.step) == [0])

        // A later call continues the .cli file, since it is now the last one.
        #expect(try runTFEvents(["log", run, "loss=100"]).status == 0)
        #expect(LogFiles.eventFiles(run).count == 2)
        #expect(try LogFiles.scalars(run)["loss"]?.last?.step == 11)
    }

    @Test func defaultStepsFollowTensorBoardsPurgeOnRestart() throws {
        let run = temporaryPath("log-purge")
        defer { try? FileManager.default.removeItem(atPath: run) }
        // A first attempt writes steps 0-9; a restart from step 5 (purge_step) writes nothing yet.
        let first = try SummaryWriter(logdir: run, options: .init(purgeStep: 0))
        for step in 0..<10 { try first.addScalar("loss", Double(step), step: step, wallTime: 1_700_000_000) }
        try first.close()
        sleep(1)  // the restart's file must sort after the first one
        let restart = try SummaryWriter(logdir: run, options: .init(purgeStep: 5))
        try restart.close()

        #expect(try runTFEvents(["log", run, "loss=5"]).status == 0)
        // TensorBoard shows steps 0-4 and then the new point at 5, not at 10.
        #expect(try LogFiles.scalars(run)["loss"]?.last?.step == 5)
    }

    @Test func aDamagedOrForeignLastFileIsNotAppendedTo() throws {
        let run = temporaryPath("log-damaged")
        defer { try? FileManager.default.removeItem(atPath: run) }
        #expect(try runTFEvents(["log", run, "x=1"]).status == 0)
        let first = try #require(LogFiles.eventFiles(run).first)
        // Cut the last record short, as a crash in the middle of a write would.
        let path = run + "/" + first
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))

        #expect(try runTFEvents(["log", run, "x=2"]).status == 0)
        let files = LogFiles.eventFiles(run)
        #expect(files.count == 2)
        #expect(files.first == first)
        // x@0 was lost with the cut tail, so the new file starts x at 0 again.
        #expect(try LogFiles.scalarSteps(inFile: run + "/" + (files.last ?? "")) == [0])
    }

    @Test func aFileHeldByAnotherLogIsLeftAloneAfterASecond() throws {
        let run = temporaryPath("log-locked")
        defer { try? FileManager.default.removeItem(atPath: run) }
        #expect(try runTFEvents(["log", run, "x=1"]).status == 0)
        let first = try #require(LogFiles.eventFiles(run).first)
        let descriptor = open(run + "/" + first, O_RDONLY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)

        let start = Date()
        #expect(try runTFEvents(["log", run, "x=2"]).status == 0)
        #expect(Date().timeIntervalSince(start) >= 1)
        #expect(LogFiles.eventFiles(run).count == 2)
        #expect(try LogFiles.scalars(run)["x"]?.map(\.step) == [0, 1])
    }

    @Test func concurrentCallsNeverDamageTheFile() throws {
        let run = temporaryPath("log-concurrent")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let processes = try (0..<8).map { index in try LogProcess(["log", run, "calls=\(index)"]) }
        for process in processes {
            let result = process.finish()
            #expect(result.status == 0, "\(result.stderr)")
        }
        let inspect = try runTFEvents(["inspect", run])
        #expect(inspect.status == 0, "\(inspect.stdout)")
        let points = try LogFiles.scalars(run)["calls"] ?? []
        #expect(points.map(\.value).sorted() == (0..<8).map { Float($0) })
        if LogFiles.eventFiles(run).count == 1 {
            // One file, so every call held the lock in turn: the steps count up without a repeat.
            #expect(points.map(\.step) == (0..<8).map { Int64($0) })
        }
    }

    // MARK: Directories and disks

    @Test func aLogdirThatIsAFileOrCannotBeCreatedIsAOneLineError() throws {
        let base = temporaryPath("log-dirs")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        _ = FileManager.default.createFile(atPath: base + "/file", contents: Data())
        let result = try runTFEvents(["log", base + "/file/run", "x=1"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(base)/file: cannot create the log directory: it is not a directory\n")
    }

    @Test func aReadOnlyFileSystemExitsOneWithOneLine() throws {
        guard let mount = TemporaryMount(sizeKiB: 64, readOnly: true) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        let missing = try runTFEvents(["log", mount.path + "/run", "x=1"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: \(mount.path)/run: cannot create the log directory: Read-only file system (errno 30)\n")

        let existing = try runTFEvents(["log", mount.path, "x=1"])
        #expect(existing.status == 1)
        #expect(existing.stderr.hasPrefix("Error: \(mount.path)/events.out.tfevents."))
        #expect(existing.stderr.hasSuffix(": cannot create the event file: Read-only file system (errno 30)\n"))
    }

    @Test func aFullFileSystemExitsOneWithOneLineAndKeepsWhatWasWritten() throws {
        guard let mount = TemporaryMount(sizeKiB: 64) else {
            Issue.record("cannot mount a tmpfs here; run the tests as root")
            return
        }
        // A stream of lines larger than the disk: the write that does not fit stops the command.
        let lines = (0..<5_000).map { "loss \($0)\n" }.joined()
        let result = try LogProcess.run(["log", mount.path + "/run", "--stdin"], input: Data(lines.utf8))
        #expect(result.status == 1)
        let message = result.stderr.split(separator: "\n")
        #expect(message.count == 1, "\(result.stderr)")
        #expect(message.first?.hasPrefix("Error: \(mount.path)/run/events.out.tfevents.") == true)
        #expect(message.first?.hasSuffix("write failed: No space left on device (errno 28)") == true)
        // What reached the disk reads back in order (the last record may be cut short).
        let reader = EventFileReader(
            path: mount.path + "/run/" + (LogFiles.eventFiles(mount.path + "/run").first ?? ""), isComplete: false)
        var steps: [Int64] = []
        while let entry = reader.next() {
            if case .event(let event, _) = entry, event.summary != nil { steps.append(event.step) }
        }
        #expect(steps.count > 100)
        #expect(steps == (0..<Int64(steps.count)).map { $0 })

        // A full disk from the start: even the first records cannot be written.
        let full = try runTFEvents(["log", mount.path + "/other", "x=1"])
        #expect(full.status == 1)
        #expect(full.stderr.hasSuffix("No space left on device (errno 28)\n"))
        #expect(full.stderr.split(separator: "\n").count == 1)
        #expect(LogFiles.eventFiles(mount.path + "/other").isEmpty)  // no empty file left behind
    }

    // MARK: Help

    @Test func helpHasExamplesForArgumentsAndStdin() throws {
        let help = try runTFEvents(["log", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("tfevents log runs/exp1 loss=0.25 accuracy=0.91 --step 100"))
        #expect(help.stdout.contains("tfevents log runs/exp1 --stdin"))
        #expect(help.stdout.contains("line N: what is wrong"))
    }
}

// MARK: - Helpers

/// Reading back what `log` wrote.
private enum LogFiles {
    /// The event files directly in `run`, in name order.
    static func eventFiles(_ run: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: run)) ?? []
        return names.filter { $0.contains("tfevents") }.sorted()
    }

    /// The steps of the summary events of one file, read directly; the file must be whole.
    static func scalarSteps(inFile path: String) throws -> [Int64] {
        let reader = EventFileReader(path: path)
        var steps: [Int64] = []
        while let entry = reader.next() {
            switch entry {
            case .event(let event, _): if event.summary != nil { steps.append(event.step) }
            case .problem(let problem): Issue.record("\(problem)")
            }
        }
        return steps
    }

    /// Each tag's points as TensorBoard's loader sees the run `.` of `run`.
    static func scalars(_ run: String) throws -> [String: [(step: Int64, value: Float, wallTime: Double)]] {
        let contents = try SummaryReader(logdir: run, options: .init(runs: .named(["."]))).contents()
        var result: [String: [(step: Int64, value: Float, wallTime: Double)]] = [:]
        for series in contents.run(named: ".")?.series ?? [] {
            result[series.series.tag] = series.points.compactMap { point in
                point.value.scalar.map { (point.step, Float($0), point.wallTime) }
            }
        }
        return result
    }
}

/// A `tfevents` process whose standard input is fed by the test, with its output collected.
private final class LogProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var outData = Data()
    private var errData = Data()
    private let group = DispatchGroup()

    init(_ arguments: [String]) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        process.executableURL = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent("tfevents")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        group.enter()
        DispatchQueue.global().async {
            self.outData = self.output.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            self.errData = self.errors.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
    }

    /// Writes to the process's standard input; a process that has exited is not an error.
    func send(_ data: Data) {
        _ = Self.ignoreBrokenPipes
        let descriptor = input.fileHandleForWriting.fileDescriptor
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if !(written < 0 && errno == EINTR) {
                    return  // EPIPE: the process stopped reading
                }
            }
        }
    }

    /// Writing to a process that exited gives EPIPE instead of killing the test runner.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    func send(_ text: String) { send(Data(text.utf8)) }

    /// Closes standard input and waits for the process to exit.
    func finish() -> CommandResult {
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `tfevents` with `input` on standard input (fed from another thread, so that neither
    /// side blocks on a full pipe, and a process that stops reading early is fine).
    static func run(_ arguments: [String], input: Data) throws -> CommandResult {
        let process = try LogProcess(arguments)
        let feeder = DispatchGroup()
        feeder.enter()
        DispatchQueue.global().async {
            process.send(input)
            try? process.input.fileHandleForWriting.close()
            feeder.leave()
        }
        feeder.wait()
        return process.finish()
    }
}

/// The line and argument parsers of `tfevents log`, in process.
@Suite struct LogInputTests {
    private func parse(_ line: String) throws -> LogEntry? {
        try TFEventsCLI.LogInput.line(Substring(line))
    }

    private func error(_ line: String) -> String? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return (error as? LogInputError)?.message
        }
    }

    @Test func plainLines() throws {
        #expect(try parse("") == nil)
        #expect(try parse(" \t ") == nil)
        #expect(try parse("  # loss 1") == nil)
        #expect(try parse("loss 1") == LogEntry(values: [.init(tag: "loss", value: 1)]))
        #expect(try parse("loss 0x1p-2 -3\r") == LogEntry(values: [.init(tag: "loss", value: 0.25)], step: -3))
        #expect(try parse("loss -INF")?.values.first?.value == -.infinity)
        #expect(try parse("loss nan")?.values.first?.value.isNaN == true)
        #expect(error("loss 1 9223372036854775808") == "step '9223372036854775808' is not an integer")
        #expect(error("loss") == "expected TAG VALUE [STEP] or a JSON object, got 1 fields")
        #expect(error("loss 1e") == "value '1e' is not a number")
    }

    @Test func jsonLines() throws {
        #expect(
            try parse(#"{"step": 9007199254740993, "a": 1, "b": -2.5e-1}"#)
                == LogEntry(values: [.init(tag: "a", value: 1), .init(tag: "b", value: -0.25)], step: 9_007_199_254_740_993))
        #expect(try parse(#"{"step": 1e3, "a": 1}"#)?.step == 1000)
        #expect(try parse(#"{"step": -0.0, "a": 1}"#)?.step == 0)
        #expect(try parse(#"  {"a\nb\u00e9\ud83d\ude00": 1}  "#)?.values.first?.tag == "a\nbé😀")
        #expect(try parse(#"{"a": -Infinity, "wall_time": 1.5}"#) == LogEntry(values: [.init(tag: "a", value: -.infinity)], wallTime: 1.5))
        #expect(error(#"{"a": 1} x"#) == "invalid JSON at column 10: unexpected text after the object")
        #expect(error(#"{"a": [1]}"#) == "\"a\" is an array; values must be numbers")
        #expect(error(#"{"a": {"b": 1}}"#) == "\"a\" is an object; values must be numbers")
        #expect(error(#"{"a": true}"#) == "\"a\" is a boolean; values must be numbers")
        #expect(error(#"{"a": .5}"#) == "\"a\" is not a JSON value; values must be numbers")
        #expect(error(#"{"a": 01}"#) == "invalid JSON at column 8: expected ',' or '}'")
        #expect(error(#"{"a": 1"#) == "invalid JSON at column 8: expected ',' or '}'")
        #expect(error(#"{"a": 1."#) == "invalid JSON at column 9: expected a digit after '.'")
        #expect(error(#"{a: 1}"#) == "invalid JSON at column 2: expected a key in double quotes")
        #expect(error(#"{"\ud83d": 1}"#) == "invalid JSON at column 9: unpaired surrogate in a \\u escape")
        #expect(error(#"{"a\q": 1}"#) == "invalid JSON at column 6: invalid escape '\\q'")
        #expect(error(#"{"wall_time": NaN, "a": 1}"#) == "\"wall_time\" must be a finite number of seconds, got NaN")
        #expect(error(#"{"step": 1e30, "a": 1}"#) == "\"step\" must be an integer, got 1e30")
        #expect(error(#"{"step": 92233720368547758070, "a": 1}"#) == "\"step\" must be an integer, got 92233720368547758070")
        #expect(error(#"{"": 1}"#) == "a key is empty: tags must not be empty")
        #expect(error("{}") == "no values: give at least one tag with a number")
    }

    @Test func assignments() throws {
        #expect(try LogInput.assignment("a=b=1") == .init(tag: "a=b", value: 1))
        #expect(try LogInput.assignment("loss=-1e-3") == .init(tag: "loss", value: -1e-3))
        #expect(throws: LogInputError("'loss= 1': ' 1' is not a number")) { try LogInput.assignment("loss= 1") }
    }
}
