import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// The ways a run is delivered agree: ``RunReader`` reading a run twice (with a ``PurgeSieve``)
/// gives exactly the items of reading it once and holding it, and ``SummaryReader/contents(kinds:progress:)``
/// and ``SummaryReader/summarize(progress:)`` (``RunAccumulation``, which replays on rewinds) hold
/// what ``RunReader`` streams.
@Suite struct RunReaderTests {
    /// Checks every delivery of every run of `reader` against the buffered stream.
    static func expectAgreement(_ reader: SummaryReader, _ label: String) {
        let contents = reader.contents()
        let summary = reader.summarize()
        #expect(contents.runs.map(\.run.name) == reader.runs.map(\.name), "\(label)")
        #expect(summary.runs.map(\.name) == reader.runs.map(\.name), "\(label)")
        for (index, run) in reader.runs.enumerated() {
            let label = "\(label), run \(run.name)"
            let buffered = RunReader(run, options: reader.options)
            let twoPass = RunReader(run, options: reader.options, bufferedByteLimit: 0)
            let items = streamedItems(buffered)
            expectSameItems(items, streamedItems(twoPass), label)
            #expect(buffered.droppedPointCounts == twoPass.droppedPointCounts, "\(label)")
            #expect(buffered.run == twoPass.run, "\(label)")

            // The stream's own rules: problems first, each series before its points.
            var series: [Int: Series] = [:]
            var points: [Int: [Point]] = [:]
            var problems: [ReadProblem] = []
            for item in items {
                switch item {
                case .problem(let problem):
                    #expect(series.isEmpty && points.isEmpty, "\(label): a problem after the points began")
                    problems.append(problem)
                case .series(let new):
                    #expect(series[new.id] == nil, "\(label): \(new.tag) announced twice")
                    #expect(new == buffered.series(new.id))
                    series[new.id] = new
                case .point(let point):
                    #expect(series[point.series] != nil, "\(label): a point before its series")
                    points[point.series, default: []].append(point)
                }
            }

            // contents(): the same run, series, points and problems.
            let held = contents.runs[index]
            #expect(held.run == buffered.run, "\(label)")
            #expect(held.problems == problems, "\(label)")
            #expect(
                Set(held.series.map(\.series.id)).isSuperset(of: series.keys),
                "\(label): contents() lacks a streamed series")
            for entry in held.series {
                #expect(series[entry.series.id].map { $0 == entry.series } ?? true, "\(label): \(entry.series.tag)")
                #expect(
                    fullText(entry.points) == fullText(points[entry.series.id] ?? []),
                    "\(label): points of \(entry.series.tag)")
            }

