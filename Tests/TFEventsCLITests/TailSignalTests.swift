import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `tfevents tail` on a pseudo-terminal and the job-control signals: a resize and a resume
/// redraw the table from the top of the screen, and Ctrl-Z shows the cursor before stopping.
@Suite struct TailSignalTests {
    typealias Support = FollowExportSupport

    @Test func resizeSuspendAndResumeRedrawTheTable() throws {
        let logdir = try Support.makeDirectory("tail-signals")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir + "/run")
        try writer.addScalar("loss", 0.5, step: 1)
        try writer.close()

        let tail = try LiveCommand(["tail", logdir, "--interval", "0.1"], terminal: (100, 20))
        /// What the tail wrote after `mark` bytes.
        func output(after mark: Int) -> String {
            String(decoding: Array(tail.stdout.text.utf8.dropFirst(mark)), as: UTF8.self)
        }
        let clearScreen = "\u{1B}[H\u{1B}[2J"
        let showCursor = "\u{1B}[?25h"
        #expect(tail.waitForOutput { $0.contains("loss") && $0.contains("Ctrl-C to quit") })
        #expect(!tail.stdout.text.contains(clearScreen), "the first frame is drawn below what was there")

        var mark = tail.stdout.text.utf8.count
        kill(tail.process.processIdentifier, SIGWINCH)
        #expect(Support.wait(seconds: 20) { output(after: mark).contains(clearScreen) }, "redrawn after SIGWINCH")

        mark = tail.stdout.text.utf8.count
        kill(tail.process.processIdentifier, SIGTSTP)
        #expect(Support.wait(seconds: 20) { output(after: mark).contains(showCursor) }, "cursor shown on Ctrl-Z")

        mark = tail.stdout.text.utf8.count
        kill(tail.process.processIdentifier, SIGCONT)
        #expect(Support.wait(seconds: 20) { output(after: mark).contains(clearScreen) }, "redrawn after SIGCONT")

        #expect(tail.stop(with: SIGINT) == 0)
        #expect(tail.stdout.text.hasSuffix(showCursor))
    }
}
