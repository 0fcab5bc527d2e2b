import ArgumentParser
import TFEvents

/// The table of `tfevents summary --group`: one row per group, its number of runs, each scalar
/// tag's statistic as the mean ± the standard deviation over the group's runs, and the
/// hyperparameters the runs share. CSV gives the mean and the standard deviation in columns of
/// their own (`TAG`, `TAG std`).
struct GroupSummaryTable {
    let groups: [SummaryGroup]
    let tags: [String]
    let hparams: [String]

    init(groups: [SummaryGroup]) {
        self.groups = groups
        tags = Set(groups.flatMap(\.scalars.keys)).sorted(by: byteOrder)
        hparams = Set(groups.flatMap(\.sharedHparams.keys)).sorted(by: byteOrder)
    }

    /// Sorts the groups by a scalar tag's mean or a shared hyperparameter (`--sort`, with a
    /// leading `-` or `descending` for descending order); groups without a value come last.
    func sorted(by key: String, descending: Bool) throws -> GroupSummaryTable {
        var name = key
        var descending = descending
        if !tags.contains(name) && !hparams.contains(name) && name.hasPrefix("-") {
            name.removeFirst()
            descending = true
        }
        func value(_ group: SummaryGroup) -> Double? {
            if let spread = group.scalars[name] { return spread.mean.isNaN ? nil : spread.mean }
            return group.sharedHparams[name]?.numberValue
        }
        guard tags.contains(name) || hparams.contains(name) else {
            throw ValidationError("--sort \(key): no group has a scalar tag or shared hyperparameter named '\(name)'.")
        }
        let order = groups.indices.sorted { a, b in
            switch (value(groups[a]), value(groups[b])) {
            case (let x?, let y?) where x != y: return descending ? x > y : x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let (x, y) = (groups[a].sharedHparams[name]?.description, groups[b].sharedHparams[name]?.description)
                if let x, let y, x != y { return descending ? y.utf8.lexicographicallyPrecedes(x.utf8) : x.utf8.lexicographicallyPrecedes(y.utf8) }
                return a < b
            }
        }
        return GroupSummaryTable(groups: order.map { groups[$0] })
    }

    /// Six significant digits, `mean ± std`.
    func textTable() -> TextTable {
        var table = TextTable(
            titles: ["group", "runs"] + tags + hparams, numeric: Set(1..<(2 + tags.count)))
        for group in groups {
            table.append(
                [group.name, String(group.runs.count)]
                    + tags.map { tag in
                        group.scalars[tag].map {
                            NumberFormatting.short($0.mean) + " ± " + NumberFormatting.short($0.std)
                        } ?? "-"
                    }
                    + hparams.map { group.sharedHparams[$0]?.description ?? "-" })
        }
        return table
    }

    /// RFC 4180 CSV, every digit: `group,runs,TAG,TAG std,...,HPARAM,...`.
    func csv() -> String {
        var lines = [CSV.line(["group", "runs"] + tags.flatMap { [$0, $0 + " std"] } + hparams)]
        for group in groups {
            lines.append(
                CSV.line(
                    [group.name, String(group.runs.count)]
                        + tags.flatMap { tag in
                            group.scalars[tag].map { [SummaryCell.exactNumber($0.mean), SummaryCell.exactNumber($0.std)] }
                                ?? ["", ""]
                        }
                        + hparams.map { group.sharedHparams[$0]?.description ?? "" }))
        }
        return lines.joined()
    }

    /// The `groups` member of `--format json`.
    func json(statistic: Statistic) -> JSONValue {
        .array(
            groups.map { group in
                .object([
                    ("group", .string(group.name)),
                    ("runs", .array(group.runs.map { .string($0.name) })),
                    ("statistic", .string(statistic.rawValue)),
                    (
                        "scalars",
                        .object(
                            group.scalars.sorted { byteOrder($0.key, $1.key) }.map { tag, spread in
                                (
                                    tag,
                                    .object([
                                        ("runs", .integer(Int64(spread.runs))), ("mean", .number(spread.mean)),
                                        ("std", .number(spread.std)), ("min", .number(spread.min)),
                                        ("max", .number(spread.max)),
                                    ])
                                )
                            })
                    ),
                    (
                        "hparams",
                        .object(group.sharedHparams.sorted { byteOrder($0.key, $1.key) }.map { ($0.key, SummaryJSON.hparam($0.value)) })
                    ),
                ])
            })
    }
}
