/// A summary value after TensorBoard's read-time conversions: what its Python loader stores.
struct MigratedValue {
    var tag: String
    var nodeName: String
    var metadata: SummaryMetadata?
    /// The value's tensor, or `nil` when it has none (such a value can only carry metadata).
    var data: ValueData?
}

/// A value's tensor, kept in the cheapest form that says exactly what TensorBoard would store.
enum ValueData {
    /// A tensor as written.
    case tensor(TensorProto)
    /// A legacy `simple_value`: TensorBoard stores it as a DT_FLOAT scalar.
    case float32(Float)
    /// A converted legacy histogram: TensorBoard stores it as a DT_FLOAT `[k, 3]` tensor.
    case histogram([LogdirReader.HistogramBucket])
    /// A DT_STRING tensor built by a conversion (legacy image and audio, graphs, run metadata).
    case strings(shape: [Int64], values: [[UInt8]])

    /// The data as the tensor TensorBoard would hold.
    var tensor: TensorProto {
        switch self {
        case .tensor(let tensor):
            return tensor
        case .float32(let value):
            return TensorProto(dtype: .float, shape: TensorShapeProto(), floatValues: [value])
        case .histogram(let buckets):
            return TensorProto(
                dtype: .float, shape: TensorShapeProto([Int64(buckets.count), 3]),
                floatValues: buckets.flatMap { [Float($0.left), Float($0.right), Float($0.count)] })
        case .strings(let shape, let values):
            return TensorProto(dtype: .string, shape: TensorShapeProto(shape), stringValues: values)
        }
    }
}

/// TensorBoard's `data_compat.migrate_value`: legacy values become tensors with plugin metadata.
enum DataCompat {
    /// The content TensorBoard gives converted legacy images: `ImagePluginData{converted_to_tensor: true}`.
    static let convertedImageContent: [UInt8] = [0x10, 0x01]
    /// The content TensorBoard gives converted legacy audio:
    /// `AudioPluginData{encoding: WAV, converted_to_tensor: true}`.
    static let convertedAudioContent: [UInt8] = [0x10, 0x0B, 0x18, 0x01]

    /// Converts one value; returns the value and, when a legacy histogram cannot be converted (its
    /// bucket limits do not cover its buckets), a description of why it has no data.
    static func migrate(_ value: Summary.Value) -> (MigratedValue, failure: String?) {
        func converted(_ plugin: String, content: [UInt8] = [], _ data: ValueData?) -> MigratedValue {
            let metadata = SummaryMetadata(
                pluginData: .init(pluginName: plugin, content: content),
                displayName: value.metadata.map { $0.displayName.isEmpty ? value.tag : $0.displayName } ?? value.tag,
                summaryDescription: value.metadata?.summaryDescription ?? "")
            // `make_summary` builds a new value from the tag alone: the node name is dropped.
            return MigratedValue(tag: value.tag, nodeName: "", metadata: metadata, data: data)
        }
        switch value.content {
        case .simpleValue(let number):
            return (converted("scalars", .float32(number)), nil)
        case .histogram(let histogram):
            switch buckets(of: histogram) {
            case .success(let buckets): return (converted("histograms", .histogram(buckets)), nil)
            case .failure(let failure): return (converted("histograms", nil), failure.message)
            }
        case .image(let image):
            let data = ValueData.strings(
                shape: [3], values: [Array(String(image.width).utf8), Array(String(image.height).utf8), image.encodedImage])
            return (converted("images", content: convertedImageContent, data), nil)
        case .audio(let audio):
            let data = ValueData.strings(shape: [1, 2], values: [audio.encodedAudio, []])
            return (converted("audio", content: convertedAudioContent, data), nil)
        case .tensor(let tensor):
            return (MigratedValue(tag: value.tag, nodeName: value.nodeName, metadata: value.metadata, data: .tensor(tensor)), nil)
        case .obsoleteOldStyleHistogram, nil:
            return (MigratedValue(tag: value.tag, nodeName: value.nodeName, metadata: value.metadata, data: nil), nil)
        }
    }

    struct ConversionFailure: Error {
        var message: String
    }

    /// `_migrate_histogram_value`: drops the empty buckets at both ends, takes the inner edges from
    /// `bucket_limit`, uses `min` and `max` as the outer edges, and rounds everything to float32.
    static func buckets(of histogram: HistogramProto) -> Result<[LogdirReader.HistogramBucket], ConversionFailure> {
        let counts = histogram.bucketCounts
        guard let start = counts.firstIndex(where: { $0 > 0 }), let end = counts.lastIndex(where: { $0 > 0 }) else {
            return .success([])
        }
        guard histogram.bucketLimits.count >= end else {
            return .failure(
                ConversionFailure(
                    message: "legacy histogram has \(counts.count) buckets but only \(histogram.bucketLimits.count) "
                        + "bucket limits; TensorBoard cannot convert it either"))
        }
        func float32(_ value: Double) -> Double { Double(Float(value)) }
        var buckets: [LogdirReader.HistogramBucket] = []
        buckets.reserveCapacity(end - start + 1)
        for index in start...end {
            let left = index == start ? histogram.min : histogram.bucketLimits[index - 1]
            let right = index == end ? histogram.max : histogram.bucketLimits[index]
            buckets.append(.init(left: float32(left), right: float32(right), count: float32(counts[index])))
        }
        return .success(buckets)
    }
}

