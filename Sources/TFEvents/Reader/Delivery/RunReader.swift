/// The points of one run exactly as TensorBoard shows them, streamed in reading order in bounded
/// memory: made by ``SummaryReader/read(_:)``.
///
/// ```swift
/// let reader = try SummaryReader(logdir: "runs")
/// for run in reader.runs {
///     for item in reader.read(run) {
///         if case .point(let point) = item, let value = point.value.scalar { print(point.step, value) }
///     }
/// }
/// ```
///
/// Everything TensorBoard settles later is settled before a point is handed on: points that a
/// restarted writer purged never appear, and each series arrives (as ``Item/series(_:)``) with
/// its final metadata before its first point, so its points are decoded as its plugin reads them
/// even when the metadata came late. The run's problems come first.
///
/// A run whose files hold up to 16 MiB is read once, its points held until the end; a larger run
/// is read twice, first to learn where purges happened and which metadata each series ends up
/// with, then to stream the points, so memory never grows with the run.
public final class RunReader: Sequence, IteratorProtocol {
    /// What the stream holds.
    public enum Item: Sendable, Hashable {
        /// A series, with its final metadata, before its first point.
        indirect case series(Series)
        /// A point of a series announced before.
        case point(Point)
        /// Something that could not be read; reading went on.
        indirect case problem(ReadProblem)
    }

    /// The run's directory and files, as listed.
    public let listing: LogdirListing.Run
    private let options: SummaryReader.Options
    /// Runs whose read files hold at most this many bytes are read once.
    let bufferedByteLimit: Int64
    private var started = false
    /// The loader that read the run first, kept for whoever follows the run afterwards.
    private(set) var firstLoader: RunLoader?
    /// The loader whose series are announced: the first, or the second reading's.
    private var loader: RunLoader?
    /// Per series: whether it has been announced, and whether the tag filter keeps it.
    private var announced: [Announcement] = []
    /// What a run read in memory, or the first reading's problems, hands out in order.
    private var held: [Held] = []
    private var heldIndex = 0
    /// The second reading of a large run, once the first has been handed out.
    private var streaming: Streaming?
    /// Items made ready for ``next()`` a few hundred at a time, so that handing one out costs one
    /// access to the reader's state (each access to a class's stored property is checked at run
    /// time for exclusivity) rather than one per property the making of it reads.
    private var ready = Ready()

    /// How many points of each series (by ``Series/id``) purges left out.
    public private(set) var droppedPointCounts: [Int: Int] = [:]
    /// The purges (restarts and steps that went back) applied to the run, in reading order: known
    /// once the first item has been asked for.
    public private(set) var purges: [Rewind] = []

    private enum Announcement {
        case unseen, wanted, unwanted
    }

    /// A second reading under way.
    private struct Streaming {
        var loader: RunLoader
        var sieve: PurgeSieve
        var batch = RawBatch()
        var ordinal = 0
        var more = true
    }

    /// What is kept of a run read in memory.
    private enum Held {
        case series(Int)
        /// A point of the scalar fast path, kept as plain numbers until it is handed out.
        case scalar(ScalarPoint)
        case point(Point)
        indirect case problem(ReadProblem)
    }

    /// Items ready to be handed out, in order.
    private struct Ready {
        var items: [Item] = []
        var index = 0

        @inline(__always)
        mutating func next() -> Item? {
            guard index < items.count else { return nil }
            defer { index &+= 1 }
            return items[index]
        }
    }

    /// How many items are made ready at once.
    private static let readyCount = 512

    init(_ listing: LogdirListing.Run, options: SummaryReader.Options, bufferedByteLimit: Int64 = 16 << 20) {
        self.listing = listing
        self.options = options
        self.bufferedByteLimit = bufferedByteLimit
    }

    /// The run's facts read so far: complete once the stream has ended.
    public var run: Run { loader?.run ?? Run(name: listing.name, path: listing.path) }

