/// The reading behind a ``LogdirFollower``: passes over the log directory, one batch of records at
/// a time.
final class LiveLogdir {
    let logdir: String
    let options: SummaryReader.Options
    private let start: LogdirFollower.Start
    private var loaders: [String: RunLoader] = [:]
    /// Series of each run the tag filter keeps, by run name and ``Series/id``.
    private var wanted: [String: [Bool]] = [:]
    private var reportedUnreadable: Set<String> = []
    /// The runs of the current pass, in name order, and how far the pass has come.
    private var pass: [LogdirListing.Run] = []
    private var position = 0
    private var passCount = 0
    /// Whether the pass is over and everything written has been read.
    private(set) var isCaughtUp = false
    private var queue: [RawItem] = []

    init(logdir: String, options: SummaryReader.Options, start: LogdirFollower.Start) {
        self.logdir = logdir
        self.options = options
        self.start = start
    }

    /// Does a little reading (one batch of one run, or a listing) and appends what it finds.
    func step(into updates: inout [LogdirUpdate]) {
        if isCaughtUp || passCount == 0 {
            isCaughtUp = false
            startPass(into: &updates)
            return
        }
        guard position < pass.count else {
            isCaughtUp = true
            updates.append(.caughtUp)
            return
        }
        let listing = pass[position]
        guard let loader = loaders[listing.path] else {
            // First seen in this pass.
            updates.append(.run(Run(name: listing.name, path: listing.path)))
            if passCount == 1 && start == .beginning {
                readSettled(listing, into: &updates)
            } else {
                let loader = RunLoader(
                    run: Run(name: listing.name, path: listing.path), source: options.source,
                    usesFastPath: options.usesFastPaths)
                loader.update(files: listing.files)
                loaders[listing.path] = loader
            }
            return
        }
        let more = loader.advance(final: false, into: &queue)
        deliver(loader, showsPoints: !(passCount == 1 && start == .end), into: &updates)
        if !more { position += 1 }
    }

    private func startPass(into updates: inout [LogdirUpdate]) {
        passCount += 1
        position = 0
        let listing: LogdirListing
        do {
            listing = try LogdirListing(logdir: logdir, source: options.source)
        } catch {
            // The log directory itself went away or cannot be listed: say so once, and look again later.
            let text = error.description
            if reportedUnreadable.insert(text).inserted {
                updates.append(.problem(ReadProblem(kind: .io, path: logdir, message: text)))
            }
            pass = []
            return
        }
        var stillUnreadable: Set<String> = []
        for problem in listing.problems {
            stillUnreadable.insert(problem.description)
            if !reportedUnreadable.contains(problem.description) { updates.append(.problem(problem)) }
        }
        reportedUnreadable = stillUnreadable
        pass = listing.runs.filter { options.runs.includes($0.name) }
        for run in pass { loaders[run.path]?.update(files: run.files) }
    }

    /// A run's points so far, settled (``RunReader``), then following it live.
    private func readSettled(_ listing: LogdirListing.Run, into updates: inout [LogdirUpdate]) {
        let reader = RunReader(listing, options: options)
        var points: [Point] = []
        var flags: [Bool] = []
        while let item = reader.next() {
            switch item {
            case .series(let series):
                while flags.count <= series.id { flags.append(false) }
                flags[series.id] = true
                if !points.isEmpty {
                    updates.append(.points(run: listing.name, points))
                    points = []
                }
                updates.append(.series(series))
            case .point(let point):
                points.append(point)
            case .problem(let problem):
                updates.append(.problem(problem))
            }
        }
        if !points.isEmpty { updates.append(.points(run: listing.name, points)) }
        let loader = reader.firstLoader!
        updates.append(.run(loader.run))
        wanted[listing.name] = flags
        loaders[listing.path] = loader
    }

    /// Turns what `loader` read into updates.
    private func deliver(_ loader: RunLoader, showsPoints: Bool, into updates: inout [LogdirUpdate]) {
        let run = loader.run.name
        var flags = wanted[run] ?? []
        defer { wanted[run] = flags }
        var points: [Point] = []
        func flush() {
            if !points.isEmpty { updates.append(.points(run: run, points)) }
            points = []
        }
        for item in queue {
            switch item {
            case .run(let facts):
                flush()
                updates.append(.run(facts))
            case .series(let series):
                while flags.count <= series.id { flags.append(false) }
                flags[series.id] = options.tags.includes(series.tag)
                if flags[series.id] {
                    flush()
                    updates.append(.series(series))
                }
            case .point(let point):
                if showsPoints && point.series < flags.count && flags[point.series] { points.append(point) }
            case .rewind(let rewind):
                guard showsPoints else { continue }
                flush()
                updates.append(.rewind(rewind))
                var survivors: [Point] = []
                loader.replay(rewind, final: false) { point in
                    if point.series < flags.count && flags[point.series] { survivors.append(point) }
                }
                updates.append(.replayed(run: run, survivors))
            case .problem(let problem):
                flush()
                updates.append(.problem(problem))
            }
        }
        flush()
        queue.removeAll(keepingCapacity: true)
    }
}
