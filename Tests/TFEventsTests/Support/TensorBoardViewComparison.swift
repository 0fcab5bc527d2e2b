import Testing
import TestSupport

@testable import TFEvents

/// Builds, from what a ``LogdirAccumulator`` kept, the same JSON shapes that
/// `Scripts/fixtures/tensorboard_view.py` records from TensorBoard's Python loader, so tests can
/// compare them section by section with `NSObject` equality.
struct TensorBoardViewComparison {
    let accumulator: LogdirAccumulator

    /// Sorted run names.
    var runs: [String] { accumulator.runs.map(\.name).sorted() }

    /// `run_info[run]`.
    func runInfo(_ run: String) -> [String: Any] {
        guard let info = accumulator.run(named: run) else { return [:] }
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
        for series in accumulator.series(run: run) {
            guard let metadata = series.metadata else { continue }
            var entry: [String: Any] = [
                "plugin_name": series.pluginName,
                "data_class": Self.dataClassName(metadata.dataClass),
                "display_name": metadata.displayName,
                "description": metadata.summaryDescription,
                "points": accumulator.points[series.id].count,
            ]
            if let content = metadata.pluginData?.content, !content.isEmpty {
                entry["plugin_content"] =
                    Self.contentDictionary(plugin: series.pluginName, content) ?? ["undecoded": content]
            }
            tags[series.tag] = entry
        }
        return tags
    }

    /// `plugin_tags`: plugin → run → sorted tags.
    var pluginTags: [String: Any] {
        var result: [String: [String: [String]]] = [:]
        for series in accumulator.series where series.metadata != nil && !series.pluginName.isEmpty {
            let run = accumulator.runs[series.run].name
            result[series.pluginName, default: [:]][run, default: []].append(series.tag)
        }
        return result.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// The series a section of the view lists: by plugin name, and for scalars also data class.
    func sectionSeries(_ section: String) -> [LogdirReader.Series] {
        accumulator.series.filter { series in
            guard let metadata = series.metadata else { return false }
            if section == "scalars" { return series.pluginName == "scalars" && metadata.dataClass == .scalar }
            return series.pluginName == section
        }
    }

    /// `scalars`: run → tag → `[[wall_time, step, value]]`, as doubles.
    var scalars: [String: [String: [[Double]]]] {
        var result: [String: [String: [[Double]]]] = [:]
        for series in sectionSeries("scalars") {
            let run = accumulator.runs[series.run].name
            result[run, default: [:]][series.tag] = accumulator.points[series.id].map { point in
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
        section("histograms") { point in
            guard case .histogram(let histogram) = point.value else { return ["not a histogram": "\(point.value)"] }
            return [
                "wall_time": point.wallTime, "step": point.step,
                "buckets": histogram.buckets.map { [$0.left, $0.right, $0.count] },
            ]
        }
    }

    /// `images`: run → tag → `[{wall_time, step, width, height, samples, sha256, bytes}]`.
    var images: [String: Any] {
        section("images") { point in
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
        section("text") { point in
            guard case .text(let shape, let strings) = point.value else { return ["not text": "\(point.value)"] }
            return ["wall_time": point.wallTime, "step": point.step, "shape": shape, "text": Self.nest(strings, shape)]
        }
    }

    /// `audio`: run → tag → `[{wall_time, step, shape, samples, sha256, bytes, content_type}]`.
    var audio: [String: Any] {
        section("audio") { point in
            guard case .tensor(let tensor) = point.value, let clips = tensor.stringElements else {
                return ["not a string tensor": "\(point.value)"]
            }
            let content = PluginContentCodec.decodeAudio(
                accumulator.series[point.series].metadata?.pluginData?.content ?? [])
            return [
                "wall_time": point.wallTime, "step": point.step, "shape": tensor.shapeSizes ?? [],
                "samples": clips.count, "sha256": clips.map(SHA256.hex), "bytes": clips.map(\.count),
                "content_type": content?.encoding == .wav ? "audio/wav" : "application/octet-stream",
            ]
        }
    }

    /// `pr_curves`: run → tag → `[{wall_time, step, values}]`.
    var prCurves: [String: Any] {
        section("pr_curves") { point in
            guard case .tensor(let tensor) = point.value, let values = tensor.numericElements,
                let shape = tensor.shapeSizes, shape.count == 2
            else { return ["not a matrix": "\(point.value)"] }
            return [
                "wall_time": point.wallTime, "step": point.step,
                "values": (0..<shape[0]).map { row in Array(values[row * shape[1]..<(row + 1) * shape[1]]) },
            ]
        }
    }

    /// `hparams`: run → tag → `{plugin_content, points: [{wall_time, step}]}`.
    var hparams: [String: Any] {
        var result: [String: [String: Any]] = [:]
        for series in sectionSeries("hparams") {
            let run = accumulator.runs[series.run].name
            result[run, default: [:]][series.tag] = [
                "plugin_content": Self.contentDictionary(plugin: "hparams", series.metadata?.pluginData?.content ?? [])
                    ?? [:],
                "points": accumulator.points[series.id].map { ["wall_time": $0.wallTime, "step": $0.step] },
            ]
        }
        return result
    }

    /// `custom_scalars`: run → tag → `[{wall_time, step}]` (the layout itself is not decoded here).
    var customScalarPoints: [String: Any] {
        section("custom_scalars") { point in ["wall_time": point.wallTime, "step": point.step] }
    }

    private func section(_ name: String, _ entry: (LogdirReader.Point) -> [String: Any]) -> [String: Any] {
        var result: [String: [String: Any]] = [:]
        for series in sectionSeries(name) {
            let run = accumulator.runs[series.run].name
            result[run, default: [:]][series.tag] = accumulator.points[series.id].map(entry)
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
        case "hparams":
            guard let data = PluginContentCodec.decodeHParams(content) else { return nil }
            return versioned(data.version, hparamsDictionary(data))
        default:
            guard let versionedContent = PluginContentCodec.decodeVersioned(content) else { return nil }
            return versioned(versionedContent.version, [:])
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
