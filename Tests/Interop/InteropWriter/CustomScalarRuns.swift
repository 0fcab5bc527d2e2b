import Foundation
import TFEvents

/// Custom scalar runs: an explicit layout (multiline, margin, a closed category) written twice so
/// that only the last one counts, grouped scalars whose keys hold regular-expression characters,
/// and three runs whose layouts TensorBoard merges by category title.
///
/// The manifest holds, per run, every layout written (`custom_scalars`), the scalars (`scalars`),
/// and for each chart the tags its patterns must match (`custom_scalar_matches`); the run
/// `custom_scalars/a` also holds the merged layout TensorBoard must serve for the whole log
/// directory (`custom_scalars_merged`).
func writeCustomScalarRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_300.0
    let losses = CustomScalarLayout.Category(
        "Losses",
        charts: [
            .multiline("loss", tags: ["loss/train", "loss/validation"]),
            .margin("accuracy", series: [.init(value: "acc/mean", lower: "acc/low", upper: "acc/high")]),
        ])

    /// Records the scalar points of a run as written.
    func scalar(_ writer: SummaryWriter, run: String, _ tag: String, _ value: Double, step: Int64) throws {
        try writer.addScalar(tag, value, step: step, wallTime: base + Double(step))
        manifest.addScalar(run: run, tag: tag, wallTime: base + Double(step), step: step, value: value)
    }

    func grouped(
        _ writer: SummaryWriter, run: String, _ chart: String, _ values: [(String, Double)], step: Int64
    ) throws {
        try writer.addGroupedScalars(chart, values, step: step, wallTime: base + Double(step))
        for (key, value) in values {
            manifest.addScalar(run: run, tag: chart + "/" + key, wallTime: base + Double(step), step: step, value: value)
        }
    }

    func layoutWritten(run: String, _ layout: CustomScalarLayout, wallTime: Double) {
        manifest.append(
            run: run, section: "custom_scalars", tag: "custom_scalars__config__",
            .object([("step", .int(0)), ("wall_time", .number(wallTime)), ("layout", json(layout))]))
    }

    func matches(run: String, _ charts: [(chart: String, tags: [String])]) {
        manifest.set(
            run: run, "custom_scalar_matches",
            .array(charts.map { .object([("chart", .string($0.chart)), ("tags", .array($0.tags.map { .string($0) }))]) }))
    }

    // a: the caller's layout, first a draft and then the final one; the scalars it names.
    let runA = "custom_scalars/a"
    let finalA = CustomScalarLayout([
        losses,
        .init("Closed", charts: [.multiline("every acc", tagPatterns: ["acc/"])], isClosed: true),
    ])
    do {
        let writer = try SummaryWriter(logdir: logdir + "/" + runA)
        let draft = CustomScalarLayout([.init("Draft", charts: [.multiline("x", tags: ["x"])])])
        try writer.setCustomScalarLayout(draft, wallTime: base)
        layoutWritten(run: runA, draft, wallTime: base)
        for step in Int64(0)..<4 {
            try scalar(writer, run: runA, "loss/train", 1 / Double(step + 1), step: step)
            try scalar(writer, run: runA, "loss/validation", 1.5 / Double(step + 1), step: step)
            try scalar(writer, run: runA, "acc/mean", 0.5 + 0.1 * Double(step), step: step)
            try scalar(writer, run: runA, "acc/low", 0.45 + 0.1 * Double(step), step: step)
            try scalar(writer, run: runA, "acc/high", 0.55 + 0.1 * Double(step), step: step)
        }
        try writer.setCustomScalarLayout(finalA, wallTime: base + 10)
        layoutWritten(run: runA, finalA, wallTime: base + 10)
        try writer.close()
        manifest.addFile(run: runA, path: writer.path)
        matches(run: runA, [
            ("loss", ["loss/train", "loss/validation"]),
            ("every acc", ["acc/high", "acc/low", "acc/mean"]),
        ])
    }

    // b: grouped scalars, keys with regular-expression characters, decoys that an unescaped
    // pattern would match; and its own category "Losses" with the same chart as a's and a new one.
    let runB = "custom_scalars/b"
    let ownB = CustomScalarLayout([
        .init("Losses", charts: [.multiline("loss", tags: ["loss/train", "loss/validation"]), .multiline("b only", tags: ["b"])])
    ])
    let groupedB = CustomScalarLayout.Category(
        "Grouped scalars",
        charts: [
            .multiline("loss", tags: ["loss/train", "loss/validation"]),
            .multiline("rates (x)", tags: ["rates (x)/lr*", "rates (x)/m.p", "rates (x)/[0]"]),
        ])
    do {
        let writer = try SummaryWriter(logdir: logdir + "/" + runB)
        for step in Int64(0)..<3 {
            try grouped(writer, run: runB, "loss", [("train", 0.9 / Double(step + 1)), ("validation", 1.0 / Double(step + 1))], step: step)
            if step == 0 {
                layoutWritten(run: runB, CustomScalarLayout([.init("Grouped scalars", charts: [groupedB.charts[0]])]), wallTime: base)
            }
        }
        try grouped(writer, run: runB, "rates (x)", [("lr*", 0.01), ("m.p", 0.9), ("[0]", 3)], step: 3)
        layoutWritten(run: runB, CustomScalarLayout([groupedB]), wallTime: base + 3)
        try scalar(writer, run: runB, "rates (x)/lrr", 1, step: 3)
        try scalar(writer, run: runB, "rates (x)/mxp", 2, step: 3)
        try scalar(writer, run: runB, "b", 5, step: 3)
        try writer.setCustomScalarLayout(ownB, wallTime: base + 20)
        layoutWritten(run: runB, CustomScalarLayout(ownB.categories + [groupedB]), wallTime: base + 20)
        try writer.close()
        manifest.addFile(run: runB, path: writer.path)
        matches(run: runB, [
            ("loss", ["loss/train", "loss/validation"]), ("b only", ["b"]),
            ("rates (x)", ["rates (x)/[0]", "rates (x)/lr*", "rates (x)/m.p"]),
        ])
    }

    // c: the same "loss" group as b (one chart in the merge) and a chart of its own in
    // "Grouped scalars", a category b introduced: TensorBoard 2.21's merge drops that chart.
    let runC = "custom_scalars/c"
    do {
        let writer = try SummaryWriter(logdir: logdir + "/" + runC)
        try grouped(writer, run: runC, "loss", [("train", 0.8), ("validation", 0.7)], step: 0)
        try grouped(writer, run: runC, "c only", [("value", 4)], step: 0)
        let layoutC = CustomScalarLayout([
            .init(
                "Grouped scalars",
                charts: [.multiline("loss", tags: ["loss/train", "loss/validation"]), .multiline("c only", tags: ["c only/value"])])
        ])
        layoutWritten(run: runC, CustomScalarLayout([.init("Grouped scalars", charts: [layoutC.categories[0].charts[0]])]), wallTime: base)
        layoutWritten(run: runC, layoutC, wallTime: base)
        try writer.close()
        manifest.addFile(run: runC, path: writer.path)
        matches(run: runC, [("loss", ["loss/train", "loss/validation"]), ("c only", ["c only/value"])])
    }

    // The merge in run-name order: a's categories, then b's "Losses" charts not already there
    // and b's new "Grouped scalars"; c's "loss" equals b's, and its "c only" is dropped.
    let merged = CustomScalarLayout([
        .init("Losses", charts: losses.charts + [ownB.categories[0].charts[1]]),
        finalA.categories[1],
        groupedB,
    ])
    manifest.set(run: runA, "custom_scalars_merged", json(merged))
}

/// A layout in protobuf's JSON form, with the fields at their defaults left out.
private func json(_ layout: CustomScalarLayout) -> JSON {
    .object([
        (
            "category",
            .array(
                layout.categories.map { category in
                    .object([
                        ("title", .string(category.title)), ("closed", .bool(category.isClosed)),
                        ("chart", .array(category.charts.map(json))),
                    ])
                })
        )
    ])
}

private func json(_ chart: CustomScalarLayout.Chart) -> JSON {
    switch chart.content {
    case .multiline(let patterns):
        return .object([
            ("title", .string(chart.title)), ("multiline", .object([("tag", .array(patterns.map { .string($0) }))])),
        ])
    case .margin(let series):
        let items: [JSON] = series.map {
            .object([("value", .string($0.value)), ("lower", .string($0.lower)), ("upper", .string($0.upper))])
        }
        return .object([("title", .string(chart.title)), ("margin", .object([("series", .array(items))]))])
    }
}
