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

    /// The step of the last point of each tag of the run made by the files directly in `logdir`,
    /// as TensorBoard shows the run.
    static func lastSteps(logdir: String) -> [String: Int64] {
        guard let reader = try? SummaryReader(logdir: logdir, options: .init(runs: .named(["."]))),
            let run = reader.summarize().runs.first
        else { return [:] }
        var last: [String: Int64] = [:]
        for (tag, statistics) in run.scalars where statistics.count > 0 { last[tag] = statistics.lastStep }
        for (tag, latest) in run.images { last[tag] = latest.lastStep }
        for (tag, latest) in run.histograms { last[tag] = latest.lastStep }
        for (tag, latest) in run.text { last[tag] = latest.lastStep }
        return last
    }
}
