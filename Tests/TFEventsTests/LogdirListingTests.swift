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

    @Test func theRulesHoldForAnySource() throws {
        let source = MemorySource(files: [
            "/logs/events.out.tfevents.1.host": [1],
            "/logs/a/b/x.tfevents.y": [1, 2],  // "tfevents" anywhere in the name
            "/logs/a/b/events.out.tfevents.0.host": [3],
            "/logs/a/notes.txt": [4],  // not an event file: `a` is no run
            "/logs/p/events.out.tfevents.2.host.profile-empty": [],  // a placeholder: `p` is a run
            "/logs/\u{E9}t\u{E9}/events.out.tfevents.3.host": [],
            "/logs/z/events.out.tfevents.4.host": [5],
        ])
        let listing = try LogdirListing(logdir: "/logs", source: source)
        #expect(listing.logdir == "/logs" && listing.problems.isEmpty)
        // Byte order of the UTF-8 names, as Python sorts `str`: "é" (0xC3 0xA9) after "z".
        #expect(listing.runs.map(\.name) == [".", "a/b", "p", "z", "\u{E9}t\u{E9}"])
        #expect(listing.runs.map(\.path) == ["/logs", "/logs/a/b", "/logs/p", "/logs/z", "/logs/\u{E9}t\u{E9}"])
        let ab = try #require(listing.run(named: "a/b"))
        #expect(ab.files.map(\.name) == ["events.out.tfevents.0.host", "x.tfevents.y"])
        #expect(ab.files.map(\.path) == ["/logs/a/b/events.out.tfevents.0.host", "/logs/a/b/x.tfevents.y"])
        #expect(ab.byteCount == 3)
        let placeholder = try #require(listing.run(named: "p"))
        #expect(placeholder.files.map(\.isPlaceholder) == [true])
        #expect(placeholder.readFiles.isEmpty && placeholder.byteCount == 0)
        #expect(listing.run(named: "a") == nil)
        // A run whose only file is a placeholder reads as nothing at all.
        let reader = try SummaryReader(logdir: "/logs", options: .init(source: source))
        #expect(streamedItems(reader.read(placeholder)).isEmpty)
        #expect(reader.listing == listing)
    }
}
