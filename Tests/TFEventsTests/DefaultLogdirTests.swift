import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `SummaryWriter(comment:)` and `SummaryWriter.defaultLogdir(comment:)`: PyTorch's and
/// tensorboardX's `runs/<Mon><DD>_<HH>-<MM>-<SS>_<host><comment>`.
@Suite struct DefaultLogdirTests {
    @Test func theNameIsPythonsStrftimeThenTheHostThenTheComment() {
        // Python: datetime(2024, 3, 5, 7, 8, 9).strftime("%b%d_%H-%M-%S") == "Mar05_07-08-09".
        let march = CalendarTime(year: 2024, month: 3, day: 5, hour: 7, minute: 8, second: 9)
        #expect(SummaryWriter.defaultLogdir(comment: "", time: march, host: "box") == "runs/Mar05_07-08-09_box")
        let december = CalendarTime(year: 2023, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        #expect(
            SummaryWriter.defaultLogdir(comment: "_lr0.1 bs=32", time: december, host: "gpu-1.local")
                == "runs/Dec31_23-59-59_gpu-1.local_lr0.1 bs=32")
        let months = (1...12).map { month in
            let time = CalendarTime(year: 2024, month: month, day: 10, hour: 0, minute: 0, second: 0)
            return SummaryWriter.defaultLogdir(comment: "", time: time, host: "h")
        }
        #expect(months.map { String($0.dropFirst(5).prefix(3)) } == [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ])
    }

    @Test func theDefaultIsTheLocalTimeNowAndThisHost() throws {
        let before = Int64(Date().timeIntervalSince1970)
        let path = SummaryWriter.defaultLogdir(comment: "_x")
        let after = Int64(Date().timeIntervalSince1970)
        let candidates = (before...after).compactMap { seconds in
            CalendarTime(local: seconds).map {
                SummaryWriter.defaultLogdir(comment: "_x", time: $0, host: ProcessInfo.hostName)
            }
        }
        #expect(candidates.contains(path), "\(path) is not one of \(candidates)")
    }

    /// A writer made without a log directory, in a child process whose current directory and
    /// time zone are the test's: the run lands in `runs/` below that directory, named by the
    /// local time in that zone.
    @Test func aWriterWithoutLogdirWritesBelowRunsInTheCurrentDirectory() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let zone = "Asia/Kolkata"  // UTC+05:30: a zone that UTC cannot be mistaken for
        let before = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: productsDirectory() + "/TestWriter")
        process.arguments = ["default-logdir", "_comment", "3"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["TZ": zone, "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let after = Date()
        #expect(process.terminationStatus == 0)
        let logdir = output.trimmingCharacters(in: .whitespacesAndNewlines)

        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "MMMdd_HH-mm-ss"
        let seconds = stride(
            from: before.timeIntervalSince1970.rounded(.down), through: after.timeIntervalSince1970, by: 1)
        let names = seconds.map {
            "runs/" + formatter.string(from: Date(timeIntervalSince1970: $0)) + "_" + ProcessInfo.hostName + "_comment"
        }
        #expect(names.contains(logdir), "\(logdir) is not one of \(names)")

        let contents = try SummaryReader(logdir: directory + "/runs").contents()
        #expect(contents.runs.map(\.run.name) == [String(logdir.dropFirst("runs/".count))])
        #expect(contents.runs.first?.series(tag: "value")?.points.count == 3)
    }
}
