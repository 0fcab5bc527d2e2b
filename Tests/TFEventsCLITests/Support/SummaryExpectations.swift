import Foundation
import Testing
import TestSupport

/// Runs `tfevents summary ARGS --format json` and parses what it prints.
func summaryJSON(_ arguments: [String]) throws -> (json: ParsedJSON, result: CommandResult) {
    let result = try runTFEvents(["summary"] + arguments + ["--format", "json"])
    guard result.status == 0 else {
        throw FixtureError("summary exited with \(result.status): \(result.stderr)")
    }
    return (try ParsedJSON.parse(Array(result.stdout.utf8)), result)
}


extension ParsedJSON {
    /// The run object named `name` in a summary document.
    func run(_ name: String) -> ParsedJSON {
        self["runs"].array.first { $0["run"].string == name } ?? .null
    }

    var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }
}

/// Checks a summary's `scalars[TAG]` object against the points TensorBoard keeps, computing each
/// statistic from the points here.
func expectScalarStatistics(
    _ json: ParsedJSON, points: [(step: Int64, value: Double)], _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let finite = points.map(\.value).filter(\.isFinite)
    #expect(json["count"].int == points.count, "\(label) count", sourceLocation: sourceLocation)
    #expect(
        json["first_step"].double == points.first.map { Double($0.step) }, "\(label) first_step",
        sourceLocation: sourceLocation)
    #expect(
        json["last_step"].double == points.last.map { Double($0.step) }, "\(label) last_step",
        sourceLocation: sourceLocation)
    expectSame(json["first"].double, points.first?.value, "\(label) first", sourceLocation: sourceLocation)
    expectSame(json["last"].double, points.last?.value, "\(label) last", sourceLocation: sourceLocation)
    expectSame(json["min"].double, finite.min(), "\(label) min", sourceLocation: sourceLocation)
    expectSame(json["max"].double, finite.max(), "\(label) max", sourceLocation: sourceLocation)
    let mean = finite.isEmpty ? nil : finite.reduce(0, +) / Double(finite.count)
    if let mean, let actual = json["mean"].double {
        #expect(
            abs(actual - mean) <= 1e-12 * max(1, abs(mean)), "\(label) mean \(actual) vs \(mean)",
            sourceLocation: sourceLocation)
    } else {
        #expect(json["mean"] == .null && mean == nil, "\(label) mean", sourceLocation: sourceLocation)
    }
    #expect(json["nan"].int == points.filter { $0.value.isNaN }.count, "\(label) nan", sourceLocation: sourceLocation)
    #expect(
        json["inf"].int == points.filter { $0.value.isInfinite }.count, "\(label) inf", sourceLocation: sourceLocation)
}

/// Two optional doubles are the same value (NaN equal to NaN).
func expectSame(
    _ actual: Double?, _ expected: Double?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let same: Bool
    switch (actual, expected) {
    case (nil, nil): same = true
    case (let a?, let b?): same = a.isNaN ? b.isNaN : a == b
    default: same = false
    }
    #expect(
        same, "\(label): \(String(describing: actual)) vs \(String(describing: expected))",
        sourceLocation: sourceLocation)
}

