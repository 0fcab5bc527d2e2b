import TFEvents

/// The step a tag gets when none is given: one past the last step of that tag in the run, as
/// TensorBoard's loader sees the run (purges applied, files in name order), or 0 for a new tag;
/// within one invocation it keeps counting from the last step written.
struct StepCounter {
    let logdir: String
    /// One past the last step of each tag, once known.
    private var next: [String: Int64] = [:]
    /// Tags whose last step is `Int64.max`: they have no next step.
    private var exhausted: Set<String> = []
    private var loaded = false

    init(logdir: String) {
        self.logdir = logdir
    }

    /// The default step for `tag`. Reads the run the first time it is needed.
    ///
    /// - Throws: ``LogInputError`` when the tag's last step is the largest step there is.
    mutating func defaultStep(for tag: String) throws(LogInputError) -> Int64 {
        if !loaded { load() }
        if exhausted.contains(tag) {
            throw LogInputError("\"\(tag)\" is already at step \(Int64.max), the largest; give a step")
        }
        return next[tag] ?? 0
    }

    /// Notes that `tag` was written at `step`.
    mutating func wrote(_ tag: String, at step: Int64) {
        if step == .max {
            exhausted.insert(tag)
            next[tag] = nil
        } else {
            exhausted.remove(tag)
            next[tag] = step + 1
        }
    }

    /// Reads the run `.` of `logdir` (the files directly in it) for the last step of each tag;
    /// tags already written by this invocation keep their count.
    private mutating func load() {
        loaded = true
        for (tag, step) in Self.lastSteps(logdir: logdir) where next[tag] == nil && !exhausted.contains(tag) {
            wrote(tag, at: step)
        }
    }

    /// The step of the last point of each tag of the run made by the files directly in `logdir`.
    static func lastSteps(logdir: String) -> [String: Int64] {
        guard let reader = try? LogdirReader(logdir: logdir, filesAreComplete: true) else { return [:] }
        var runID: Int?
        var tags: [Int: String] = [:]
        var last: [String: Int64] = [:]
        while let item = reader.next() {
            switch item {
            case .run(let run) where run.name == ".":
                runID = run.id
            case .series(let series) where series.run == runID:
                tags[series.id] = series.tag
            case .point(let point):
                if let tag = tags[point.series] { last[tag] = point.step }
            case .purge(let purge) where purge.run == runID:
                // Points dropped by a restart are not "written" any more: take the last survivor.
                let affected = tags.filter { purge.affects(series: $0.key) }
                for tag in affected.values { last[tag] = nil }
                reader.replaySurvivingPoints(before: purge) { point in
                    if let tag = affected[point.series] { last[tag] = point.step }
                }
            default:
                break
            }
        }
        return last
    }
}
