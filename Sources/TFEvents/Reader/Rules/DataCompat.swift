/// A value's tensor, kept in the cheapest form that says exactly what TensorBoard would store.
enum ValueData {
    /// A tensor as written.
    case tensor(TensorProto)
    /// A legacy `simple_value`: TensorBoard stores it as a DT_FLOAT scalar.
    case float32(Float)
    /// A converted legacy histogram: TensorBoard stores it as a DT_FLOAT `[k, 3]` tensor.
    case histogram([Histogram.Bucket])
    /// A DT_STRING tensor built by a conversion (legacy image and audio, graphs, run metadata).
    case strings(shape: [Int64], values: [[UInt8]])

    /// The elements of string data, as TensorBoard's plugins take them; `nil` for anything else.
    var strings: [[UInt8]]? {
        switch self {
        case .strings(_, let values): values
        case .tensor(let tensor): tensor.stringElements
        case .float32, .histogram: nil
        }
    }

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

    /// Whether TensorBoard converts the value (`simple_value`, `histo`, `image`, `audio`).
    static func isLegacy(_ content: Summary.Value.Content?) -> Bool {
        switch content {
        case .simpleValue, .histogram, .image, .audio: true
        case .tensor, .obsoleteOldStyleHistogram, nil: false
        }
    }

    /// The value's metadata after conversion: for a legacy value, plugin metadata with the tag as
    /// the default display name (`create_summary_metadata(display_name=... or tag)`); otherwise its own.
    static func metadata(of value: Summary.Value) -> SummaryMetadata? {
        let plugin: String
        var content: [UInt8] = []
        switch value.content {
        case .simpleValue: plugin = "scalars"
        case .histogram: plugin = "histograms"
        case .image:
            plugin = "images"
            content = convertedImageContent
        case .audio:
            plugin = "audio"
            content = convertedAudioContent
        case .tensor, .obsoleteOldStyleHistogram, nil:
            return value.metadata
        }
        let displayName = value.metadata?.displayName ?? ""
        return SummaryMetadata(
            pluginData: .init(pluginName: plugin, content: content),
            displayName: displayName.isEmpty ? value.tag : displayName,
            summaryDescription: value.metadata?.summaryDescription ?? "")
    }

    /// The value's tensor after conversion, or `nil` when it has none; with a description of why
    /// when a legacy histogram cannot be converted (its bucket limits do not cover its buckets).
    static func data(of value: Summary.Value) -> (ValueData?, failure: String?) {
        switch value.content {
        case .simpleValue(let number):
            return (.float32(number), nil)
        case .histogram(let histogram):
            switch buckets(of: histogram) {
            case .success(let buckets): return (.histogram(buckets), nil)
            case .failure(let failure): return (nil, failure.message)
            }
        case .image(let image):
            return (
                .strings(
                    shape: [3],
                    values: [Array(String(image.width).utf8), Array(String(image.height).utf8), image.encodedImage]),
                nil
            )
        case .audio(let audio):
            return (.strings(shape: [1, 2], values: [audio.encodedAudio, []]), nil)
        case .tensor(let tensor):
            return (.tensor(tensor), nil)
        case .obsoleteOldStyleHistogram, nil:
            return (nil, nil)
        }
    }

    struct ConversionFailure: Error {
        var message: String
    }

    /// `_migrate_histogram_value`: drops the empty buckets at both ends, takes the inner edges from
    /// `bucket_limit`, uses `min` and `max` as the outer edges, and rounds everything to float32.
    static func buckets(of histogram: HistogramProto) -> Result<[Histogram.Bucket], ConversionFailure> {
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
        var buckets: [Histogram.Bucket] = []
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
    /// What the first value of a tag in the file decided for the tag's values in that file.
    enum Rule {
        case keep
        case convert(Plugin)

        /// Whether values keep their data (only their metadata may change).
        var keepsData: Bool {
            switch self {
            case .keep, .convert(.scalars), .convert(.tensorPlugin), .convert(.blobPlugin): true
            case .convert(.audio), .convert(.hparams), .convert(.graphSubplugin): false
            }
        }
    }

    enum Plugin {
        case scalars, tensorPlugin, blobPlugin, audio, hparams, graphSubplugin
    }

    private var rules: [String: Rule] = [:]

    /// TensorBoard's `hparams_metadata.NULL_TENSOR`: DT_FLOAT of shape `[0]`.
    static let nullTensor = TensorProto(dtype: .float, shape: TensorShapeProto([0]))

    /// The rule for `tag` in this file; the first call for a tag decides it from `metadata`, the
    /// (converted) metadata of the tag's first value in the file.
    mutating func rule(for tag: String, metadata: () -> SummaryMetadata?) -> Rule {
        if let known = rules[tag] { return known }
        let rule = Self.rule(for: metadata())
        rules[tag] = rule
        return rule
    }

    /// The rule already decided for `tag` in this file, if any.
    func knownRule(for tag: String) -> Rule? {
        rules[tag]
    }

    /// Sets the data class the rule gives (`value.metadata.data_class = ...`).
    static func applyDataClass(_ rule: Rule, to metadata: inout SummaryMetadata) {
        switch rule {
        case .keep: break
        case .convert(.scalars): metadata.dataClass = .scalar
        case .convert(.tensorPlugin), .convert(.hparams): metadata.dataClass = .tensor
        case .convert(.blobPlugin), .convert(.audio), .convert(.graphSubplugin): metadata.dataClass = .blobSequence
        }
    }

    /// The data after the rule: audio keeps only the clips, hparams values without a tensor get
    /// the null tensor, graph sub-plugin tensors get at least one dimension.
    static func transform(_ data: ValueData?, _ rule: Rule) -> ValueData? {
        switch rule {
        case .convert(.audio):
            return data.map(keepingFirstAxis)
        case .convert(.hparams):
            return data ?? .tensor(nullTensor)
        case .convert(.graphSubplugin):
            var tensor = data?.tensor ?? TensorProto(dtype: .invalid, shape: nil)
            if tensor.dimensions.isEmpty { tensor.shape = TensorShapeProto([1]) }
            return .tensor(tensor)
        default:
            return data
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
