import Testing
import TestSupport

@testable import TFEvents

/// Builds, from what ``SummaryReader/contents(kinds:progress:)`` read, the same JSON shapes that
/// `Scripts/fixtures/tensorboard_view.py` records from TensorBoard's Python loader, so tests can
/// compare them section by section.
struct TensorBoardViewComparison {
    let contents: LogdirContents

    init(_ contents: LogdirContents) {
        self.contents = contents
    }

    /// Sorted run names.
    var runs: [String] { contents.runs.map(\.run.name).sorted() }

    /// `run_info[run]`.
    func runInfo(_ run: String) -> [String: Any] {
        guard let info = contents.run(named: run)?.run else { return [:] }
        return [
            "first_event_timestamp": info.firstEventWallTime.map { ParsedJSON.number($0) } ?? .null,
            "file_version": info.fileVersion.map { ParsedJSON.number($0) } ?? .null,
            "source_writer": info.sourceWriter.map { ParsedJSON.string($0) } ?? .null,
            "graph": info.hasGraph,
            "meta_graph": info.hasMetaGraph,
        ]
    }

    /// `tags[run]`: the series that have metadata.
    func tags(_ run: String) -> [String: Any] {
        var tags: [String: Any] = [:]
        for entry in contents.run(named: run)?.series ?? [] {
            let series = entry.series
            guard let metadata = series.metadata else { continue }
            var tag: [String: Any] = [
                "plugin_name": series.pluginName,
                "data_class": Self.dataClassName(metadata.dataClass),
                "display_name": metadata.displayName,
                "description": metadata.summaryDescription,
                "points": entry.points.count,
            ]
            if let content = metadata.pluginData?.content, !content.isEmpty {
                tag["plugin_content"] =
                    Self.contentDictionary(plugin: series.pluginName, content) ?? ["undecoded": content]
            }
            tags[series.tag] = tag
        }
        return tags
    }

