import Foundation
import TFEvents  // not @testable: the README's example must work with the public API alone
import TFEventsSQLite
import TestSupport
import Testing

/// The README's and the DocC overview's Swift examples, compiled and run.
@Suite struct SQLiteReadmeExampleTests {
    @Test func exampleExportsTheRuns() throws {
        let directory = TemporaryDirectory("tfevents-sqlite-readme")
        let root = directory.path
        try copyTree(Fixtures.logdir("tbx_seeds"), to: root + "/runs")

        // --- README example, with the paths under `root` ---
        let counts = try SQLiteExport(reader: SummaryReader(logdir: root + "/runs")).write(to: root + "/runs.db")
        // ---
        #expect(counts.runs == 6)
        #expect(counts.scalars == 715)
        #expect(FileManager.default.fileExists(atPath: root + "/runs.db"))
        withExtendedLifetime(directory) {}
    }
}
