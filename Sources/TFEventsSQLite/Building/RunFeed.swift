internal import Dispatch
import TFEvents

/// Reads the runs of a ``SummaryReader`` one after another on a thread of its own and hands
/// what it reads to the database's thread, so that reading and inserting overlap on two cores.
///
/// Scalar points, nearly always the bulk, are gathered by series into ``ScalarBlock``s here, on
/// the reading thread, so the database's thread only inserts them; everything else (series
/// announcements, problems, images, histograms, ...) goes over in chunks of stream items, in
/// order, a series always announced before a block holds its points. At most a few messages
/// wait at a time, and a block holds at most ``blockLimit`` points, so memory stays bounded
/// whatever the size of a run.
final class RunFeed: Sendable {
    /// What the feed hands over, in order.
    enum Message: Sendable {
        /// A run starts: its position among the runs and its listing.
        case run(index: Int, listing: LogdirListing.Run)
        /// The next items of the run's stream, in order, but for scalar points.
        case items([RunReader.Item])
        /// Scalar points of the run.
        case scalars(ScalarBlock)
        /// The run's stream ended: its facts, and the points purges left out per series.
        case runEnd(Run, droppedPointCounts: [Int: Int])
    }

    private let channel = BoundedChannel<Message>(capacity: 4)
    /// Items per chunk: large enough that the channel's locking costs nothing per item.
    static let chunkSize = 4096
    /// Scalar points per block.
    static let blockLimit = 1 << 19

    /// Starts reading `runs` with `reader`.
    init(reader: SummaryReader, runs: [LogdirListing.Run]) {
        let channel = self.channel
        DispatchQueue.global(qos: .userInitiated).async {
            Self.read(reader: reader, runs: runs, into: channel)
            channel.close()
        }
    }

    /// The next message; `nil` after the last run.
    func next() -> Message? { channel.receive() }

    /// Stops reading (after a failure on the receiving side).
    func cancel() { channel.cancel() }

    private static func read(reader: SummaryReader, runs: [LogdirListing.Run], into channel: BoundedChannel<Message>) {
        for (index, listing) in runs.enumerated() {
            guard channel.send(.run(index: index, listing: listing)) else { return }
            var gathering = Gathering()
            let stream = reader.read(listing)
            for item in stream {
                if case .point(let point) = item, case .scalar(let value) = point.value {
                    gathering.add(point, value)
                    if gathering.count >= blockLimit {
                        guard gathering.send(into: channel) else { return }
                    }
                } else {
                    gathering.chunk.append(item)
                    if gathering.chunk.count == chunkSize {
                        guard channel.send(.items(gathering.chunk)) else { return }
                        gathering.chunk.removeAll(keepingCapacity: true)
                    }
                }
            }
            guard gathering.send(into: channel),
                channel.send(.runEnd(stream.run, droppedPointCounts: stream.droppedPointCounts))
            else { return }
        }
    }

    /// What a run's reading holds until it is sent.
    private struct Gathering {
        var chunk: [RunReader.Item] = []
        /// By series id; `nil` for series without scalar points in the block.
        var series: [ScalarBlock.Series?] = []
        var count = 0
        var latestWallTime: Double?

        mutating func add(_ point: Point, _ value: Double) {
            let id = point.series
            while series.count <= id { series.append(nil) }
            if series[id] == nil { series[id] = ScalarBlock.Series(localID: id) }
            series[id]!.steps.append(point.step)
            series[id]!.wallTimes.append(point.wallTime)
            series[id]!.values.append(value)
            count += 1
            if latestWallTime.map({ point.wallTime > $0 }) ?? true { latestWallTime = point.wallTime }
        }

        /// Sends the items so far, then the scalar block (so its series are announced first).
        mutating func send(into channel: BoundedChannel<Message>) -> Bool {
            if !chunk.isEmpty {
                guard channel.send(.items(chunk)) else { return false }
                chunk.removeAll(keepingCapacity: true)
            }
            guard count > 0 else { return true }
            var block = ScalarBlock(series: [], count: count, latestWallTime: latestWallTime)
            for index in series.indices {
                guard let entry = series[index] else { continue }
                series[index] = nil
                block.series.append(entry)
            }
            count = 0
            latestWallTime = nil
            return channel.send(.scalars(block))
        }
    }
}