    /// `plugin_tags`: plugin → run → sorted tags.
    var pluginTags: [String: Any] {
        var result: [String: [String: [String]]] = [:]
        for run in contents.runs {
            for series in run.series.map(\.series) where series.metadata != nil && !series.pluginName.isEmpty {
                result[series.pluginName, default: [:]][run.run.name, default: []].append(series.tag)
            }
        }
        return result.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// The series a section of the view lists, with their runs' names: by plugin name, and for
    /// scalars also data class.
    func sectionSeries(_ section: String) -> [(run: String, series: SeriesContents)] {
        contents.runs.flatMap { run in
            run.series.filter { entry in
                guard let metadata = entry.series.metadata else { return false }
                if section == "scalars" {
                    return entry.series.pluginName == "scalars" && metadata.dataClass == .scalar
                }
                return entry.series.pluginName == section
            }.map { (run.run.name, $0) }
        }
    }

    /// `scalars`: run → tag → `[[wall_time, step, value]]`, as doubles.
    var scalars: [String: [String: [[Double]]]] {
        var result: [String: [String: [[Double]]]] = [:]
        for (run, series) in sectionSeries("scalars") {
            result[run, default: [:]][series.series.tag] = series.points.map { point in
                [point.wallTime, Double(point.step), point.value.scalar ?? -12345.678]
            }
        }
        return result
    }

    /// The fixtures' scalars as doubles.
    static func scalars(fromView view: ParsedJSON) -> [String: [String: [[Double]]]] {
        view["scalars"].object.mapValues { tags in
            tags.object.mapValues { points in points.array.map { $0.array.map { $0.double ?? -98765.4321 } } }
        }
    }

    static func sameScalars(_ a: [[Double]], _ b: [[Double]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy(sameDouble) }
    }

    /// `histograms`: run → tag → `[{wall_time, step, buckets}]` (the dtype is not kept).
    var histograms: [String: Any] {
        section("histograms") { point, _ in
            guard case .histogram(let histogram) = point.value else { return ["not a histogram": "\(point.value)"] }
            return [
                "wall_time": point.wallTime, "step": point.step,
                "buckets": histogram.buckets.map { [$0.left, $0.right, $0.count] },
            ]
        }
    }

    /// `images`: run → tag → `[{wall_time, step, width, height, samples, sha256, bytes}]`.
    var images: [String: Any] {
        section("images") { point, _ in
            guard case .images(let width, let height, let images) = point.value else {
                return ["not images": "\(point.value)"]
            }
            return [
                "wall_time": point.wallTime, "step": point.step, "width": width, "height": height,
                "samples": images.count, "sha256": images.map(SHA256.hex), "bytes": images.map(\.count),
            ]
        }
    }

    /// `text`: run → tag → `[{wall_time, step, shape, text}]`.
    var text: [String: Any] {
        section("text") { point, _ in
            guard case .text(let shape, let strings) = point.value else { return ["not text": "\(point.value)"] }
            return ["wall_time": point.wallTime, "step": point.step, "shape": shape, "text": Self.nest(strings, shape)]
        }
    }

    /// `audio`: run → tag → `[{wall_time, step, shape, samples, sha256, bytes, content_type}]`.
    ///
    /// TensorBoard's view has the shape of the stored tensor after its per-file conversion, which
    /// keeps the clips of a `[k, 2]` clip-and-label tensor: `[k]`, one clip per sample.
    var audio: [String: Any] {
        section("audio") { point, series in
            guard case .audio(let clips) = point.value else { return ["not audio": "\(point.value)"] }
            let content = PluginContentCodec.decodeAudio(series.metadata?.pluginData?.content ?? [])
            return [
                "wall_time": point.wallTime, "step": point.step, "shape": [clips.count],
                "samples": clips.count, "sha256": clips.map { SHA256.hex($0.encoded) }, "bytes": clips.map(\.encoded.count),
                "wav_format": clips.map { clip -> Any? in
                    guard let rate = clip.sampleRate, let channels = clip.channelCount, let frames = clip.frameCount
                    else { return nil }
                    return ["sample_rate": rate, "channels": channels, "frames": frames]
                },
                "content_type": content?.encoding == .wav ? "audio/wav" : "application/octet-stream",
            ]
        }
    }

    /// `pr_curves`: run → tag → `[{wall_time, step, values}]`, the six rows of TensorBoard's tensor.
    var prCurves: [String: Any] {
        section("pr_curves") { point, _ in
            guard case .prCurve(let curve) = point.value else { return ["not a PR curve": "\(point.value)"] }
            return [
                "wall_time": point.wallTime, "step": point.step,
                "values": [
                    curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives,
                    curve.precision, curve.recall,
                ],
            ]
        }
    }

    /// `hparams`: run → tag → `{plugin_content, points: [{wall_time, step}]}`.
    var hparams: [String: Any] {
        var result: [String: [String: Any]] = [:]
        for (run, series) in sectionSeries("hparams") {
            result[run, default: [:]][series.series.tag] = [
                "plugin_content": Self.contentDictionary(
                    plugin: "hparams", series.series.metadata?.pluginData?.content ?? []) ?? [:],
                "points": series.points.map { ["wall_time": $0.wallTime, "step": $0.step] },
            ]
        }
        return result
    }

    /// `custom_scalars`: run → tag → `[{wall_time, step, layout}]`, the layout as protobuf's
    /// `MessageToDict` shows it (default fields left out).
    var customScalars: [String: Any] {
        section("custom_scalars") { point, _ in
            guard case .layout(let layout) = point.value else { return ["not a layout": "\(point.value)"] }
            return ["wall_time": point.wallTime, "step": point.step, "layout": Self.layoutDictionary(layout)]
        }
    }

    /// `mesh`: run → tag → `[{wall_time, step, shape, values}]` (the stored type is not kept).
    var meshes: [String: Any] {
        section("mesh") { point, _ in
            guard case .mesh(let tensor) = point.value else { return ["not a mesh": "\(point.value)"] }
            return [
                "wall_time": point.wallTime, "step": point.step, "shape": tensor.shape,
                "values": tensor.values,
            ]
        }
    }

    static func layoutDictionary(_ layout: CustomScalarLayout) -> [String: Any] {
        func omittingEmpty(_ fields: [String: Any?]) -> [String: Any] {
            fields.compactMapValues { value -> Any? in
                switch value {
                case let string as String: string.isEmpty ? nil : string
                case let flag as Bool: flag ? true : nil
                case let array as [Any]: array.isEmpty ? nil : array
                default: value
                }
            }
        }
        let categories: [Any] = layout.categories.map { category in
            let charts: [Any] = category.charts.map { chart in
                switch chart.content {
                case .multiline(let patterns):
                    return omittingEmpty(["title": chart.title, "multiline": omittingEmpty(["tag": patterns])])
                case .margin(let series):
                    let items: [Any] = series.map {
                        omittingEmpty(["value": $0.value, "lower": $0.lower, "upper": $0.upper])
                    }
                    return omittingEmpty(["title": chart.title, "margin": omittingEmpty(["series": items])])
                }
            }
            return omittingEmpty(["title": category.title, "chart": charts, "closed": category.isClosed])
        }
        return omittingEmpty(["category": categories])
    }

    private func section(_ name: String, _ entry: (Point, Series) -> [String: Any]) -> [String: Any] {
        var result: [String: [String: Any]] = [:]
        for (run, series) in sectionSeries(name) {
            result[run, default: [:]][series.series.tag] = series.points.map { entry($0, series.series) }
        }
        return result
    }

    static func nest(_ strings: [String], _ shape: [Int]) -> Any {
        guard let first = shape.first else { return strings.first ?? "" }
        let rest = Array(shape.dropFirst())
        let stride = rest.reduce(1, *)
        return (0..<first).map { index in nest(Array(strings[index * stride..<(index + 1) * stride]), rest) }
    }

    static func dataClassName(_ dataClass: SummaryMetadata.DataClass) -> String {
        switch dataClass {
        case .scalar: "DATA_CLASS_SCALAR"
        case .tensor: "DATA_CLASS_TENSOR"
        case .blobSequence: "DATA_CLASS_BLOB_SEQUENCE"
        default: "DATA_CLASS_UNKNOWN"
        }
    }

    /// Plugin content as protobuf's `MessageToDict` (field names as in the .proto) shows it.
    static func contentDictionary(plugin: String, _ content: [UInt8]) -> [String: Any]? {
        func versioned(_ version: Int32, _ fields: [String: Any]) -> [String: Any] {
            version == 0 ? fields : fields.merging(["version": version]) { $1 }
        }
        switch plugin {
        case "images":
            guard let image = PluginContentCodec.decodeImage(content) else { return nil }
            return versioned(image.version, image.convertedToTensor ? ["converted_to_tensor": true] : [:])
        case "audio":
            guard let audio = PluginContentCodec.decodeAudio(content) else { return nil }
            var fields: [String: Any] = [:]
            if audio.encoding == .wav { fields["encoding"] = "WAV" }
            if audio.convertedToTensor { fields["converted_to_tensor"] = true }
            return versioned(audio.version, fields)
        case "pr_curves":
            guard let curve = PluginContentCodec.decodePrCurve(content) else { return nil }
            return versioned(curve.version, curve.thresholdCount == 0 ? [:] : ["num_thresholds": curve.thresholdCount])
        case "mesh":
            guard let mesh = PluginContentCodec.decodeMesh(content) else { return nil }
            return omittingZero(
                versioned(mesh.version, [
                    "name": mesh.name, "content_type": mesh.contentType.name, "json_config": mesh.jsonConfig,
                    "shape": mesh.shape.map(Int.init), "components": Int(mesh.components),
                ]))
        case "hparams":
            guard let data = PluginContentCodec.decodeHParams(content) else { return nil }
            return versioned(data.version, hparamsDictionary(data))
        default:
            guard let versionedContent = PluginContentCodec.decodeVersioned(content) else { return nil }
            return versioned(versionedContent.version, [:])
        }
    }

    /// Leaves out the fields protobuf's `MessageToDict` leaves out: empty strings and lists, zero
    /// numbers, an `UNDEFINED` enum.
    private static func omittingZero(_ fields: [String: Any]) -> [String: Any] {
        fields.filter { _, value in
            switch value {
            case let string as String: !string.isEmpty && string != "UNDEFINED"
            case let number as Int: number != 0
            case let array as [Any]: !array.isEmpty
            default: true
            }
        }
    }

    private static func hparamsDictionary(_ data: HParamsPluginData) -> [String: Any] {
        func omittingDefaults(_ fields: [String: Any?]) -> [String: Any] {
            fields.compactMapValues { value -> Any? in
                switch value {
                case nil: return nil
                case let string as String: return string.isEmpty ? nil : string
                case let number as Double: return number == 0 ? nil : number
                case let flag as Bool: return flag ? true : nil
                case let array as [Any]: return array.isEmpty ? nil : array
                case let dictionary as [String: Any]: return dictionary.isEmpty ? nil : dictionary
                default: return value
                }
            }
        }
        func json(_ value: HParamValue) -> Any {
            switch value {
            case .string(let string): string
            case .number(let number): number
            case .bool(let flag): flag
            }
        }
        switch data.content {
        case .experiment(let experiment):
            let infos: [Any] = experiment.hparamInfos.map { info in
                var domainDiscrete: [Any]?
                var domainInterval: [String: Any]?
                switch info.domain {
                case .discrete(let values): domainDiscrete = values.map(json)
                case .interval(let min, let max):
                    domainInterval = omittingDefaults(["min_value": min, "max_value": max])
                case nil: break
                }
                let types = ["DATA_TYPE_UNSET", "DATA_TYPE_STRING", "DATA_TYPE_BOOL", "DATA_TYPE_FLOAT64"]
                return omittingDefaults([
                    "name": info.name, "display_name": info.displayName, "description": info.description,
                    "type": info.type.rawValue == 0 ? nil : types[Int(info.type.rawValue)],
                    "domain_discrete": domainDiscrete, "domain_interval": domainInterval, "differs": info.differs,
                ])
            }
            let metrics: [Any] = experiment.metricInfos.map { info in
                let datasets = ["DATASET_UNKNOWN", "DATASET_TRAINING", "DATASET_VALIDATION"]
                return omittingDefaults([
                    "name": omittingDefaults(["group": info.name.group, "tag": info.name.tag]),
                    "display_name": info.displayName, "description": info.description,
                    "dataset_type": info.datasetType.rawValue == 0 ? nil : datasets[Int(info.datasetType.rawValue)],
                ])
            }
            return [
                "experiment": omittingDefaults([
                    "description": experiment.description, "user": experiment.user,
                    "time_created_secs": experiment.timeCreated, "hparam_infos": infos, "metric_infos": metrics,
                    "name": experiment.name,
                ])
            ]
        case .sessionStartInfo(let start):
            return [
                "session_start_info": omittingDefaults([
                    "hparams": start.hparams.mapValues(json), "model_uri": start.modelURI,
                    "monitor_url": start.monitorURL, "group_name": start.groupName,
                    "start_time_secs": start.startTime,
                ])
            ]
        case .sessionEndInfo(let end):
            let statuses = ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"]
            return [
                "session_end_info": omittingDefaults([
                    "status": end.status.rawValue == 0 ? nil : statuses[Int(end.status.rawValue)],
                    "end_time_secs": end.endTime,
                ])
            ]
        case nil:
            return [:]
        }
    }
}

extension ParsedJSON {
    /// A JSON value from Swift values built by the comparison (dictionaries, arrays, strings,
    /// numbers, Booleans, `nil`); Booleans become `.bool`.
    init(_ value: Any?) {
        switch value {
        case nil: self = .null
        case let value as ParsedJSON: self = value
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(Double(number))
        case let number as Int64: self = .number(Double(number))
        case let number as Int32: self = .number(Double(number))
        case let number as UInt32: self = .number(Double(number))
        case let number as Double: self = .number(number)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map { ParsedJSON($0) })
        case let object as [String: Any]: self = .object(object.mapValues { ParsedJSON($0) })
        case let .some(other):
            // An optional inside the `Any` (a nil field value) is null; anything else is unsupported.
            let mirror = Mirror(reflecting: other)
            let wrapped: Any? = mirror.displayStyle == .optional ? mirror.children.first?.value : other
            if let wrapped { self = .string("<unsupported \(type(of: wrapped))>") } else { self = .null }
        }
    }
}