/// TensorBoard's `dataclass_compat`, which runs per event *file*: the first value of each tag in
/// the file decides whether later values of the tag in that file get a data class (and, for some
/// plugins, a reshaped or substituted tensor).
struct DataClassCompat {
    private enum Rule {
        case keep
        case convert(Plugin)
    }

    private enum Plugin {
        case scalars, tensorPlugin, blobPlugin, audio, hparams, graphSubplugin
    }

    private var rules: [String: Rule] = [:]

    /// TensorBoard's `hparams_metadata.NULL_TENSOR`: DT_FLOAT of shape `[0]`.
    static let nullTensor = TensorProto(dtype: .float, shape: TensorShapeProto([0]))

    mutating func apply(_ value: inout MigratedValue) {
        let rule: Rule
        if let known = rules[value.tag] {
            rule = known
        } else {
            rule = Self.rule(for: value.metadata)
            rules[value.tag] = rule
        }
        guard case .convert(let plugin) = rule else { return }
        switch plugin {
        case .scalars:
            value.metadata?.dataClass = .scalar
        case .tensorPlugin:
            value.metadata?.dataClass = .tensor
        case .blobPlugin:
            value.metadata?.dataClass = .blobSequence
        case .audio:
            value.metadata?.dataClass = .blobSequence
            if let data = value.data { value.data = Self.keepingFirstAxis(data) }
        case .hparams:
            value.metadata?.dataClass = .tensor
            if value.data == nil { value.data = .tensor(Self.nullTensor) }
        case .graphSubplugin:
            value.metadata?.dataClass = .blobSequence
            var tensor = value.data?.tensor ?? TensorProto(dtype: .invalid, shape: nil)
            if tensor.dimensions.isEmpty { tensor.shape = TensorShapeProto([1]) }
            value.data = .tensor(tensor)
        }
    }

    private static func rule(for metadata: SummaryMetadata?) -> Rule {
        let metadata = metadata ?? SummaryMetadata()
        guard metadata.dataClass == .unknown else { return .keep }
        switch metadata.pluginData?.pluginName ?? "" {
        case "scalars": return .convert(.scalars)
        case "histograms", "text", "pr_curves", "mesh", "custom_scalars": return .convert(.tensorPlugin)
        case "images": return .convert(.blobPlugin)
        case "audio": return .convert(.audio)
        case "hparams": return .convert(.hparams)
        case "graph_run_metadata", "graph_run_metadata_graph", "graph_keras_model": return .convert(.graphSubplugin)
        default: return .keep
        }
    }

    /// `_migrate_audio_value`: folds every axis after the first into a stride and keeps every
    /// stride-th string (the clips of `[k, 2]` clip-and-label rows).
    private static func keepingFirstAxis(_ data: ValueData) -> ValueData {
        var shape: [Int64]
        var strings: [[UInt8]]
        switch data {
        case .strings(let dims, let values):
            shape = dims
            strings = values
        case .tensor(let tensor):
            guard tensor.dimensions.count > 1 else { return data }
            var projected = tensor
            shape = tensor.dimensions
            strings = tensor.stringValues
            let (first, kept) = project(shape: shape, strings: strings)
            projected.shape = TensorShapeProto(dimensions: [tensor.shape?.dimensions.first ?? .init(size: first)])
            projected.stringValues = kept
            return .tensor(projected)
        default:
            return data
        }
        guard shape.count > 1 else { return data }
        let (first, kept) = project(shape: shape, strings: strings)
        return .strings(shape: [first], values: kept)
    }

    private static func project(shape: [Int64], strings: [[UInt8]]) -> (Int64, [[UInt8]]) {
        var stride: Int64 = 1
        for size in shape.dropFirst() {
            let (product, overflow) = stride.multipliedReportingOverflow(by: size)
            stride = overflow ? 0 : product
        }
        if stride == 1 { return (shape[0], strings) }
        // Python fails on a zero stride and walks backwards on a negative one; keep nothing instead.
        guard stride > 0 else { return (shape[0], []) }
        return (shape[0], Swift.stride(from: 0, to: strings.count, by: Int(stride)).map { strings[$0] })
    }
}
