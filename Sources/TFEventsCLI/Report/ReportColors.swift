/// The colour of each run in the report's static charts: the colour of its line in the scalar
/// charts (its group's, when runs are grouped), so a run looks the same everywhere on the page.
struct ReportColors {
    private let indexByLine: [String: Int]
    private let groupOf: ReportGroupNames

    init(lineNames: [String], groupOf: ReportGroupNames) {
        indexByLine = Dictionary(lineNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.groupOf = groupOf
    }

    /// The palette index of `run`: its line's, or 0 for a run without scalars.
    func index(run: String) -> Int {
        indexByLine[groupOf[run] ?? run] ?? 0
    }
}