    /// The series with `id`, as announced.
    public func series(_ id: Int) -> Series { loader!.series[id] }

    public func next() -> Item? {
        if let item = ready.next() { return item }
        return refill()
    }

    /// Makes the next items ready and returns the first; `nil` at the end.
    private func refill() -> Item? {
        if !started { start() }
        var items = ready.items
        ready = Ready()  // while `items` is out, so that it is not copied
        items.removeAll(keepingCapacity: true)
        var announced = self.announced
        self.announced = []
        defer { self.announced = announced }
        while heldIndex < held.count && items.count < Self.readyCount {
            let entry = held[heldIndex]
            heldIndex += 1
            if let item = handOut(entry, announced: &announced) { items.append(item) }
        }
        if heldIndex == held.count && !held.isEmpty {
            held = []
            heldIndex = 0
        }
        if items.isEmpty, var current = streaming {
            streaming = nil  // while `current` is out, so that its batch is not copied
            stream(&current, announced: &announced, into: &items)
            if !items.isEmpty { streaming = current }
        }
        ready = Ready(items: items, index: 0)
        return ready.next()
    }

    // MARK: Reading

    private func start() {
        started = true
        let first = RunLoader(
            run: Run(name: listing.name, path: listing.path), source: options.source,
            usesFastPath: options.usesFastPaths, chunking: options.chunking)
        first.update(files: listing.files)
        firstLoader = first
        if listing.byteCount <= bufferedByteLimit {
            readBuffered(first)
        } else {
            readTwice(first)
        }
    }

    /// Reads the whole run, applying every rewind to the points held.
    private func readBuffered(_ loader: RunLoader) {
        self.loader = loader
        var held: [Held] = []
        // Room for as many points as the files could hold (a record takes 24 bytes or more): the
        // array never grows by copying, and pages never written are never taken.
        held.reserveCapacity(Int(Swift.min(listing.byteCount, bufferedByteLimit) / 24))
        var problems: [ReadProblem] = []
        var queue = RawBatch()
        var more = true
        while more {
            more = loader.advance(final: options.filesAreComplete, into: &queue)
            queue.forEach(scalars: { points in for point in points { held.append(.scalar(point)) } }) { item in
                switch item {
                case .series(let series): held.append(.series(series.id))
                case .point(let point): held.append(.point(point))
                case .problem(let problem): problems.append(problem)
                case .rewind(let rewind): apply(rewind, to: &held, loader: loader)
                case .run: break
                }
            }
            queue.removeAll()
        }
        // The problems come first (copying the points only when there are problems).
        if !problems.isEmpty { held.insert(contentsOf: problems.map(Held.problem), at: 0) }
        self.held = held
    }

    /// Applies a rewind to points held in memory: drops what a purge drops, decodes again what
    /// late metadata changed.
    private func apply(_ rewind: Rewind, to held: inout [Held], loader: RunLoader) {
        if rewind.reason != .metadata { purges.append(rewind) }
        if rewind.reason == .metadata {
            for index in held.indices {
                guard case .point(var point) = held[index], rewind.affects(series: point.series),
                    case .tensor(let tensor) = point.value
                else { continue }
                point.value = PointDecoder.value(tensor, kind: loader.series[point.series].kind)
                held[index] = .point(point)
            }
            return
        }
        held.removeAll { item in
            let point: Point
            switch item {
            case .point(let held): point = held
            case .scalar(let held): point = held.point
            case .series, .problem: return false
            }
            guard rewind.drops(point) else { return false }
            droppedPointCounts[point.series, default: 0] += 1
            return true
        }
    }

