import Foundation
import TestSupport

@testable import TFEvents

/// Helpers for the `tail` and `export` tests: fixtures and TensorBoard's view of them, output
/// parsing, and child processes that run while the test writes (through a pipe or a terminal).
enum FollowExportSupport {
    /// The fixture log directories that are not damaged.
    static let intactFixtures = Fixtures.cleanNames

    /// The damaged fixture log directories (Fixtures/README.md).
    static let damagedFixtures = Fixtures.damagedNames

    /// `Fixtures/logdirs/<name>`.
    static func fixture(_ name: String) -> String { Fixtures.logdir(name) }

    /// `<name>.tensorboard.json`, parsed.
    static func tensorBoardView(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name) + ".tensorboard.json"))
        guard let view = try ExactJSON.parse(Array(data)) as? [String: Any] else {
            throw SupportError("\(name).tensorboard.json is not an object")
        }
        return view
    }

    /// TensorBoard's scalar points, by run and tag, in its order.
    static func tensorBoardScalars(_ name: String) throws -> [String: [String: [ScalarRow]]] {
        let view = try tensorBoardView(name)
        var result: [String: [String: [ScalarRow]]] = [:]
        for (run, tags) in view["scalars"] as? [String: [String: [[Any]]]] ?? [:] {
            for (tag, points) in tags {
                result[run, default: [:]][tag] = try points.map { point in
                    ScalarRow(
                        run: run, tag: tag, step: try integer(point[1]), wallTime: try number(point[0]),
                        value: try number(point[2]))
                }
            }
        }
        return result
    }

    /// A JSON number, or TensorBoard's `"NaN"`, `"Infinity"` and `"-Infinity"`.
    static func number(_ value: Any) throws -> Double {
        switch value {
        case let text as String:
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: throw SupportError("not a number: \(text)")
            }
        case let number as ExactJSON.Number:
            guard let double = Double(number.text) else { throw SupportError("not a number: \(number.text)") }
            return double
        default:
            throw SupportError("not a number: \(value)")
        }
    }

    static func integer(_ value: Any) throws -> Int64 {
        guard let number = value as? ExactJSON.Number, let integer = Int64(number.text) else {
            throw SupportError("not an integer: \(value)")
        }
        return integer
    }

    /// Rows grouped by run and tag, each group in the order of `rows`.
    static func grouped(_ rows: [ScalarRow]) -> [String: [String: [ScalarRow]]] {
        var result: [String: [String: [ScalarRow]]] = [:]
        for row in rows { result[row.run, default: [:]][row.tag, default: []].append(row) }
        return result
    }

    /// RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// A new empty directory; the caller removes it.
    static func makeDirectory(_ label: String) throws -> String {
        let path = temporaryPath(label)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One framed event holding a legacy scalar.
    static func scalarRecord(_ tag: String, _ value: Float, step: Int64, wallTime: Double) -> [UInt8] {
        let event = Event(
            wallTime: wallTime, step: step,
            what: .summary(Summary(values: [.init(tag: tag, content: .simpleValue(value))])))
        return TFRecordFraming.frame(ProtobufEncoder.encode(event))
    }

    /// One framed `file_version` event.
    static func fileVersionRecord() -> [UInt8] {
        TFRecordFraming.frame(ProtobufEncoder.encode(Event(wallTime: 1, what: .fileVersion("brain.Event:2"))))
    }

    /// One framed `SessionLog START` event: what a writer restarting at `step` writes first.
    static func sessionStartRecord(step: Int64) -> [UInt8] {
        let event = Event(
            wallTime: 2, step: step, what: .sessionLog(.init(status: .start, checkpointPath: "", message: "")))
        return TFRecordFraming.frame(ProtobufEncoder.encode(event))
    }

    /// Appends bytes to a file, creating it if needed.
    static func append(_ bytes: some Collection<UInt8>, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
    }

    /// The path of the built `tfevents`.
    static var binary: String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("tfevents").path
    }

    /// Waits until `condition` holds, checking every 20 ms; returns whether it did within `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

