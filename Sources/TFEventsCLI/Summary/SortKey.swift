import ArgumentParser
import TFEvents

/// `--sort [-]NAME[:STAT]`: the order of the rows (and of the runs in JSON).
///
/// `NAME` is a scalar tag (sorted by `STAT`, or by `--stat` when no `:STAT` is given), a
/// hyperparameter, or an image, histogram or text tag (sorted by number of points). The order is
/// ascending; a leading `-` or `--descending` makes it descending. Whatever the direction, runs
/// without a value come last, and NaN comes after every number. Ties keep the run-name order.
/// Hyperparameters of different types sort Booleans, then numbers, then strings.
///
/// A name is looked up as written first, so a tag that itself contains `:` or starts with `-`
/// still sorts by its name.
struct SortKey: Sendable, Hashable {
    /// What the rows are sorted by, as given.
    var text: String
    /// `--descending`.
    var descending: Bool

    /// Sorts `runs` by the key.
    ///
    /// - Throws: `ValidationError` when no run has a column of that name, or a statistic is given
    ///   for a column that is not a scalar tag.
    func sorted(_ runs: [ShownRun], statistic: Statistic, objective: ObjectiveRule) throws -> [ShownRun] {
        let (column, keyStatistic, descending) = try resolve(in: runs)
        let values = runs.map { run in
            Self.sortValue(column.cell(run, statistic: keyStatistic ?? statistic, objective: objective))
        }
        let order = runs.indices.sorted { a, b in
            switch Self.compare(values[a], values[b], descending: descending) {
            case .some(let less): less
            case nil: a < b
            }
        }
        return order.map { runs[$0] }
    }

    /// The column, statistic and direction `text` names in `runs`.
    private func resolve(in runs: [ShownRun]) throws -> (SummaryColumn, Statistic?, Bool) {
        let columns = Set(SummaryColumn.columns(of: runs))
        func column(named name: String) -> SummaryColumn? {
            [.scalar(name), .hparam(name), .images(name), .histograms(name), .text(name), .audio(name), .prCurves(name),
                .meshes(name)]
                .first(where: columns.contains)
        }
        var candidates: [(name: String, statistic: Statistic?, descending: Bool)] = [(text, nil, descending)]
        if text.hasPrefix("-") { candidates.append((String(text.dropFirst()), nil, true)) }
        if let colon = text.lastIndex(of: ":"),
            let statistic = Statistic(rawValue: String(text[text.index(after: colon)...]))
        {
            let name = String(text[..<colon])
            candidates.append((name, statistic, descending))
            if name.hasPrefix("-") { candidates.append((String(name.dropFirst()), statistic, true)) }
        }
        for candidate in candidates {
            guard let found = column(named: candidate.name) else { continue }
            if candidate.statistic != nil && !found.isScalar {
                throw ValidationError(
                    "--sort \(text): '\(candidate.name)' is not a scalar tag; only scalar tags take a statistic.")
            }
            return (found, candidate.statistic, candidate.descending)
        }
        throw ValidationError(
            "--sort \(text): no run has a scalar tag, hyperparameter, or image, histogram or text tag named "
                + "'\(candidates.last?.name ?? text)'.")
    }

    /// A cell's value for sorting; `nil` when missing.
    private enum SortValue {
        case bool(Bool)
        case number(Double)
        case string(String)

        var rank: Int {
            switch self {
            case .bool: 0
            case .number: 1
            case .string: 2
            }
        }
    }

    private static func sortValue(_ cell: SummaryCell) -> SortValue? {
        switch cell {
        case .missing: nil
        case .number(let value): .number(value)
        case .count(let count): .number(Double(count))
        case .text(let text): .string(text)
        case .hparam(.bool(let flag)): .bool(flag)
        case .hparam(.number(let value)): .number(value)
        case .hparam(.string(let text)): .string(text)
        }
    }

    /// Whether `a` sorts before `b`; `nil` for a tie.
    private static func compare(_ a: SortValue?, _ b: SortValue?, descending: Bool) -> Bool? {
        // Missing values last, whatever the direction.
        guard let a, let b else { return a == nil && b == nil ? nil : b == nil }
        if a.rank != b.rank { return descending ? a.rank > b.rank : a.rank < b.rank }
        let less: Bool
        let greater: Bool
        switch (a, b) {
        case (.number(let x), .number(let y)):
            // NaN after every number, whatever the direction.
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN ? nil : y.isNaN }
            (less, greater) = (x < y, x > y)
        case (.bool(let x), .bool(let y)):
            (less, greater) = (!x && y, x && !y)
        case (.string(let x), .string(let y)):
            (less, greater) = (byteOrder(x, y), byteOrder(y, x))
        default:
            return nil
        }
        guard less || greater else { return nil }
        return descending ? greater : less
    }
}
