import TFEvents

/// A column of the `tfevents summary` table, after the `run` column.
///
/// The columns come in this order, each group sorted by name: one per scalar tag (the chosen
/// statistic), one per hyperparameter, then one per image, histogram, text, audio and PR-curve
/// tag and mesh (its number of points). A column exists when any run has it.
enum SummaryColumn: Hashable, Sendable {
    /// A scalar tag: the chosen statistic.
    case scalar(String)
    /// A hyperparameter: its value.
    case hparam(String)
    /// An image tag: the number of points.
    case images(String)
    /// A histogram tag: the number of points.
    case histograms(String)
    /// A text tag: the number of points.
    case text(String)
    /// An audio tag: the number of points.
    case audio(String)
    /// A PR-curve tag: the number of points.
    case prCurves(String)
    /// A mesh, by name: the number of points.
    case meshes(String)

    /// Every column the runs have, in table order.
    static func columns(of runs: [ShownRun]) -> [SummaryColumn] {
        func union(_ keys: (ShownRun) -> Dictionary<String, some Any>.Keys) -> [String] {
            Set(runs.flatMap { keys($0) }).sorted(by: byteOrder)
        }
        return union { $0.scalars.keys }.map(SummaryColumn.scalar)
            + union { $0.hparams.keys }.map(SummaryColumn.hparam)
            + union { $0.images.keys }.map(SummaryColumn.images)
            + union { $0.histograms.keys }.map(SummaryColumn.histograms)
            + union { $0.text.keys }.map(SummaryColumn.text)
            + union { $0.audio.keys }.map(SummaryColumn.audio)
            + union { $0.prCurves.keys }.map(SummaryColumn.prCurves)
            + union { $0.meshes.keys }.map(SummaryColumn.meshes)
    }

    /// The column's title: the tag for scalars; the name for hyperparameters (`hparams/NAME` when
    /// a scalar tag has the same name); `TAG (images)`, `TAG (histograms)`, `TAG (text)`,
    /// `TAG (audio)`, `TAG (pr_curves)`, `NAME (mesh)` for counts.
    func title(scalarTags: Set<String>) -> String {
        switch self {
        case .scalar(let tag): tag
        case .hparam(let name): scalarTags.contains(name) ? "hparams/" + name : name
        case .images(let tag): tag + " (images)"
        case .histograms(let tag): tag + " (histograms)"
        case .text(let tag): tag + " (text)"
        case .audio(let tag): tag + " (audio)"
        case .prCurves(let tag): tag + " (pr_curves)"
        case .meshes(let name): name + " (mesh)"
        }
    }

    /// Whether the column is a scalar tag's.
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }

    /// Whether the column holds numbers (right-aligned).
    var isNumeric: Bool {
        if case .hparam = self { return false }
        return true
    }

    /// The column's cell for `run`.
    func cell(_ run: ShownRun, statistic: Statistic, objective: ObjectiveRule) -> SummaryCell {
        switch self {
        case .scalar(let tag):
            guard let statistics = run.scalars[tag] else { return .missing }
            if statistic == .count { return .count(statistics.count) }
            return statistics.value(of: statistic, minimizing: objective.minimizes(tag)).map(SummaryCell.number)
                ?? .missing
        case .hparam(let name):
            return run.hparams[name].map(SummaryCell.hparam) ?? .missing
        case .images(let tag):
            return run.images[tag].map { .count($0.count) } ?? .missing
        case .histograms(let tag):
            return run.histograms[tag].map { .count($0.count) } ?? .missing
        case .text(let tag):
            return run.text[tag].map { .count($0.count) } ?? .missing
        case .audio(let tag):
            return run.audio[tag].map { .count($0.count) } ?? .missing
        case .prCurves(let tag):
            return run.prCurves[tag].map { .count($0.count) } ?? .missing
        case .meshes(let name):
            return run.meshes[name].map { .count($0.count) } ?? .missing
        }
    }
}

/// One cell of the summary table, formatted per output format.
enum SummaryCell: Equatable, Sendable {
    /// No value: the run lacks the tag, or the statistic has no value (no finite point).
    case missing
    /// A statistic.
    case number(Double)
    /// A count.
    case count(Int)
    /// A hyperparameter value.
    case hparam(HParamValue)
    /// Text (the run name).
    case text(String)

    /// For tables meant to be read: six significant digits (``NumberFormatting/short(_:)``),
    /// `-` when missing.
    var short: String {
        switch self {
        case .missing: "-"
        case .number(let value): NumberFormatting.short(value)
        case .count(let count): String(count)
        case .hparam(let value): value.description
        case .text(let text): text
        }
    }

    /// For CSV: every digit needed to read the double back, `nan`, `inf`, `-inf` (which Python's
    /// `float()` and pandas read), and an empty field when missing.
    var exact: String {
        switch self {
        case .missing: ""
        case .number(let value): Self.exactNumber(value)
        case .count(let count): String(count)
        case .hparam(let value): value.description
        case .text(let text): text
        }
    }

    static func exactNumber(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded() && abs(value) < 1e15 && !(value == 0 && value.sign == .minus) {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// Byte order of the UTF-8 encodings, as TensorBoard sorts names.
func byteOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