struct SupportError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One scalar point as a command printed it or TensorBoard shows it. Values compare bit for bit
/// (NaN equals NaN, -0 differs from +0).
struct ScalarRow: Equatable, CustomStringConvertible {
    var run: String
    var tag: String
    var step: Int64
    var wallTime: Double
    var value: Double

    static func == (a: ScalarRow, b: ScalarRow) -> Bool {
        a.run == b.run && a.tag == b.tag && a.step == b.step && same(a.wallTime, b.wallTime) && same(a.value, b.value)
    }

    private static func same(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
    }

    var description: String { "\(run) \(tag) \(step) \(wallTime) \(value)" }
}

/// Bytes gathered from a file descriptor by a background thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads `descriptor` until end of file (or EIO, for a terminal whose last writer closed),
    /// then closes it and calls `done`.
    func read(from descriptor: Int32, done: @escaping @Sendable () -> Void = {}) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                lock.lock()
                data.append(contentsOf: buffer[0..<count])
                lock.unlock()
            }
            close(descriptor)
            done()
        }
    }
}

/// `tfevents` running in the background with its standard output on a pipe or a pseudo-terminal,
/// read as it writes.
final class LiveCommand {
    let process = Process()
    let stdout = Collected()
    let stderr = Collected()
    private let outputClosed = DispatchSemaphore(value: 0)

