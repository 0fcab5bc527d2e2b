import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Our PR curves against the reference implementations, on the inputs of
/// `Fixtures/pr_curves/reference.json` (made by `Scripts/pr_curve_reference.py` with TensorBoard
/// 2.21.0's `pr_curve.summary.pb`, tensorboardX 2.6.5's `pr_curve` and numpy 2.4.6). Every float32
/// must be bit for bit the same, and so must the tensor the writer stores.
@Suite struct PRCurveReferenceTests {
    struct Reference: Decodable {
        var cases: [Case]
        var raw: [RawCase]
    }

    struct Case: Decodable {
        var name: String
        var thresholds: Int
        var dtype: String
        var labels: String?
        var predictions: String?
        var weights_dtype: String?
        var weights: String?
        var generated: Generated?
        var weighted: Bool?
        var tensorboard: String
        var tensorboardX_thresholds: Int
        var tensorboard_equals_tensorboardX: Bool?
        var tensorboardX: String?
    }

    /// Inputs made by a formula of the script's `generated_inputs`.
    struct Generated: Decodable {
        var formula: String
        var count: Int
    }

    struct RawCase: Decodable {
        var name: String
        var rows: [String]
        var tensorboard: String
        var tensorboardX: String
        var tensorboard_equals_tensorboardX: Bool
    }