    /// Reads the run once to learn its purges and final metadata, and prepares the second reading.
    private func readTwice(_ first: RunLoader) {
        var problems: [ReadProblem] = []
        var queue = RawBatch()
        var more = true
        // Only purges, problems and the final metadata matter here: points are counted, not made.
        first.emitsPoints = false
        defer { first.emitsPoints = true }
        while more {
            more = first.advance(final: options.filesAreComplete, into: &queue)
            for item in queue.items {
                if case .problem(let problem) = item { problems.append(problem) }
            }
            queue.removeAll()
        }
        held = problems.map(Held.problem)
        startSecondReading(after: first)
    }

    /// Prepares the second reading of a run `first` has read to its end: the same bytes, every
    /// series' final metadata known from the start, and the points its purges drop left out.
    private func startSecondReading(after first: RunLoader) {
        var sieve = PurgeSieve()
        for purge in first.processor.purges {
            sieve.add(purge, afterPoints: purge.pointsBefore)
            purges.append(purge)
        }
        let second = RunLoader(rereading: first)
        loader = second
        streaming = Streaming(loader: second, sieve: sieve)
    }

    /// The points of a run that `first` has read to its end, settled by reading it once more:
    /// for a reader that met more purges than it could settle as it went (see
    /// ``RunAccumulation``). It hands out series and points only, the problems being known.
    init(settling first: RunLoader, listing: LogdirListing.Run, options: SummaryReader.Options) {
        self.listing = listing
        self.options = options
        self.bufferedByteLimit = 0
        started = true
        startSecondReading(after: first)
    }

    /// Appends the items of the second reading's next batches to `items`, until some are
    /// appended or the reading ends.
    private func stream(_ streaming: inout Streaming, announced: inout [Announcement], into items: inout [Item]) {
        var dropped: [Int] = []
        while items.isEmpty && streaming.more {
            streaming.batch.removeAll()
            streaming.more = streaming.loader.advance(final: options.filesAreComplete, into: &streaming.batch)
            var ordinal = streaming.ordinal
            var sieve = streaming.sieve
            streaming.sieve = PurgeSieve()  // while `sieve` is out, so that it is not copied
            defer { streaming.sieve = sieve }
            // The points of the run are numbered in reading order, as the first reading numbered them.
            func take(_ point: Point) {
                defer { ordinal += 1 }
                if sieve.drops(ordinal: ordinal, step: point.step, series: point.series) {
                    dropped.append(point.series)
                } else if Self.isWanted(point.series, announced) {
                    items.append(.point(point))
                }
            }
            streaming.batch.forEach(scalars: { points in
                for point in points { take(point.point) }
            }) { item in
                switch item {
                case .series(let series):
                    if let item = announce(series.id, announced: &announced) { items.append(item) }
                case .point(let point):
                    take(point)
                case .problem, .rewind, .run:
                    // The first reading reported the problems; its purges are in the sieve.
                    break
                }
            }
            streaming.ordinal = ordinal
        }
        for series in dropped { droppedPointCounts[series, default: 0] += 1 }
    }

    // MARK: Handing out

    private func handOut(_ held: Held, announced: inout [Announcement]) -> Item? {
        switch held {
        case .series(let id): return announce(id, announced: &announced)
        case .scalar(let point): return Self.isWanted(point.series, announced) ? .point(point.point) : nil
        case .point(let point): return Self.isWanted(point.series, announced) ? .point(point) : nil
        case .problem(let problem): return .problem(problem)
        }
    }

    /// The series' announcement, with its final metadata, the first time it is asked for; `nil`
    /// after that or when the tag filter leaves it out.
    private func announce(_ id: Int, announced: inout [Announcement]) -> Item? {
        while announced.count <= id { announced.append(.unseen) }
        guard case .unseen = announced[id] else { return nil }
        let series = loader!.series[id]
        let wanted = options.tags.includes(series.tag)
        announced[id] = wanted ? .wanted : .unwanted
        return wanted ? .series(series) : nil
    }

    @inline(__always)
    private static func isWanted(_ id: Int, _ announced: [Announcement]) -> Bool {
        guard id < announced.count, case .wanted = announced[id] else { return false }
        return true
    }
}
