internal import Dispatch
import TFEvents

/// Reads the runs of a ``SummaryReader`` one after another on a thread of its own and hands
/// what it reads to the database's thread in chunks, so that reading and inserting overlap on
/// two cores. At most a few chunks wait at a time.
final class RunFeed: Sendable {
    /// What the feed hands over, in order.
    enum Message: Sendable {
        /// A run starts: its position among the runs and its listing.
        case run(index: Int, listing: LogdirListing.Run)
        /// The next items of the run's stream, in order.
        case items([RunReader.Item])
        /// The run's stream ended: its facts, and the points purges left out per series.
        case runEnd(Run, droppedPointCounts: [Int: Int])
    }

    private let channel = BoundedChannel<Message>(capacity: 8)
    /// Items per chunk: large enough that the channel's locking costs nothing per point.
    private static let chunkSize = 8192

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

    /// Stops reading (after a failure on the receiving side); ``next()`` still drains.
    func cancel() { channel.cancel() }

    private static func read(reader: SummaryReader, runs: [LogdirListing.Run], into channel: BoundedChannel<Message>) {
        for (index, listing) in runs.enumerated() {
            guard channel.send(.run(index: index, listing: listing)) else { return }
            let stream = reader.read(listing)
            var chunk: [RunReader.Item] = []
            chunk.reserveCapacity(chunkSize)
            for item in stream {
                chunk.append(item)
                if chunk.count == chunkSize {
                    guard channel.send(.items(chunk)) else { return }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty {
                guard channel.send(.items(chunk)) else { return }
            }
            guard channel.send(.runEnd(stream.run, droppedPointCounts: stream.droppedPointCounts)) else { return }
        }
    }
}
