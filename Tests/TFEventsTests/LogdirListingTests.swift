import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `LogdirListing`: the runs and files every reader of a log directory starts from, by TensorBoard's rules.
@Suite struct LogdirListingTests {
    @Test func listsEveryFixtureRunWithTheFilesTensorBoardLists() throws {
        for name in Fixtures.logdirNames {
            let view = try Fixtures.tensorboardView(name)
            let listing = try LogdirListing(logdir: Fixtures.logdir(name))
            let runs = view["runs"].array.compactMap(\.string)
            #expect(listing.runs.map(\.name) == runs, "\(name)")
            for run in listing.runs {
                let files = view["run_files"][run.name].array.compactMap(\.string)
                #expect(run.files.map(\.name) == files, "\(name)/\(run.name)")
                for file in run.files {
                    #expect(file.path == run.path + "/" + file.name)
                    let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
                    #expect(file.size == Int64(size ?? -1))
                }
            }
            #expect(listing.problems.isEmpty)
        }
    }

    @Test func aMissingLogdirOrAFileIsAnError() throws {
        let missing = #expect(throws: SummaryReaderError.self) { try LogdirListing(logdir: "/nonexistent/logdir") }
        #expect(missing?.kind == .notFound)
        let file = Fixtures.logdir("nested_runs") + "/events.out.tfevents.1700000000.fixturehost"
        let notADirectory = #expect(throws: SummaryReaderError.self) { try LogdirListing(logdir: file) }
        #expect(notADirectory?.kind == .notADirectory)
    }
}