    static let reference: Reference = {
        let path = URL(fileURLWithPath: Fixtures.packageRoot + "/Fixtures/pr_curves/reference.json")
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: path))
        } catch {
            fatalError("cannot read \(path.path): \(error)")
        }
    }()

    // MARK: Decoding the fixture

    static func bytes(_ base64: String) -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { fatalError("not base64: \(base64.prefix(40))") }
        return Array(data)
    }

    static func littleEndian<T: FixedWidthInteger>(_ base64: String, as: T.Type) -> [T] {
        let raw = bytes(base64)
        let width = MemoryLayout<T>.size
        return stride(from: 0, to: raw.count, by: width).map { offset in
            raw[offset..<offset + width].reversed().reduce(T.zero) { $0 << 8 | T($1) }
        }
    }

    static func floats(_ base64: String) -> [Float] {
        littleEndian(base64, as: UInt32.self).map(Float.init(bitPattern:))
    }

    static func doubles(_ base64: String) -> [Double] {
        littleEndian(base64, as: UInt64.self).map(Double.init(bitPattern:))
    }

    static func halves(_ base64: String) -> [Float16] {
        littleEndian(base64, as: UInt16.self).map(Float16.init(bitPattern:))
    }

    /// The inputs of a case: labels, predictions in their own type, weights.
    enum Predictions {
        case half([Float16])
        case single([Float])
        case double([Double])
    }

    static func inputs(_ item: Case) -> (labels: [Bool], predictions: Predictions, weights: [Double]?) {
        if let generated = item.generated {
            // The formulas of `generated_inputs` in the script: exact in both languages.
            let count = generated.count
            if generated.formula == "block_tie" {
                var weights = [Double](repeating: 0x1p-53, count: count)
                weights[0] = 1 + 0x1p-24 - 0x1p-37
                return ([Bool](repeating: true, count: count), .double(Array(repeating: 0.5, count: count)), weights)
            }
            var labels: [Bool] = []
            var predictions: [Float] = []
            var weights: [Double] = []
            for i in 0..<count {
                predictions.append(Float(Double((i * 7919) % 10007) / 10007.0))
                labels.append((i * 31) % 7 < 3)
                weights.append(Double(i % 10 + 1) / 10.0)
            }
            return (labels, .single(predictions), item.weighted == true ? weights : nil)
        }
        let labels = (item.labels ?? "").map { $0 == "1" }
        let encoded = item.predictions ?? ""
        let predictions: Predictions =
            switch item.dtype {
            case "float16": .half(halves(encoded))
            case "float32": .single(floats(encoded))
            default: .double(doubles(encoded))
            }
        let weights = item.weights.map { item.weights_dtype == "float32" ? floats($0).map(Double.init) : doubles($0) }
        return (labels, predictions, weights)
    }

    /// Our curve for a case, through the public initializer for its prediction type.
    static func curve(_ item: Case, thresholdCount n: Int, integerLabels: Bool = false) throws -> PRCurve {
        let (labels, predictions, w) = inputs(item)
        if integerLabels {
            let numbers = labels.map { $0 ? 1 : 0 }
            switch predictions {
            case .half(let p): return try PRCurve(labels: numbers, predictions: p, weights: w, thresholdCount: n)
            case .single(let p): return try PRCurve(labels: numbers, predictions: p, weights: w, thresholdCount: n)
            case .double(let p): return try PRCurve(labels: numbers, predictions: p, weights: w, thresholdCount: n)
            }
        }
        switch predictions {
        case .half(let p): return try PRCurve(labels: labels, predictions: p, weights: w, thresholdCount: n)
        case .single(let p): return try PRCurve(labels: labels, predictions: p, weights: w, thresholdCount: n)
        case .double(let p): return try PRCurve(labels: labels, predictions: p, weights: w, thresholdCount: n)
        }
    }

    static func rows(_ curve: PRCurve) -> [Double] {
        curve.truePositives + curve.falsePositives + curve.trueNegatives + curve.falseNegatives + curve.precision
            + curve.recall
    }

    /// The first position where `ours` differs from the reference's float32 values, with both.
    static func firstDifference(_ ours: [Double], _ expected: [Float]) -> String? {
        guard ours.count == expected.count else { return "\(ours.count) values, expected \(expected.count)" }
        let names = ["TP", "FP", "TN", "FN", "precision", "recall"]
        let n = expected.count / 6
        for index in ours.indices
        where Float(ours[index]).bitPattern != expected[index].bitPattern || Double(Float(ours[index])) != ours[index] {
            return "\(names[index / n])[\(index % n)] = \(ours[index]), expected \(expected[index])"
        }
        return nil
    }

    // MARK: Tests

    @Test func coversTheCasesThatMatter() {
        let cases = Self.reference.cases
        #expect(cases.count >= 300)
        #expect(Self.reference.raw.count >= 10)
        // Both references compute the same values wherever they use the same threshold count.
        #expect(cases.allSatisfy { $0.tensorboard_equals_tensorboardX != false })
        #expect(Self.reference.raw.allSatisfy { $0.tensorboard_equals_tensorboardX })
        // Counts above tensorboardX's cap, every prediction type, weights, and numpy's blocks.
        #expect(cases.contains { $0.thresholds > 127 && $0.tensorboardX_thresholds == 127 })
        #expect(Set(cases.map(\.dtype)) == ["float16", "float32", "float64"])
        #expect(cases.contains { $0.weights != nil } && cases.contains { $0.weights_dtype == "float32" })
        let blocks = 2 * PRCurveCounter.numpyBlockSize
        #expect(cases.contains { ($0.generated?.count ?? 0) > blocks && $0.weighted == true })
        // The case where numpy's order of additions shows in float32: TP = 1 + 2^-23, not 1.
        let tie = cases.first { $0.generated?.formula == "block_tie" }
        #expect(tie.map { Self.floats($0.tensorboard)[0] } == 1 + 0x1p-23)
    }

    @Test(arguments: reference.cases.map(\.name))
    func matchesTensorBoardAndTensorboardXBitForBit(_ name: String) throws {
        let item = try #require(Self.reference.cases.first { $0.name == name })
        let ours = try Self.curve(item, thresholdCount: item.thresholds)
        #expect(ours.thresholdCount == item.thresholds)
        let difference = Self.firstDifference(Self.rows(ours), Self.floats(item.tensorboard))
        #expect(difference == nil, "\(name) against TensorBoard: \(difference ?? "")")
        // The same inputs given as 0/1 labels give the same curve.
        #expect(try Self.curve(item, thresholdCount: item.thresholds, integerLabels: true) == ours)
        // tensorboardX's tensor, kept when it is not TensorBoard's (above its cap of 127).
        if let tensorboardX = item.tensorboardX {
            let capped = try Self.curve(item, thresholdCount: item.tensorboardX_thresholds)
            let difference = Self.firstDifference(Self.rows(capped), Self.floats(tensorboardX))
            #expect(difference == nil, "\(name) against tensorboardX: \(difference ?? "")")
        }
    }

    @Test func theWriterStoresTensorBoardsTensorByteForByte() throws {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir)
        var expected: [(tag: String, content: [UInt8], count: Int)] = []
        for (index, item) in Self.reference.cases.enumerated() where item.generated == nil {
            let (labels, predictions, w) = Self.inputs(item)
            let tag = "case/\(item.name)"
            let n = item.thresholds
            switch predictions {
            case .half(let p):
                try writer.addPRCurve(tag, labels: labels, predictions: p, weights: w, thresholdCount: n, step: index)
            case .single(let p):
                try writer.addPRCurve(tag, labels: labels, predictions: p, weights: w, thresholdCount: n, step: index)
            case .double(let p):
                try writer.addPRCurve(tag, labels: labels, predictions: p, weights: w, thresholdCount: n, step: index)
            }
            expected.append((tag, Self.bytes(item.tensorboard), item.thresholds))
        }
        for item in Self.reference.raw {
            let rows = item.rows.map(Self.doubles)
            let curve = PRCurve(
                truePositives: rows[0], falsePositives: rows[1], trueNegatives: rows[2], falseNegatives: rows[3],
                precision: rows[4], recall: rows[5])
            try writer.addPRCurve("raw/\(item.name)", curve, step: 0)
            expected.append(("raw/\(item.name)", Self.bytes(item.tensorboard), rows[0].count))
        }
        try writer.close()

        let reader = RecordReader(path: writer.path)
        var stored: [String: (TensorProto, SummaryMetadata?)] = [:]
        while let record = try reader.next() {
            guard let value = ProtobufDecoder.decodeEvent(record.payload)?.summary?.values.first,
                case .tensor(let tensor) = value.content
            else { continue }
            stored[value.tag] = (tensor, value.metadata)
        }
        #expect(stored.count == expected.count)
        for (tag, content, count) in expected {
            let (tensor, metadata) = try #require(stored[tag])
            #expect(tensor.dtype == .float && tensor.dimensions == [6, Int64(count)], "\(tag)")
            #expect(tensor.tensorContent == content, "\(tag): the stored bytes differ from TensorBoard's")
            #expect(metadata?.pluginData?.pluginName == "pr_curves")
            let plugin = PluginContentCodec.decodePrCurve(metadata?.pluginData?.content ?? [])
            #expect(plugin == PluginContent.PrCurve(version: 0, thresholdCount: UInt32(count)), "\(tag)")
        }
    }

    @Test func rawCurvesAreStoredAsBothReferencesStoreThem() throws {
        for item in Self.reference.raw {
            let rows = item.rows.map(Self.doubles)
            let curve = PRCurve(
                truePositives: rows[0], falsePositives: rows[1], trueNegatives: rows[2], falseNegatives: rows[3],
                precision: rows[4], recall: rows[5])
            let value = try PRCurveSummary.value(tag: item.name, curve: curve)
            guard case .tensor(let tensor) = value.content else {
                Issue.record("\(item.name): not a tensor")
                continue
            }
            #expect(tensor.tensorContent == Self.bytes(item.tensorboard), "\(item.name)")
            #expect(tensor.tensorContent == Self.bytes(item.tensorboardX), "\(item.name)")
        }
    }
}
