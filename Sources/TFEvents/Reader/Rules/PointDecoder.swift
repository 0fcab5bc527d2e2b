/// Turns a stored value into a ``Point/Value`` the way the plugin that shows its series would read
/// it; data that does not have the expected form stays a tensor.
enum PointDecoder {
    /// A tensor value as written, decoded without copying it unless it is kept as a tensor.
    static func value(_ tensor: TensorProto, kind: Series.Kind) -> Point.Value {
        if kind == .scalars, let number = tensor.scalarValue { return .scalar(number) }
        return value(.tensor(tensor), kind: kind)
    }

    static func value(_ data: ValueData, kind: Series.Kind) -> Point.Value {
        switch kind {
        case .scalars:
            switch data {
            case .float32(let number): return .scalar(Double(number))
            case .tensor(let tensor): return tensor.scalarValue.map { .scalar($0) } ?? .tensor(tensor)
            default: return .tensor(data.tensor)
            }
        case .images:
            if let strings = data.strings, strings.count >= 2, let width = integer(strings[0]), let height = integer(strings[1]) {
                return .images(width: width, height: height, images: Array(strings[2...]))
            }
            return .tensor(data.tensor)
        case .histograms:
            switch data {
            case .histogram(let buckets):
                return .histogram(Histogram(buckets: buckets))
            case .tensor(let tensor):
                if let buckets = buckets(tensor) { return .histogram(Histogram(buckets: buckets)) }
                return .tensor(tensor)
            default:
                return .tensor(data.tensor)
            }
        case .text:
            let tensor = data.tensor
            if let shape = tensor.shapeSizes, let strings = tensor.stringElements {
                return .text(shape: shape, strings: strings.map { String(decoding: $0, as: UTF8.self) })
            }
            return .tensor(tensor)
        case .audio:
            return data.strings.map { .audio($0.map(AudioClip.init)) } ?? .tensor(data.tensor)
        case .prCurves:
            let tensor = data.tensor
            guard tensor.dimensions.count == 2, tensor.dimensions[0] == 6, let values = tensor.numericElements
            else { return .tensor(tensor) }
            let count = Int(tensor.dimensions[1])
            let rows = (0..<6).map { Array(values[$0 * count..<($0 + 1) * count]) }
            return .prCurve(
                PRCurve(
                    truePositives: rows[0], falsePositives: rows[1], trueNegatives: rows[2], falseNegatives: rows[3],
                    precision: rows[4], recall: rows[5]))
        case .mesh:
            let tensor = data.tensor
            guard tensor.dimensions.count == 3, tensor.dimensions[2] == 3, let values = tensor.numericElements
            else { return .tensor(tensor) }
            return .mesh(MeshTensor(shape: tensor.dimensions.map(Int.init), values: values))
        case .customScalars:
            let tensor = data.tensor
            guard let strings = tensor.stringElements, strings.count == 1,
                let layout = PluginContentCodec.decodeLayout(strings[0])
            else { return .tensor(tensor) }
            return .layout(layout)
        case .hparams, .other:
            return .tensor(data.tensor)
        }
    }

    /// The buckets of a `[k, 3]` numeric tensor of `[left, right, count]` rows.
    private static func buckets(_ tensor: TensorProto) -> [Histogram.Bucket]? {
        let dimensions = tensor.dimensions
        guard dimensions.count == 2, dimensions[1] == 3, let values = tensor.numericElements else { return nil }
        return stride(from: 0, to: values.count, by: 3).map {
            Histogram.Bucket(left: values[$0], right: values[$0 + 1], count: values[$0 + 2])
        }
    }

    /// An image dimension written as ASCII digits, as Python's `int()` reads it.
    private static func integer(_ bytes: [UInt8]) -> Int? {
        Int(String(decoding: bytes, as: UTF8.self).trimmingWhitespace)
    }
}
