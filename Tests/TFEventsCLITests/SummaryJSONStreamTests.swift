import Testing
import TestSupport
import TFEvents

@testable import TFEventsCLI

/// `summary --format json` written a run at a time is the document written whole, byte for byte.
@Suite struct SummaryJSONStreamTests {
    @Test(arguments: Fixtures.logdirNames)
    func writtenARunAtATimeIsTheWholeDocument(_ name: String) throws {
        let summary = try SummaryReader(logdir: Fixtures.logdir(name)).summarize()
        let runs = summary.runs.map(ShownRun.init)
        var streamed = ""
        SummaryJSON.writePretty(runs: runs, logdirProblems: summary.problems) { streamed += $0 }
        #expect(streamed == SummaryJSON.document(runs: runs, logdirProblems: summary.problems).pretty() + "\n")
    }
}