    /// Starts `tfevents arguments`. With `terminal`, standard output is a pseudo-terminal of that
    /// size (standard error stays a pipe, so it is not a terminal).
    init(
        _ arguments: [String], terminal: (columns: Int, rows: Int)? = nil, environment: [String: String] = [:]
    ) throws {
        process.executableURL = URL(fileURLWithPath: FollowExportSupport.binary)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        variables["TERM"] = "xterm-256color"
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        let errorPipe = Pipe()
        process.standardError = errorPipe
        let closed = outputClosed
        if let terminal {
            let slavePath = try PseudoTerminal.open()
            let master = slavePath.master
            let slave = open(slavePath.slave, O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw SupportError("cannot open the pseudo-terminal's slave") }
            var size = winsize(ws_row: UInt16(terminal.rows), ws_col: UInt16(terminal.columns), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
            process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
            try process.run()
            close(slave)
            stdout.read(from: master) { closed.signal() }
        } else {
            let outputPipe = Pipe()
            process.standardOutput = outputPipe
            try process.run()
            try? outputPipe.fileHandleForWriting.close()
            stdout.read(from: dup(outputPipe.fileHandleForReading.fileDescriptor)) { closed.signal() }
        }
        try? errorPipe.fileHandleForWriting.close()
        stderr.read(from: dup(errorPipe.fileHandleForReading.fileDescriptor))
    }

    /// Waits until standard output satisfies `condition`.
    func waitForOutput(seconds: Double = 20, _ condition: (String) -> Bool) -> Bool {
        FollowExportSupport.wait(seconds: seconds) { condition(stdout.text) }
    }

    /// Sends `signal` and waits for the process to end; returns its exit status, or `nil` if it
    /// was killed by a signal or did not end within `seconds` (it is then killed).
    func stop(with signal: Int32, seconds: Double = 10) -> Int32? {
        kill(process.processIdentifier, signal)
        let ended = FollowExportSupport.wait(seconds: seconds) { !process.isRunning }
        if !ended {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        _ = outputClosed.wait(timeout: .now() + 5)
        if process.terminationReason != .exit {
            print("LiveCommand: ended by signal \(process.terminationStatus); stderr: \(stderr.text)")
        }
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r`, looked up at run time: Glibc's module
/// does not declare them (they need `_XOPEN_SOURCE`).
enum PseudoTerminal {
    private typealias OpenPT = @convention(c) (Int32) -> Int32
    private typealias FDCall = @convention(c) (Int32) -> Int32
    private typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// Opens a new pseudo-terminal: its master descriptor and the path of its slave.
    static func open() throws -> (master: Int32, slave: String) {
        guard let handle = dlopen(nil, RTLD_NOW),
            let openSymbol = dlsym(handle, "posix_openpt"), let grantSymbol = dlsym(handle, "grantpt"),
            let unlockSymbol = dlsym(handle, "unlockpt"), let nameSymbol = dlsym(handle, "ptsname_r")
        else { throw SupportError("no pseudo-terminal functions in libc") }
        let master = unsafeBitCast(openSymbol, to: OpenPT.self)(O_RDWR | O_NOCTTY)
        var name = [CChar](repeating: 0, count: 256)
        guard master >= 0, unsafeBitCast(grantSymbol, to: FDCall.self)(master) == 0,
            unsafeBitCast(unlockSymbol, to: FDCall.self)(master) == 0,
            unsafeBitCast(nameSymbol, to: PTSName.self)(master, &name, name.count) == 0
        else { throw SupportError("cannot open a pseudo-terminal") }
        return (master, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// A small JSON parser that keeps numbers as their text, so that they convert to `Double`
/// exactly (Foundation's `JSONSerialization` rounds some of them in the last bit). Objects become
/// `[String: Any]`, arrays `[Any]`, strings `String`, numbers ``Number``, `true`/`false` `Bool`
/// and `null` `NSNull`.
enum ExactJSON {
    struct Number {
        var text: String
    }

    static func parse(_ bytes: [UInt8]) throws -> Any {
        var index = 0
        let value = try parseValue(bytes, &index)
        skipSpace(bytes, &index)
        guard index == bytes.count else { throw SupportError("JSON: trailing data at \(index)") }
        return value
    }

    private static func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private static func parseValue(_ bytes: [UInt8], _ index: inout Int) throws -> Any {
        skipSpace(bytes, &index)
        guard index < bytes.count else { throw SupportError("JSON: unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var object: [String: Any] = [:]
            skipSpace(bytes, &index)
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return object
            }
            while true {
                skipSpace(bytes, &index)
                guard let key = try parseValue(bytes, &index) as? String else { throw SupportError("JSON: key") }
                skipSpace(bytes, &index)
                guard bytes[index] == UInt8(ascii: ":") else { throw SupportError("JSON: expected : at \(index)") }
                index += 1
                object[key] = try parseValue(bytes, &index)
                skipSpace(bytes, &index)
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "}") { return object }
                guard separator == UInt8(ascii: ",") else { throw SupportError("JSON: expected , at \(index)") }
            }
        case UInt8(ascii: "["):
            index += 1
            var array: [Any] = []
            skipSpace(bytes, &index)
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return array
            }
            while true {
                array.append(try parseValue(bytes, &index))
                skipSpace(bytes, &index)
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "]") { return array }
                guard separator == UInt8(ascii: ",") else { throw SupportError("JSON: expected , at \(index)") }
            }
        case UInt8(ascii: "\""):
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    flush()
                    let escape = bytes[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{8}")
                    case UInt8(ascii: "f"): scalars.append("\u{C}")
                    case UInt8(ascii: "u"):
                        var code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) ?? 0
                        index += 4
                        if (0xD800..<0xDC00).contains(code), bytes[index] == UInt8(ascii: "\\") {
                            let low = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16) ?? 0
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        }
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: scalars.append(Unicode.Scalar(escape))
                    }
                } else {
                    raw.append(bytes[index])
                    index += 1
                }
            }
            flush()
            index += 1
            return String(scalars)
        case UInt8(ascii: "t"):
            index += 4
            return true
        case UInt8(ascii: "f"):
            index += 5
            return false
        case UInt8(ascii: "n"):
            index += 4
            return NSNull()
        default:
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { throw SupportError("JSON: unexpected byte at \(start)") }
            return Number(text: String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }
}
