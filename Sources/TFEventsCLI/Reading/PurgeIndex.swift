import TFEvents

/// Which points of a log directory survive TensorBoard's purges, learned in a first pass that
/// keeps no points, so that a second pass can stream the survivors in order.
///
/// A purge (a restarted writer; see ``LogdirReader/Purge``) drops points that were read *before*
/// it. A command that prints points as it reads them cannot take them back, and keeping every
/// point until the end would cost memory in proportion to the log directory. So the first pass
/// (``scan(_:onItem:)``) records only where each purge happened: how many points of its run
/// came before it, its step and the tags it affects. The second pass reads the log directory
/// again with a new reader and asks ``Sieve/verdict(_:)`` about each point. Memory is a few
/// numbers per purge and one kind per series.
///
/// Both passes number the points of each run in reading order, which is the same in both for
/// the same bytes. Runs and tags are matched by name, not by id, so a run that appears between
/// the passes changes nothing; points written after the first pass are reported as
/// ``Verdict/afterSnapshot`` for the caller to take or leave.
struct PurgeIndex {
    /// Where the purges of one run happened.
    struct RunPurges {
        /// The number of points of the run read in the first pass.
        var pointCount = 0
        /// The number of purges of the run read in the first pass.
        var purgeCount = 0
        /// Purges of every tag: (points of the run read before it, step), in order.
        var all: [(ordinal: Int, step: Int64)] = []
        /// Purges of some tags only, by tag.
        var byTag: [String: [(ordinal: Int, step: Int64)]] = [:]
        /// For each index of ``all``, the smallest step of that purge and every later one.
        fileprivate var allSuffixMinimum: [Int64] = []
        fileprivate var byTagSuffixMinimum: [String: [Int64]] = [:]

        /// Whether the point read after `ordinal` earlier points of the run, at `step`, is
        /// dropped by a purge read after it.
        func drops(ordinal: Int, step: Int64, tag: String) -> Bool {
            if Self.drops(ordinal: ordinal, step: step, all, allSuffixMinimum) { return true }
            guard let purges = byTag[tag], let minimums = byTagSuffixMinimum[tag] else { return false }
            return Self.drops(ordinal: ordinal, step: step, purges, minimums)
        }

        private static func drops(
            ordinal: Int, step: Int64, _ purges: [(ordinal: Int, step: Int64)], _ minimums: [Int64]
        ) -> Bool {
            // The first purge read after the point: one whose ordinal (points before it) exceeds the point's.
            var low = 0
            var high = purges.count
            while low < high {
                let middle = (low + high) / 2
                if purges[middle].ordinal > ordinal { high = middle } else { low = middle + 1 }
            }
            return low < purges.count && step >= minimums[low]
        }

        fileprivate mutating func finish() {
            allSuffixMinimum = Self.suffixMinimum(all)
            byTagSuffixMinimum = byTag.mapValues(Self.suffixMinimum)
        }

        private static func suffixMinimum(_ purges: [(ordinal: Int, step: Int64)]) -> [Int64] {
            var minimums = purges.map(\.step)
            for index in minimums.indices.dropLast().reversed() {
                minimums[index] = min(minimums[index], minimums[index + 1])
            }
            return minimums
        }
    }

    /// What the second pass should do with a point.
    enum Verdict {
        /// TensorBoard shows the point.
        case survives
        /// A purge read later drops it.
        case dropped
        /// The point was written after the first pass: no purge of the first pass applies to it.
        case afterSnapshot
    }

    /// By run name.
    private(set) var runs: [String: RunPurges] = [:]
    /// The kind of every series at the end of the first pass, by run name and tag: a series'
    /// metadata may arrive after its first points, which the reader then yields as raw tensors.
    private(set) var kinds: [String: [String: LogdirReader.Series.Kind]] = [:]
    /// The names of the runs found, in the order found.
    private(set) var runNames: [String] = []
    /// How many points the first pass read.
    private(set) var pointCount = 0