            // summarize(): statistics of the streamed points.
            let summarized = summary.runs[index]
            #expect(summarized.run == buffered.run, "\(label)")
            #expect(summarized.problems == problems, "\(label)")
            var scalars: [String: ScalarStatistics] = [:]
            var histograms: [String: LatestPoint<Histogram>] = [:]
            var text: [String: LatestPoint<[String]>] = [:]
            for (id, series) in series {
                for point in points[id] ?? [] {
                    switch (series.kind, point.value) {
                    case (.scalars, .scalar(let value)): scalars[series.tag, default: .init()].add(value, step: point.step)
                    case (.histograms, .histogram(let value)): histograms[series.tag, default: .init()].add(value, step: point.step)
                    case (.text, .text(_, let value)): text[series.tag, default: .init()].add(value, step: point.step)
                    default: break
                    }
                }
            }
            // A series whose points were all purged has empty statistics.
            #expect(summarized.scalars.filter { $0.value.count > 0 } == scalars, "\(label)")
            #expect(summarized.histograms.filter { $0.value.count > 0 } == histograms, "\(label)")
            #expect(summarized.text.filter { $0.value.count > 0 } == text, "\(label)")
        }
    }

    static func expectSameItems(_ a: [RunReader.Item], _ b: [RunReader.Item], _ label: String) {
        #expect(a.count == b.count, "\(label): \(a.count) items buffered, \(b.count) read twice")
        for (index, (x, y)) in zip(a, b).enumerated() where fullText(x) != fullText(y) {
            Issue.record("\(label), item \(index):\n buffered:   \(x)\n read twice: \(y)")
            return
        }
    }

    @Test(arguments: Fixtures.logdirNames)
    func everyDeliveryAgreesOnTheFixtures(_ name: String) throws {
        Self.expectAgreement(try SummaryReader(logdir: Fixtures.logdir(name)), name)
        // Files read as still being written: incomplete tails are waited for.
        let live = try SummaryReader(logdir: Fixtures.logdir(name), options: .init(filesAreComplete: false))
        Self.expectAgreement(live, name + " (live)")
    }

    @Test(arguments: 0..<40)
    func everyDeliveryAgreesOnRandomRuns(_ seed: Int) throws {
        let source = MemorySource(files: RandomLogdir.files(seed: UInt64(seed)))
        for fast in [true, false] {
            var options = SummaryReader.Options(source: source)
            options.usesFastPaths = fast
            Self.expectAgreement(try SummaryReader(logdir: RandomLogdir.root, options: options), "seed \(seed)")
        }
        let live = SummaryReader.Options(source: source, filesAreComplete: false)
        Self.expectAgreement(try SummaryReader(logdir: RandomLogdir.root, options: live), "seed \(seed) (live)")
    }

    @Test func theRandomRunsHaveWhatTheyAreFor() throws {
        // The generator must make restarts, steps going back, late metadata and damage, or the
        // test above proves little.
        var reasons: Set<Rewind.Reason> = []
        var problems: Set<ReadProblem.Kind> = []
        var dropped = 0
        for seed in 0..<40 {
            let options = SummaryReader.Options(source: MemorySource(files: RandomLogdir.files(seed: UInt64(seed))))
            let reader = try SummaryReader(logdir: RandomLogdir.root, options: options)
            for run in reader.runs {
                let raw = RawRun(run, options: options)
                reasons.formUnion(raw.rewinds.map(\.reason))
                problems.formUnion(raw.problems.map(\.kind))
                let stream = reader.read(run)
                _ = streamedItems(stream)
                dropped += stream.droppedPointCounts.values.reduce(0, +)
            }
        }
        #expect(reasons == [.restart, .stepWentBack, .metadata])
        #expect(problems.isSuperset(of: [.dataCRC, .lengthCRC, .truncated]))
        #expect(dropped > 100)
    }

    @Test func droppedPointCountsCountWhatPurgesLeftOut() throws {
        var events = [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 0)]
        for step in Int64(0)..<10 {
            events.append(EventFileBuilder.scalar("a", Float(step), step: step))
            events.append(EventFileBuilder.scalar("b", -Float(step), step: step))
        }
        events.append(EventFileBuilder.sessionStart(step: 5))
        events += (Int64(5)..<8).map { EventFileBuilder.scalar("a", 100 + Float($0), step: $0) }
        events.append(EventFileBuilder.sessionStart(step: 6))
        let logdir = try makeLogdir(files: [events])
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let reader = try SummaryReader(logdir: logdir)
        let run = try #require(reader.runs.first)
        for limit in [16 << 20, 0] as [Int64] {
            let stream = RunReader(run, options: reader.options, bufferedByteLimit: limit)
            let items = streamedItems(stream)
            let a = try #require(reader.contents().run(named: ".")?.series(tag: "a")?.series.id)
            let b = try #require(reader.contents().run(named: ".")?.series(tag: "b")?.series.id)
            // a: 5...9 by the first restart, then 106 and 107 by the second; b: 5...9.
            #expect(stream.droppedPointCounts == [a: 7, b: 5], "limit \(limit)")
            let steps = items.compactMap { item -> Int64? in
                if case .point(let point) = item, point.series == a { point.step } else { nil }
            }
            #expect(steps == [0, 1, 2, 3, 4, 5], "limit \(limit)")
        }
    }

    @Test func aStepGoingBackDropsOnlyItsOwnTagsInBothReadings() throws {
        var events: [Event] = []
        for step in Int64(0)..<6 {
            events.append(EventFileBuilder.scalar("x", Float(step), step: step))
            events.append(EventFileBuilder.scalar("y", Float(step), step: step))
        }
        events.append(EventFileBuilder.scalar("x", 33, step: 3))
        let logdir = try makeLogdir(files: [events])
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let reader = try SummaryReader(logdir: logdir)
        let run = try #require(reader.runs.first)
        for limit in [16 << 20, 0] as [Int64] {
            let stream = RunReader(run, options: reader.options, bufferedByteLimit: limit)
            let values = streamedItems(stream).compactMap { item -> Double? in
                if case .point(let point) = item, point.series == 0 { point.value.scalar } else { nil }
            }
            #expect(values == [0, 1, 2, 33], "limit \(limit)")
            #expect(stream.droppedPointCounts == [0: 3], "limit \(limit)")
        }
    }

    @Test func lateMetadataIsAnnouncedBeforeTheFirstPointInBothReadings() throws {
        let scalar = TensorProto(dtype: .float, floatValues: [1])
        let logdir = try makeLogdir(files: [
            [EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: nil, step: 0)],
            [EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: "scalars", step: 1)],
        ])
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let reader = try SummaryReader(logdir: logdir)
        let run = try #require(reader.runs.first)
        for limit in [16 << 20, 0] as [Int64] {
            let items = streamedItems(RunReader(run, options: reader.options, bufferedByteLimit: limit))
            guard case .series(let series)? = items.first else {
                Issue.record("limit \(limit): \(items)")
                continue
            }
            #expect(series.kind == .scalars && series.pluginName == "scalars", "limit \(limit)")
            let values = items.dropFirst().map { item -> Point.Value? in
                if case .point(let point) = item { point.value } else { nil }
            }
            #expect(values == [.scalar(1), .scalar(1)], "limit \(limit)")
        }
    }

    @Test func theTagFilterLeavesOutSeriesButNotTheirEffects() throws {
        let source = MemorySource(files: RandomLogdir.files(seed: 3, damage: false))
        let all = try SummaryReader(logdir: RandomLogdir.root, options: .init(source: source))
        let losses = try SummaryReader(
            logdir: RandomLogdir.root, options: .init(tags: "^loss$", source: source))
        for run in all.runs {
            for limit in [16 << 20, 0] as [Int64] {
                let every = streamedItems(RunReader(run, options: all.options, bufferedByteLimit: limit))
                let some = streamedItems(RunReader(run, options: losses.options, bufferedByteLimit: limit))
                let loss = every.compactMap { item -> Int? in
                    if case .series(let series) = item, series.tag == "loss" { series.id } else { nil }
                }.first
                let expected = every.filter { item in
                    switch item {
                    case .series(let series): series.tag == "loss"
                    case .point(let point): point.series == loss
                    case .problem: true
                    }
                }
                #expect(fullText(some) == fullText(expected), "\(run.name), limit \(limit)")
            }
        }
        #expect(losses.contents().runs.allSatisfy { $0.series.map(\.series.tag) == ["loss"] })
        #expect(losses.summarize().runs.allSatisfy { $0.scalars.keys.sorted() == ["loss"] })
    }

    @Test func manyRestartsCostAFewReadingsNotOnePerRestart() throws {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        file.append(EventFileBuilder.sessionStart(step: 0))
        for restart in 0..<50 {
            file.append(EventFileBuilder.sessionStart(step: Int64(restart * 10)))
            for offset in 0..<20 {
                file.append(EventFileBuilder.scalar("loss", Float(restart), step: Int64(restart * 10 + offset)))
            }
        }
        let source = CountingSource(MemorySource(files: ["/c/events.out.tfevents.1.host": file.bytes]))
        let reader = try SummaryReader(logdir: "/c", options: .init(source: source))
        let loss = try #require(reader.summarize().runs.first?.scalars["loss"])
        // Each restart drops the last 10 steps before it: 49 times 10 points, and the last 20.
        #expect(loss.count == 510)
        #expect(loss.firstStep == 0 && loss.first == 0 && loss.lastStep == 509 && loss.last == 49)
        #expect(source.bytesRead <= 4 * file.bytes.count, "\(source.bytesRead) bytes read of \(file.bytes.count)")
        source.reset()
        let points = try #require(reader.contents().run(named: ".")?.series(tag: "loss")?.points)
        #expect(points.count == 510)
        #expect(source.bytesRead <= 4 * file.bytes.count, "\(source.bytesRead) bytes read of \(file.bytes.count)")
        Self.expectAgreement(reader, "50 restarts")
    }
}

/// A source that counts the bytes read from it.
final class CountingSource: ByteSource {
    private let source: any ByteSource
    private let count = LockedValue(0)

    init(_ source: any ByteSource) {
        self.source = source
    }

    var bytesRead: Int { count.withLock { $0 } }

    func reset() {
        count.withLock { $0 = 0 }
    }

    func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
        try source.listFiles(under: root)
    }

    func size(of path: String) throws(ByteSourceError) -> Int64 {
        try source.size(of: path)
    }

    func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int) throws(ByteSourceError)
        -> Int
    {
        let read = try source.read(path, at: offset, into: &buffer, from: start)
        count.withLock { $0 += read }
        return read
    }
}
