/// What keeps one series' points, or statistics of them, while a run is read.
protocol SeriesAccumulator: Sendable {
    /// The next point of the series, in TensorBoard's order.
    mutating func add(_ point: Point)

    /// The next point of the series when it is a scalar of the fast path: what `add` does with
    /// the point, without making one.
    mutating func add(_ point: ScalarPoint)
}

extension SeriesAccumulator {
    mutating func add(_ point: ScalarPoint) {
        add(point.point)
    }
}

/// One run read to the end with accumulators per series, in one pass in memory that does not grow
/// with the points (beyond what the accumulators keep).
///
/// Everything TensorBoard decides later is settled here, so accumulators only ever see the points
/// TensorBoard shows: when a rewind makes points read earlier wrong (a restarted writer, or
/// metadata that arrived after a series' first points), the affected accumulators start again
/// and are fed the surviving points, read again from the run's files. That rereading is done for
/// the first rewind only: a run with more is read to its end, then once more as ``RunReader``
/// reads a large run the second time (``RunReader/init(settling:listing:options:)``: its purges
/// known, so the points they drop are left out),
/// so the cost stays a few readings of the run however often its writer restarted (replaying on
/// every rewind cost a reading per restart: a 4 MB run with 100 restarts took 67 s, not 0.4 s).
struct RunAccumulation<Accumulator: SeriesAccumulator>: Sendable {
    /// The run's facts.
    var run: Run
    /// The series the tag filter keeps and the accumulators want, in the order found, with their
    /// accumulators.
    var series: [(series: Series, accumulator: Accumulator)]
    /// The problems found in the run's files, in reading order.
    var problems: [ReadProblem]

    /// Reads `listing` with `options`; `make` gives a series an empty accumulator, or `nil` when
    /// the series is not wanted.
    init(
        _ listing: LogdirListing.Run, options: SummaryReader.Options, progress: ProgressCounter?,
        make: (Series) -> Accumulator?
    ) {
        let loader = RunLoader(
            run: Run(name: listing.name, path: listing.path), source: options.source,
            usesFastPath: options.usesFastPaths, chunking: options.chunking)
        loader.update(files: listing.files)
        let final = options.filesAreComplete
        var accumulators = AccumulatorTable<Accumulator>()
        var problems: [ReadProblem] = []
        var queue = RawBatch()
        var points = 0
        var replays = 0
        // Set at the second rewind: the accumulators are made again from the settled stream.
        var settleAtEnd = false
        var more = true
        while more {
            more = loader.advance(final: final, into: &queue)
            queue.forEach(scalars: { run in
                points &+= run.count
                guard !settleAtEnd else { return }
                accumulators.add(run)
            }) { item in
                switch item {
                case .point(let point):
                    points &+= 1
                    if !settleAtEnd { accumulators.add(point) }
                case .series(let series):
                    accumulators.set(series.id, options.tags.includes(series.tag) ? make(series) : nil)
                case .rewind where settleAtEnd:
                    break
                case .rewind where replays == Self.replayLimit:
                    settleAtEnd = true
                case .rewind(let rewind):
                    replays += 1
                    for id in accumulators.ids where rewind.affects(series: id) {
                        accumulators.set(id, make(loader.series[id]))
                    }
                    loader.replay(rewind, final: final) { point in accumulators.add(point) }
                case .problem(let problem):
                    problems.append(problem)
                case .run:
                    break
                }
            }
            queue.removeAll()
            if points >= 1 << 14 {
                progress?.add(points)
                points = 0
            }
        }
        progress?.add(points)
        if settleAtEnd {
            accumulators = AccumulatorTable()
            for item in RunReader(settling: loader, listing: listing, options: options) {
                switch item {
                case .series(let series):
                    accumulators.set(series.id, make(series))
                case .point(let point):
                    accumulators.add(point)
                case .problem:
                    break
                }
            }
        }
        run = loader.run
        series = loader.series.compactMap { series in accumulators[series.id].map { (series, $0) } }
        self.problems = problems
    }

    /// Rewinds handled by reading the run again up to them; past that, the run is settled at its end.
    static var replayLimit: Int { 1 }
}

/// The accumulators of a run's series, by series id, held densely: a point reaches its
/// accumulator through two array loads. (An array of optional accumulators, large structs,
/// cost an outlined enum check and a coroutine call per point.)
private struct AccumulatorTable<Accumulator: SeriesAccumulator> {
    /// By series id: the index of its accumulator in ``accumulators``, or -1 when it has none.
    private var slots: [Int] = []
    private var accumulators: [Accumulator] = []

    /// The ids of the series that have an accumulator.
    var ids: [Int] { slots.indices.filter { slots[$0] >= 0 } }

    /// The accumulator of series `id`, if it has one.
    subscript(id: Int) -> Accumulator? {
        id < slots.count && slots[id] >= 0 ? accumulators[slots[id]] : nil
    }

    /// Gives series `id` a new accumulator, or none.
    mutating func set(_ id: Int, _ accumulator: Accumulator?) {
        while slots.count <= id { slots.append(-1) }
        guard let accumulator else {
            slots[id] = -1
            return
        }
        if slots[id] >= 0 {
            accumulators[slots[id]] = accumulator
        } else {
            slots[id] = accumulators.count
            accumulators.append(accumulator)
        }
    }

    /// Adds a point to its series' accumulator, if it has one.
    mutating func add(_ point: Point) {
        guard point.series < slots.count, slots[point.series] >= 0 else { return }
        accumulators[slots[point.series]].add(point)
    }

    /// Adds points of the scalar fast path, in order, to their series' accumulators.
    @inline(__always)
    mutating func add(_ points: UnsafeBufferPointer<ScalarPoint>) {
        slots.withUnsafeBufferPointer { slots in
            accumulators.withUnsafeMutableBufferPointer { accumulators in
                for point in points where point.series < slots.count {
                    let slot = slots[point.series]
                    if slot >= 0 { accumulators[slot].add(point) }
                }
            }
        }
    }
}