/// Checks one run of a summary against the run in TensorBoard's view: files, every scalar,
/// image, histogram, text, audio and PR-curve tag, and hyperparameters.
func expectRunMatchesView(_ run: ParsedJSON, view: ParsedJSON, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let name = run["run"].string else {
        Issue.record("a run without a name: \(run)", sourceLocation: sourceLocation)
        return
    }
    #expect(run["files"] == view["run_files"][name], "\(name) files", sourceLocation: sourceLocation)

    let scalars = view["scalars"][name].object
    #expect(Set(run["scalars"].object.keys) == Set(scalars.keys), "\(name) scalar tags", sourceLocation: sourceLocation)
    for (tag, points) in scalars {
        let points = points.array.map { (step: Int64($0.array[1].double ?? -1), value: $0.array[2].double ?? -1) }
        expectScalarStatistics(run["scalars"][tag], points: points, "\(name)/\(tag)", sourceLocation: sourceLocation)
    }

    let images = view["images"][name].object
    #expect(Set(run["images"].object.keys) == Set(images.keys), "\(name) image tags", sourceLocation: sourceLocation)
    for (tag, datums) in images {
        let json = run["images"][tag]
        let last = datums.array.last ?? .null
        #expect(json["count"].int == datums.array.count, "\(name)/\(tag) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == last["step"], "\(name)/\(tag) last_step", sourceLocation: sourceLocation)
        #expect(
            json["width"] == last["width"] && json["height"] == last["height"], "\(name)/\(tag) size",
            sourceLocation: sourceLocation)
    }

    let histograms = view["histograms"][name].object
    #expect(
        Set(run["histograms"].object.keys) == Set(histograms.keys), "\(name) histogram tags",
        sourceLocation: sourceLocation)
    for (tag, datums) in histograms {
        let json = run["histograms"][tag]
        let last = datums.array.last ?? .null
        let buckets = last["buckets"].array.map { $0.array.compactMap(\.double) }
        #expect(json["count"].int == datums.array.count, "\(name)/\(tag) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == last["step"], "\(name)/\(tag) last_step", sourceLocation: sourceLocation)
        expectSame(json["min"].double, buckets.first?[0], "\(name)/\(tag) min", sourceLocation: sourceLocation)
        expectSame(json["max"].double, buckets.last?[1], "\(name)/\(tag) max", sourceLocation: sourceLocation)
        expectSame(
            json["total"].double, buckets.reduce(0) { $0 + $1[2] }, "\(name)/\(tag) total",
            sourceLocation: sourceLocation)
        #expect(json["buckets"].int == buckets.count, "\(name)/\(tag) buckets", sourceLocation: sourceLocation)
    }

    let texts = view["text"][name].object
    #expect(Set(run["text"].object.keys) == Set(texts.keys), "\(name) text tags", sourceLocation: sourceLocation)
    for (tag, datums) in texts {
        let json = run["text"][tag]
        let last = datums.array.last ?? .null
        #expect(json["count"].int == datums.array.count, "\(name)/\(tag) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == last["step"], "\(name)/\(tag) last_step", sourceLocation: sourceLocation)
        #expect(
            json["last"].string == flatten(last["text"]).joined(separator: "\n"), "\(name)/\(tag) last",
            sourceLocation: sourceLocation)
    }

    let audio = view["audio"][name].object
    #expect(Set(run["audio"].object.keys) == Set(audio.keys), "\(name) audio tags", sourceLocation: sourceLocation)
    for (tag, datums) in audio {
        let json = run["audio"][tag]
        let last = datums.array.last ?? .null
        #expect(json["count"].int == datums.array.count, "\(name)/\(tag) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == last["step"], "\(name)/\(tag) last_step", sourceLocation: sourceLocation)
        #expect(json["clips"] == last["samples"], "\(name)/\(tag) clips", sourceLocation: sourceLocation)
        // The format of the first clip, as Python's wave module reads its header.
        let format = last["wav_format"].array.first ?? .null
        #expect(
            json["sample_rate"] == format["sample_rate"] && json["channels"] == format["channels"]
                && json["frames"] == format["frames"],
            "\(name)/\(tag) format \(json)", sourceLocation: sourceLocation)
    }

    let curves = view["pr_curves"][name].object
    #expect(Set(run["pr_curves"].object.keys) == Set(curves.keys), "\(name) PR-curve tags", sourceLocation: sourceLocation)
    for (tag, datums) in curves {
        let json = run["pr_curves"][tag]
        let last = datums.array.last ?? .null
        #expect(json["count"].int == datums.array.count, "\(name)/\(tag) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == last["step"], "\(name)/\(tag) last_step", sourceLocation: sourceLocation)
        #expect(
            json["thresholds"].int == last["values"].array.first?.array.count, "\(name)/\(tag) thresholds",
            sourceLocation: sourceLocation)
    }

    // Meshes by the name in their metadata: the vertex part's points, the last vertex and face rows.
    var meshParts: [String: [String: ParsedJSON]] = [:]
    for (tag, info) in view["tags"][name].object where info["plugin_name"].string == "mesh" {
        let content = info["plugin_content"]
        meshParts[content["name"].string ?? "", default: [:]][content["content_type"].string ?? ""] =
            view["mesh"][name][tag]
    }
    #expect(Set(run["meshes"].object.keys) == Set(meshParts.keys), "\(name) meshes", sourceLocation: sourceLocation)
    for (mesh, parts) in meshParts {
        let json = run["meshes"][mesh]
        let vertices = parts["VERTEX"]?.array ?? []
        #expect(json["count"].int == vertices.count, "\(name)/\(mesh) count", sourceLocation: sourceLocation)
        #expect(json["last_step"] == vertices.last?["step"], "\(name)/\(mesh) last_step", sourceLocation: sourceLocation)
        #expect(
            json["vertices"] == vertices.last?["shape"].array[1]
                && json["faces"].int == (parts["FACE"]?.array.last?["shape"].array[1].int ?? 0),
            "\(name)/\(mesh) size \(json)", sourceLocation: sourceLocation)
    }

    // The layout TensorBoard's CUSTOM SCALARS dashboard reads: the last one.
    if let layout = view["custom_scalars"][name]["custom_scalars__config__"].array.last?["layout"] {
        let categories = layout["category"].array
        #expect(
            run["custom_scalars"]["categories"] == .array(categories.map { $0["title"] })
                && run["custom_scalars"]["charts"].int == categories.reduce(0) { $0 + $1["chart"].array.count },
            "\(name) custom_scalars \(run["custom_scalars"])", sourceLocation: sourceLocation)
    } else {
        #expect(run.object["custom_scalars"] == nil, "\(name) has no layout", sourceLocation: sourceLocation)
    }

    let start = view["hparams"][name]["_hparams_/session_start_info"]["plugin_content"]["session_start_info"]
    #expect(
        run["hparams"] == (start == .null ? .object([:]) : start["hparams"]), "\(name) hparams",
        sourceLocation: sourceLocation)
}

/// The strings of a nested list, in row-major order.
private func flatten(_ json: ParsedJSON) -> [String] {
    switch json {
    case .string(let text): [text]
    case .array(let items): items.flatMap(flatten)
    default: []
    }
}
