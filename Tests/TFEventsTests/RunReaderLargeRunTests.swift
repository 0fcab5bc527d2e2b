import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `RunReader` on runs far larger than one batch of records (256), where the first of its two
/// readings only counts points: the two readings must agree exactly with the one held in memory.
@Suite struct RunReaderLargeRunTests {
    /// Every item `RunReader` gives for `logdir`'s only run, read in memory or twice.
    private func items(_ logdir: String, twice: Bool) throws -> (items: [RunReader.Item], dropped: [Int: Int], purges: Int) {
        let reader = try SummaryReader(logdir: logdir)
        let run = try #require(reader.runs.first)
        let stream = RunReader(run, options: reader.options, bufferedByteLimit: twice ? 0 : .max)
        let items = Array(stream)
        return (items, stream.droppedPointCounts, stream.purges.count)
    }

    @Test(arguments: [false, true])
    func tenThousandPointsWithRestartsReadTheSameOnceOrTwice(_ legacyWithoutVersion: Bool) throws {
        let root = TemporaryDirectory("large-run")
        var random = SplitMix64(seed: legacyWithoutVersion ? 3 : 4)
        var file = EventFileBuilder()
        if !legacyWithoutVersion { file.append(EventFileBuilder.fileVersion()) }
        file.append(EventFileBuilder.sessionStart(step: 0))
        var step: Int64 = 0
        var expectedPurges = 0
        for index in 0..<10_000 {
            if index % 2_500 == 1_000 {
                // A restart (or, without a file version, a step that goes back).
                step -= 300
                expectedPurges += 1
                if !legacyWithoutVersion { file.append(EventFileBuilder.sessionStart(step: step)) }
            }
            let tag = ["loss", "accuracy", "lr"][Int(random.next() % 3)]
            file.append(EventFileBuilder.scalar(tag, Float(index), step: step))
            step += 1
        }
        try FileManager.default.createDirectory(atPath: root.path + "/run", withIntermediateDirectories: true)
        try file.write(to: root.path + "/run/events.out.tfevents.1.host")

        let once = try items(root.path, twice: false)
        let twice = try items(root.path, twice: true)
        #expect(once.items.count > 8_000)
        #expect(once.items == twice.items)
        #expect(once.dropped == twice.dropped && once.dropped.values.reduce(0, +) > 0)
        #expect(once.purges == twice.purges)
        if !legacyWithoutVersion { #expect(once.purges == expectedPurges) }
        // And what is kept equals what `contents()` keeps.
        let contents = try SummaryReader(logdir: root.path).contents()
        let kept = contents.runs[0].series.flatMap(\.points).count
        #expect(once.items.filter { if case .point = $0 { true } else { false } }.count == kept)
    }
}

/// A small seeded generator (SplitMix64), so the random runs are the same every time.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
