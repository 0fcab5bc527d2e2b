import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `addPRCurve`: what it stores, what the reader gives back, and the inputs it refuses without
/// writing anything. Exactness against TensorBoard and tensorboardX is `PRCurveReferenceTests`.
@Suite struct PRCurveSummaryTests {
    /// Runs `body` with a writer in a fresh directory; returns the directory's contents as read.
    static func written(
        options: SummaryWriter.Options = .init(), _ body: (SummaryWriter) throws -> Void
    ) throws -> (contents: LogdirContents, events: [Event]) {
        let logdir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir, options: options)
        try body(writer)
        try writer.close()
        var events: [Event] = []
        let reader = RecordReader(path: writer.path)
        while let record = try reader.next() {
            if let event = ProtobufDecoder.decodeEvent(record.payload) { events.append(event) }
        }
        return (try SummaryReader(logdir: logdir).contents(), Array(events.dropFirst()))
    }

    @Test func aSmallCurveHasTheTextbookCounts() throws {
        // Thresholds 0, 0.25, 0.5, 0.75, 1: a prediction counts as positive at every threshold
        // up to its own bucket.
        let curve = try PRCurve(
            labels: [true, false, true, true, false], predictions: [0.1, 0.4, 0.35, 0.8, 0.9] as [Float],
            thresholdCount: 5)
        #expect(curve.thresholdCount == 5)
        #expect(curve.truePositives == [3, 2, 1, 1, 0])
        #expect(curve.falsePositives == [2, 2, 1, 1, 0])
        #expect(curve.trueNegatives == [0, 0, 1, 1, 2])
        #expect(curve.falseNegatives == [0, 1, 2, 2, 3])
        let precision: [Double] = [0.6, 0.5, 0.5, 0.5, 0]
        let recall: [Double] = [1, 2.0 / 3, 1.0 / 3, 1.0 / 3, 0]
        #expect(curve.precision == precision.map { Double(Float($0)) })
        #expect(curve.recall == recall.map { Double(Float($0)) })
    }

    @Test func theCurveIsStoredAsASixRowFloatTensorAndReadBackAsItWasReturned() throws {
        var returned: [PRCurve] = []
        let (contents, events) = try Self.written { writer in
            returned.append(
                try writer.addPRCurve(
                    "eval/pr", labels: [true, false, true], predictions: [0.9, 0.2, 0.6], step: 1, wallTime: 10))
            returned.append(
                try writer.addPRCurve(
                    "eval/pr", labels: [1, 0, 0, 1] as [UInt8], predictions: [Float16(0.5), 0.25, 1, 0],
                    weights: [1, 2, 0.5, 4], thresholdCount: 201, step: 2, wallTime: 11))
            let raw = PRCurve(
                truePositives: [3, 1], falsePositives: [2, 0], trueNegatives: [0, 2], falseNegatives: [0, 2],
                precision: [0.6, 1], recall: [1, 0.1])
            try writer.addPRCurve("eval/raw", raw, step: 3, wallTime: 12)
            returned.append(raw)
        }
        #expect(events.count == 3)
        for (event, count) in zip(events, [127, 201, 2]) {
            let value = try #require(event.summary?.values.first)
            guard case .tensor(let tensor) = value.content else {
                Issue.record("not a tensor")
                continue
            }
            #expect(tensor.dtype == .float)
            #expect(tensor.dimensions == [6, Int64(count)])
            #expect(tensor.tensorContent.count == 6 * count * 4)
            #expect(value.metadata?.pluginData?.pluginName == "pr_curves")
            #expect(value.metadata?.displayName == "")
            #expect(
                PluginContentCodec.decodePrCurve(value.metadata?.pluginData?.content ?? [])?.thresholdCount
                    == UInt32(count))
        }
        let run = try #require(contents.runs.first)
        let pr = try #require(run.series(tag: "eval/pr"))
        #expect(pr.series.kind == .prCurves)
        #expect(pr.points.map(\.value) == [.prCurve(returned[0]), .prCurve(returned[1])])
        // The raw curve comes back rounded to Float, as stored: 0.6 and 0.1 are not Floats.
        let raw = try #require(run.series(tag: "eval/raw")?.points.first)
        var rounded = returned[2]
        rounded.precision = rounded.precision.map { Double(Float($0)) }
        rounded.recall = rounded.recall.map { Double(Float($0)) }
        #expect(rounded.precision[0] != 0.6)
        #expect(raw.value == .prCurve(rounded))
    }

    @Test func predictionsOfEveryContainerAndTypeGiveTheCurveOfTheirValues() throws {
        let labels = [true, false, true, false, true, true]
        let values: [Double] = [0, 0.125, 0.5, 0.75, 0.875, 1]
        let reference = try PRCurve(labels: labels, predictions: values, thresholdCount: 9)
        #expect(try PRCurve(labels: labels, predictions: values.map { Float($0) }, thresholdCount: 9) == reference)
        #expect(try PRCurve(labels: labels, predictions: values.map { Float16($0) }, thresholdCount: 9) == reference)
        #expect(try PRCurve(labels: labels, predictions: values[...], thresholdCount: 9) == reference)
        let contiguous = try PRCurve(
            labels: ContiguousArray(labels), predictions: ContiguousArray(values), thresholdCount: 9)
        #expect(contiguous == reference)
        // A collection without contiguous storage is copied first.
        let lazy = try PRCurve(labels: labels.lazy.map { $0 }, predictions: values.lazy.map { $0 }, thresholdCount: 9)
        #expect(lazy == reference)
        #expect(try PRCurve(labels: [1, 0, 1, 0, 1, 1] as [Int64], predictions: values, thresholdCount: 9) == reference)
    }

    @Test func theThresholdCountDefaultsToTensorboardXs127() throws {
        let curve = try PRCurve(labels: [true], predictions: [0.5])
        #expect(curve.thresholdCount == 127)
        #expect(PRCurve.defaultThresholdCount == 127)
    }

    @Test func emptyInputGivesAnAllZeroCurve() throws {
        let curve = try PRCurve(labels: [Bool](), predictions: [Float](), thresholdCount: 3)
        #expect(curve.truePositives == [0, 0, 0])
        #expect(curve.precision == [0, 0, 0])
        #expect(curve.recall == [0, 0, 0])
    }

    @Test func badInputIsRefusedWithItsReasonAndNothingIsWritten() throws {
        var messages: [String] = []
        let (contents, events) = try Self.written { writer in
            let calls: [() throws -> Void] = [
                { try writer.addPRCurve("p", labels: [true], predictions: [Double.nan], step: 1) },
                { try writer.addPRCurve("p", labels: [true, false], predictions: [0.5, 1.5], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [-0.25], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [Float.infinity], step: 1) },
                { try writer.addPRCurve("p", labels: [true, false], predictions: [0.5], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], weights: [1, 2], step: 1) },
                {
                    try writer.addPRCurve(
                        "p", labels: [true, false], predictions: [0.5, 0.1], weights: [1, -1], step: 1)
                },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], weights: [.nan], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], weights: [.infinity], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], thresholdCount: 1, step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], thresholdCount: 0, step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], thresholdCount: 1 << 21, step: 1) },
                { try writer.addPRCurve("p", labels: [2], predictions: [0.5], step: 1) },
                { try writer.addPRCurve("p", labels: [-1], predictions: [0.5], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], weights: [1e39], step: 1) },
                { try writer.addPRCurve("p\0", labels: [true], predictions: [0.5], step: 1) },
                { try writer.addPRCurve("p", labels: [true], predictions: [0.5], step: UInt64.max) },
                {
                    try writer.addPRCurve(
                        "p",
                        PRCurve(
                            truePositives: [1, 0], falsePositives: [1, 0], trueNegatives: [0, 1], falseNegatives: [0],
                            precision: [0.5, 0], recall: [1, 0]), step: 1)
                },
                {
                    try writer.addPRCurve(
                        "p",
                        PRCurve(
                            truePositives: [1], falsePositives: [1], trueNegatives: [0], falseNegatives: [0],
                            precision: [0.5], recall: [1]), step: 1)
                },
                {
                    try writer.addPRCurve(
                        "p",
                        PRCurve(
                            truePositives: [1, .nan], falsePositives: [1, 0], trueNegatives: [0, 1],
                            falseNegatives: [0, 0], precision: [0.5, 0], recall: [1, 0]), step: 1)
                },
                {
                    try writer.addPRCurve(
                        "p",
                        PRCurve(
                            truePositives: [1, 0], falsePositives: [1, 0], trueNegatives: [0, 1],
                            falseNegatives: [0, 0], precision: [0.5, 0], recall: [1e300, 0]), step: 1)
                },
            ]
            for call in calls {
                let error = #expect(throws: SummaryWriterError.self) { try call() }
                if case .invalidInput(let message) = error?.kind { messages.append(message) }
            }
            // The writer goes on working.
            try writer.addPRCurve("p", labels: [true], predictions: [0.5], step: 2)
        }
        #expect(messages.count == 21)
        #expect(events.count == 1)
        #expect(contents.runs.first?.series(tag: "p")?.points.map(\.step) == [2])
        let expectedParts = [
            "prediction 0 is nan", "prediction 1 is 1.5", "prediction 0 is -0.25", "prediction 0 is inf",
            "2 labels and 1 predictions", "2 weights and 1 predictions", "weight 1 is -1.0", "weight 0 is nan",
            "weight 0 is inf", "threshold count is 1", "threshold count is 0", "at most 1048576 thresholds",
            "label 0 is 2", "label 0 is -1", "must fit a 32-bit float", "NUL", "step 18446744073709551615",
            "2 true positives but 1 false negatives", "at least 2 thresholds", "true positives 1 is nan",
            "recall 0 is 1e+300",
        ]
        for (message, part) in zip(messages, expectedParts) {
            #expect(message.contains(part), "\(message) should mention \(part)")
        }
    }

    @Test func aMillionPredictionsAreCountedExactly() throws {
        // Every prediction on its own bucket's lower edge, in Double: k / 126 for k = i % 127.
        let count = 1_000_000
        let predictions = (0..<count).map { Double($0 % 127) / 126 }
        let labels = (0..<count).map { $0 % 3 == 0 }
        let curve = try PRCurve(labels: labels, predictions: predictions)
        #expect(curve.truePositives[0] + curve.falsePositives[0] == Double(count))
        #expect(curve.truePositives[0] == Double(labels.count { $0 }))
        // The top threshold holds the predictions of exactly 1.
        let ones = (0..<count).filter { $0 % 127 == 126 }
        #expect(curve.truePositives[126] == Double(ones.count { $0 % 3 == 0 }))
    }
}
