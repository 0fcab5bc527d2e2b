import Testing

@testable import TFEvents

/// The versions every writer writes are answered without the general parse, with its answers.
@Suite struct FileVersionTests {
    @Test func commonVersionsParseAsTheGeneralParserParsesThem() {
        for version in ["brain.Event:2", "brain.Event:1"] {
            #expect(FileVersion.parse(version) == FileVersion.parseGenerally(version), "\(version)")
        }
        #expect(FileVersion.parse("brain.Event:2") == 2)
        #expect(FileVersion.parse(" brain.Event:2") == 2)
        #expect(FileVersion.parse("brain.Event:x").isNaN == false && FileVersion.parse("brain.Event:x") == -1)
    }
}