    /// The first pass: reads `reader` until it has nothing more, handing every item to `onItem`
    /// (for problems and progress) and recording where purges happened.
    static func scan(_ reader: LogdirReader, onItem: (LogdirReader.Item) throws -> Void) rethrows -> PurgeIndex {
        var index = PurgeIndex()
        var names = ItemNames()
        var byRunID: [RunPurges] = []  // names are looked up once per run, not once per point
        while let item = reader.next() {
            try onItem(item)
            names.observe(item)
            switch item {
            case .run(let run):
                while byRunID.count <= run.id { byRunID.append(RunPurges()) }
                if !index.runNames.contains(run.name) { index.runNames.append(run.name) }
            case .series(let series):
                index.kinds[names.runName(series.run), default: [:]][series.tag] = series.kind
            case .point(let point):
                byRunID[names.run(of: point)].pointCount += 1
                index.pointCount += 1
            case .purge(let purge):
                let ordinal = byRunID[purge.run].pointCount
                byRunID[purge.run].purgeCount += 1
                if let ids = purge.series {
                    for tag in Set(ids.map { names.tag(series: $0) }) {
                        byRunID[purge.run].byTag[tag, default: []].append((ordinal, purge.step))
                    }
                } else {
                    byRunID[purge.run].all.append((ordinal, purge.step))
                }
            case .runEvent, .problem:
                break
            }
        }
        for (id, var purges) in byRunID.enumerated() {
            purges.finish()
            index.runs[names.runName(id)] = purges
        }
        return index
    }

    /// The kind of the series `tag` of run `run` at the end of the first pass.
    func kind(run: String, tag: String) -> LogdirReader.Series.Kind? {
        kinds[run]?[tag]
    }

    /// Judges the points of a second pass over the same log directory.
    ///
    /// Feed it every item of the second reader in order (``observe(_:)``), and ask about each point.
    struct Sieve {
        let index: PurgeIndex
        /// The names of the second reader's runs and series.
        private(set) var names = ItemNames()
        private var ordinals: [Int] = []
        private var purgeCounts: [Int] = []
        /// The first pass's purges of each run of this reader, by run id (`nil` for a new run).
        private var runPurges: [RunPurges?] = []

        init(_ index: PurgeIndex) {
            self.index = index
        }

        /// Keeps track of runs and series; call it with every item before ``verdict(_:)``.
        mutating func observe(_ item: LogdirReader.Item) {
            names.observe(item)
            if case .run(let run) = item {
                while runPurges.count <= run.id {
                    runPurges.append(nil)
                    ordinals.append(0)
                    purgeCounts.append(0)
                }
                runPurges[run.id] = index.runs[run.name]
            }
        }

        /// Whether TensorBoard shows `point`; call it once for every point, in order.
        mutating func verdict(_ point: LogdirReader.Point) -> Verdict {
            let run = names.run(of: point)
            let ordinal = ordinals[run]
            ordinals[run] += 1
            guard let purges = runPurges[run], ordinal < purges.pointCount else {
                return .afterSnapshot
            }
            return purges.drops(ordinal: ordinal, step: point.step, tag: names.tag(of: point)) ? .dropped : .survives
        }

        /// Whether `purge` was written after the first pass (so its effect is not known to
        /// ``verdict(_:)``); call it once for every purge, in order.
        mutating func isAfterSnapshot(_ purge: LogdirReader.Purge) -> Bool {
            let number = purgeCounts[purge.run]
            purgeCounts[purge.run] += 1
            return number >= (runPurges[purge.run]?.purgeCount ?? 0)
        }
    }
}

/// The run names and tags behind the ids in a reader's items, learned from its `.run` and
/// `.series` items without asking the reader (which copies a whole ``LogdirReader/Series``).
struct ItemNames {
    private var runNames: [String] = []
    private var seriesRun: [Int] = []
    private var seriesTag: [String] = []

    /// Learns from `.run` and `.series` items; ignores the others.
    mutating func observe(_ item: LogdirReader.Item) {
        switch item {
        case .run(let run):
            while runNames.count <= run.id { runNames.append("") }
            runNames[run.id] = run.name
        case .series(let series):
            while seriesRun.count <= series.id {
                seriesRun.append(0)
                seriesTag.append("")
            }
            seriesRun[series.id] = series.run
            seriesTag[series.id] = series.tag
        default:
            break
        }
    }

    /// The name of the run with this id.
    func runName(_ run: Int) -> String { runNames[run] }

    /// The id of the run the series with this id belongs to.
    func run(series: Int) -> Int { seriesRun[series] }

    /// The id of the run a point belongs to.
    func run(of point: LogdirReader.Point) -> Int { seriesRun[point.series] }

    /// The name of the run a point belongs to.
    func runName(of point: LogdirReader.Point) -> String { runNames[seriesRun[point.series]] }

    /// The tag of the series with this id.
    func tag(series: Int) -> String { seriesTag[series] }

    /// The tag of the series a point belongs to.
    func tag(of point: LogdirReader.Point) -> String { seriesTag[point.series] }
}
