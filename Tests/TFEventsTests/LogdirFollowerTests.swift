import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// ``LogdirFollower`` as an `AsyncSequence`: where it starts, what it reports as files grow and
/// runs appear, rewinds followed by the surviving points, and cancellation.
@Suite struct LogdirFollowerTests {
    static let fileA = "events.out.tfevents.1700000000.host"

    /// Takes updates from `iterator` into `view` until `done` holds after a ``LogdirUpdate/caughtUp``;
    /// fails the test after 180 seconds.
    static func follow(
        _ iterator: LogdirFollower.Iterator, into view: inout LiveView, updates: inout [LogdirUpdate],
        until done: (LiveView) -> Bool = { _ in true }
    ) async {
        // Generous: in the full parallel suite on two cores, synchronous tests can hold the
        // cooperative pool's threads for tens of seconds while this test waits for its turn.
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            guard let update = await iterator.next() else {
                Issue.record("the sequence ended")
                return
            }
            updates.append(update)
            view.apply(update)
            if update == .caughtUp && done(view) { return }
        }
        Issue.record("not done after 180 seconds: \(view)")
    }

    static func file(_ events: [Event]) -> [UInt8] {
        var file = EventFileBuilder()
        for event in events { file.append(event) }
        return file.bytes
    }

    @Test func fromTheEndOnlyNewPointsAreReported() async throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/train/" + Self.fileA
        try FileManager.default.createDirectory(atPath: directory.path + "/train", withIntermediateDirectories: true)
        writeFile(
            path, Self.file([EventFileBuilder.fileVersion()] + (0..<5).map { EventFileBuilder.scalar("loss", 1, step: $0) }))
        let iterator = try SummaryReader(logdir: directory.path).follow(every: .milliseconds(10), from: .end)
            .makeAsyncIterator()
        var view = LiveView()
        var updates: [LogdirUpdate] = []
        await Self.follow(iterator, into: &view, updates: &updates)
        // The run and its series are there; their points are not.
        #expect(view.runNames == ["train"])
        #expect(view.runs["train"]?.fileVersion == 2)
        #expect(view.series(run: "train", tag: "loss")?.kind == .scalars)
        #expect(view.allPoints.isEmpty)

        appendFile(path, Self.file((5..<8).map { EventFileBuilder.scalar("loss", 2, step: $0) }))
        await Self.follow(iterator, into: &view, updates: &updates) { $0.points(run: "train", tag: "loss").count == 3 }
        #expect(view.steps(run: "train", tag: "loss") == [5, 6, 7])
        #expect(view.problems.isEmpty && view.rewinds.isEmpty)
    }

    @Test func fromTheBeginningEverythingComesSettledThenWhatIsWritten() async throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/" + Self.fileA
        var events = [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 0)]
        events += (0..<10).map { EventFileBuilder.scalar("loss", Float($0), step: $0) }
        events.append(EventFileBuilder.sessionStart(step: 4))
        events += (4..<6).map { EventFileBuilder.scalar("loss", 10 + Float($0), step: $0) }
        writeFile(path, Self.file(events))
        let reader = try SummaryReader(logdir: directory.path)
        let iterator = reader.follow(every: .milliseconds(10), from: .beginning).makeAsyncIterator()
        var view = LiveView()
        var updates: [LogdirUpdate] = []
        await Self.follow(iterator, into: &view, updates: &updates)
        // Already settled: the purged points never appear, so there is nothing to rewind.
        #expect(view.scalars(run: ".", tag: "loss").map(\.1) == [0, 1, 2, 3, 14, 15])
        #expect(view.rewinds.isEmpty)
        #expect(updates.first == .run(Run(name: ".", path: directory.path)))

        // A half-written record is waited for, then read.
        let record = EventFileBuilder.record(EventFileBuilder.scalar("loss", 99, step: 6))
        appendFile(path, Array(record.prefix(10)))
        await Self.follow(iterator, into: &view, updates: &updates)
        appendFile(path, Array(record.dropFirst(10)))
        await Self.follow(iterator, into: &view, updates: &updates) {
            $0.points(run: ".", tag: "loss").count == 7
        }
        #expect(view.scalars(run: ".", tag: "loss").map(\.1) == [0, 1, 2, 3, 14, 15, 99])
        #expect(sortedText(view.allPoints) == sortedText(reader.contents().allPoints))
        #expect(view.problems.isEmpty)
    }

    @Test func aNewRunAndANewFileAreFound() async throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/a", withIntermediateDirectories: true)
        writeFile(directory.path + "/a/" + Self.fileA, Self.file([EventFileBuilder.scalar("x", 1, step: 0)]))
        let iterator = try SummaryReader(logdir: directory.path).follow(every: .milliseconds(10), from: .beginning)
            .makeAsyncIterator()
        var view = LiveView()
        var updates: [LogdirUpdate] = []
        await Self.follow(iterator, into: &view, updates: &updates)
        #expect(view.runNames == ["a"])

        try FileManager.default.createDirectory(atPath: directory.path + "/b/c", withIntermediateDirectories: true)
        writeFile(directory.path + "/b/c/" + Self.fileA, Self.file([EventFileBuilder.scalar("y", 2, step: 3)]))
        writeFile(
            directory.path + "/a/events.out.tfevents.1700000100.host", Self.file([EventFileBuilder.scalar("x", 2, step: 1)]))
        await Self.follow(iterator, into: &view, updates: &updates) {
            $0.points(run: "b/c", tag: "y").count == 1 && $0.points(run: "a", tag: "x").count == 2
        }
        #expect(view.runNames == ["a", "b/c"])
        #expect(view.steps(run: "a", tag: "x") == [0, 1])
        #expect(view.steps(run: "b/c", tag: "y") == [3])
        #expect(view.problems.isEmpty)
    }

    @Test func aRestartWhileFollowedIsARewindThenTheSurvivors() async throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/" + Self.fileA
        var events = [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 0)]
        for step in Int64(0)..<10 {
            events.append(EventFileBuilder.scalar("a", Float(step), step: step))
            events.append(EventFileBuilder.scalar("b", -Float(step), step: step))
        }
        writeFile(path, Self.file(events))
        let reader = try SummaryReader(logdir: directory.path)
        let iterator = reader.follow(every: .milliseconds(10), from: .beginning).makeAsyncIterator()
        var view = LiveView()
        var updates: [LogdirUpdate] = []
        await Self.follow(iterator, into: &view, updates: &updates)
        #expect(view.steps(run: ".", tag: "a") == Array(0..<10))
        // A view that only drops what the rewind says is gone (the other way to apply it).
        var dropping = view

        // The writer restarts at step 5 (tensorboardX's purge_step) and writes on.
        updates = []
        appendFile(
            path,
            Self.file(
                [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 5)]
                    + (5..<7).map { EventFileBuilder.scalar("a", 100 + Float($0), step: $0) }))
        await Self.follow(iterator, into: &view, updates: &updates) { $0.points(run: ".", tag: "a").count == 7 }
        let rewindIndex = try #require(updates.firstIndex { if case .rewind = $0 { true } else { false } })
        guard case .rewind(let rewind) = updates[rewindIndex],
            case .replayed(let run, let survivors) = updates[rewindIndex + 1]
        else {
            Issue.record("no rewind followed by the survivors: \(updates)")
            return
        }
        #expect(rewind.run == "." && rewind.step == 5 && rewind.reason == .restart && rewind.series == nil)
        #expect(run == ".")
        let a = try #require(view.series(run: ".", tag: "a")?.id)
        // The points before the restart that survive it, in reading order: a and b, steps 0...4.
        #expect(survivors.map(\.step) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(survivors.filter { $0.series == a }.map(\.value) == (0..<5).map { .scalar(Double($0)) })
        #expect(view.scalars(run: ".", tag: "a").map(\.1) == [0, 1, 2, 3, 4, 105, 106])
        #expect(view.steps(run: ".", tag: "b") == [0, 1, 2, 3, 4])
        // Both ways of applying the updates give what a reader of the whole directory gives.
        for update in updates {
            switch update {
            case .rewind(let rewind):
                for (id, points) in dropping.points[rewind.run] ?? [:] {
                    dropping.replace(run: rewind.run, series: id, with: points.filter { !rewind.drops($0) })
                }
            case .replayed: break
            default: dropping.apply(update)
            }
        }
        #expect(sortedText(view.allPoints) == sortedText(reader.contents().allPoints))
        #expect(sortedText(dropping.allPoints) == sortedText(view.allPoints))
    }

    @Test func lateMetadataWhileFollowedIsARewindOfDecodedPoints() async throws {
        let directory = TemporaryDirectory()
        let scalar = TensorProto(dtype: .float, floatValues: [2])
        writeFile(
            directory.path + "/" + Self.fileA,
            Self.file([EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: nil, step: 0)]))
        let reader = try SummaryReader(logdir: directory.path)
        let iterator = reader.follow(every: .milliseconds(10), from: .beginning).makeAsyncIterator()
        var view = LiveView()
        var updates: [LogdirUpdate] = []
        await Self.follow(iterator, into: &view, updates: &updates)
        #expect(view.points(run: ".", tag: "t").map(\.value) == [.tensor(scalar)])
        writeFile(
            directory.path + "/events.out.tfevents.1700000100.host",
            Self.file([EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: "scalars", step: 1)]))
        await Self.follow(iterator, into: &view, updates: &updates) { $0.points(run: ".", tag: "t").count == 2 }
        #expect(view.rewinds.map(\.reason) == [.metadata])
        #expect(view.series(run: ".", tag: "t")?.kind == .scalars)
        #expect(view.points(run: ".", tag: "t").map(\.value) == [.scalar(2), .scalar(2)])
        // (A new reader: `reader` listed the directory before the second file was there.)
        let now = try SummaryReader(logdir: directory.path)
        #expect(sortedText(view.allPoints) == sortedText(now.contents().allPoints))
    }

    @Test func cancellingEndsTheSequenceEvenWhileItWaits() async throws {
        let directory = TemporaryDirectory()
        writeFile(directory.path + "/" + Self.fileA, Self.file([EventFileBuilder.scalar("x", 1, step: 0)]))
        let follower = try SummaryReader(logdir: directory.path).follow(every: .seconds(3600), from: .beginning)
        let caughtUp = AsyncStream<Void>.makeStream()
        let task = Task {
            var count = 0
            for await update in follower {
                count += 1
                if update == .caughtUp { caughtUp.continuation.yield() }
            }
            return count
        }
        // Once caught up, the follower waits an hour before looking again.
        for await _ in caughtUp.stream { break }
        let cancelled = ContinuousClock.now
        task.cancel()
        let count = await task.value
        // Not the hour's wait; generous, as parallel tests can keep the two cooperative threads of
        // a 2-core machine busy for seconds.
        #expect(ContinuousClock.now - cancelled < .seconds(30))
        #expect(count >= 3)  // the run, its series, its points, caught up
    }

    @Test func aCancelledTaskGetsNothing() async throws {
        let directory = TemporaryDirectory()
        writeFile(directory.path + "/" + Self.fileA, Self.file([EventFileBuilder.scalar("x", 1, step: 0)]))
        let follower = try SummaryReader(logdir: directory.path).follow(from: .beginning)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            var count = 0
            for await _ in follower { count += 1 }
            return count
        }
        #expect(await task.value == 0)
    }
}
