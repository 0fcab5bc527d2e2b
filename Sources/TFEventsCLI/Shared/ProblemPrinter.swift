import TFEvents

/// Prints each problem once on standard error, except problems in runs that `--runs` leaves out.
struct ProblemPrinter {
    let filters: CompiledFilters
    private var seen: Set<String> = []

    init(filters: CompiledFilters) {
        self.filters = filters
    }

    /// The number of distinct problems printed.
    var count: Int { seen.count }

    /// Prints `problem` unless it was printed before or is in a run left out.
    mutating func print(_ problem: ReadProblem) {
        if let run = problem.run, !filters.includes(run: run) { return }
        let text = problem.description
        guard seen.insert(text).inserted else { return }
        printError("warning: " + text)
    }
}
