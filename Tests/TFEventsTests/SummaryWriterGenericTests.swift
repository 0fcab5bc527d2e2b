import Testing
import TestSupport

// Deliberately not `@testable`: these calls must compile against the public surface alone, as
// they do in a user's module.
import TFEvents

/// One `add…` method per concept: steps of any integer type, values of any floating-point type,
/// histogram values in any sequence.
@Suite struct SummaryWriterGenericTests {
    @Test func literalsAndEveryNumericTypeCompileAndRecordTheSameScalars() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addScalar("x", 3, step: 1, wallTime: 1)  // integer literal value: a Double
            try writer.addScalar("x", 0.5, step: 2, wallTime: 1)
            try writer.addScalar("x", Float(0.1), step: Int64(3), wallTime: 1)
            try writer.addScalar("x", Double(0.1), step: Int32(4), wallTime: 1)
            try writer.addScalar("x", Float16(0.1), step: UInt8(5), wallTime: 1)
            try writer.addScalar("x", Double.nan, step: UInt64(6), wallTime: 1)
            try writer.addScalar("x", 1e300, step: Int.max, wallTime: 1)
            try writer.addScalar("x", -1, step: Int64.min, wallTime: 1)
        }
        let points = scalars(events)
        #expect(points.map(\.step) == [1, 2, 3, 4, 5, 6, Int64.max, Int64.min])
        #expect(points[0].value == 3)
        #expect(points[1].value == 0.5)
        // Rounded to Float once: the same value from Float and Double; Float16 keeps its own.
        #expect(points[2].value == Float(0.1))
        #expect(points[3].value == Float(0.1))
        #expect(points[4].value == Float(Float16(0.1)))
        #expect(points[5].value.isNaN)
        #expect(points[6].value == .infinity)
        #expect(points[7].value == -1)
    }

    @Test func aStepBeyondSixtyFourBitsIsRefusedByEveryMethodAndNothingIsWritten() throws {
        let image = try ImageData(pixels: [0, 0.5, 1, 1] as [Float], width: 2, height: 2, channels: 1)
        let histogram = Histogram(buckets: [.init(left: 0, right: 1, count: 1)])
        let clip = try AudioData(samples: [0, 0.5] as [Float], sampleRate: 8000)
        let tooLarge = UInt64(Int64.max) + 1
        var messages: [String] = []
        let events = try WriterRoundTrip.events { writer in
            let calls: [() throws -> Void] = [
                { try writer.addScalar("s", 1, step: tooLarge) },
                { try writer.addScalars(["a": 1, "b": 2], step: tooLarge) },
                { try writer.addScalars([("a", 1.0)], step: tooLarge) },
                { try writer.addHistogram("h", values: [1.0, 2], step: tooLarge) },
                { try writer.addHistogram("h", histogram, step: tooLarge) },
                { try writer.addImage("i", image, step: tooLarge) },
                { try writer.addImages("i", [image], step: tooLarge) },
                { try writer.addText("t", "text", step: tooLarge) },
                { try writer.addTable("t", header: ["a"], rows: [["1"]], step: tooLarge) },
                { try writer.addHParams(["lr": 0.1], step: tooLarge) },
                { try writer.addAudio("a", clip, step: tooLarge) },
                { try writer.addAudio("a", [clip, clip], step: tooLarge) },
                { try writer.addVideo("v", frames: [image, image], framesPerSecond: 2, step: tooLarge) },
            ]
            for call in calls {
                let error = #expect(throws: SummaryWriterError.self) { try call() }
                if case .invalidInput(let message) = error?.kind { messages.append(message) }
            }
            // The writer is still usable, and hyperparameters were not taken by the refused call.
            try writer.addHParams(["lr": 0.1], step: 0, wallTime: 1)
        }
        #expect(messages.count == 13)
        #expect(messages.allSatisfy { $0.hasPrefix("the step 9223372036854775808 is outside the range") })
        #expect(events.compactMap(WriterRoundTrip.value).map(\.tag) == [
            "_hparams_/session_start_info", "_hparams_/session_end_info",
        ])
    }

    @Test func addScalarsKeepsTheCallersOrder() throws {
        let metrics: [String: Double] = ["m": 1, "c": 2, "x": 3, "a": 4]
        let names = ["q", "p"]
        let floats: [Float] = [0.25, 0.5]
        let events = try WriterRoundTrip.events { writer in
            try writer.addScalars(["z": 1, "y": 2, "x": 3], step: 1, wallTime: 1)
            try writer.addScalars(["f": Float(1), "e": 2], step: 2, wallTime: 1)
            try writer.addScalars([("k", 1.0), ("j", 2)], step: 3, wallTime: 1)
            try writer.addScalars(zip(names, floats).map { ($0, $1) }, step: 4, wallTime: 1)
            try writer.addScalars(metrics.sorted { $0.key < $1.key }, step: 5, wallTime: 1)
            try writer.addScalars(metrics.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, step: 6, wallTime: 1)
        }
        let points = scalars(events)
        #expect(points.map(\.tag) == ["z", "y", "x", "f", "e", "k", "j", "q", "p", "a", "c", "m", "x", "a", "c", "m", "x"])
        #expect(points.map(\.step) == [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6])
        #expect(points.prefix(9).map(\.value) == [1, 2, 3, 1, 2, 1, 2, 0.25, 0.5])
    }

    @Test(arguments: [Histogram.Bucketing.tensorFlow, .equalWidth(bucketCount: 7), .edges([-2, 0, 0.5, 3]), .tensorboardX])
    func histogramsOfAnyFloatingPointSequenceMatchTheirDoubleWidening(_ bucketing: Histogram.Bucketing) throws {
        var random = SplitMix(seed: 7)
        let floats = (0..<1_000).map { _ in Float(random.nextDouble() * 4 - 2) } + [.nan, .infinity, 1e-30]
        let doubles = floats.map(Double.init)
        let reference = try Histogram(doubles, bucketing: bucketing)

        #expect(try Histogram(floats, bucketing: bucketing) == reference)
        #expect(try Histogram(floats[...], bucketing: bucketing) == reference)
        #expect(try Histogram(ContiguousArray(floats), bucketing: bucketing) == reference)
        #expect(try Histogram(floats.lazy.map { $0 }, bucketing: bucketing) == reference)  // not contiguous
        #expect(try Histogram(doubles[...], bucketing: bucketing) == reference)
        #expect(try Histogram(ContiguousArray(doubles), bucketing: bucketing) == reference)
        let halves = floats.map { Float16($0) }
        #expect(try Histogram(halves, bucketing: bucketing) == Histogram(halves.map(Double.init), bucketing: bucketing))

        // The same through the writer, with the returned histogram as proof.
        let slice = try Histogram(doubles[10..<500], bucketing: bucketing)
        var returned: [Histogram] = []
        _ = try WriterRoundTrip.events { writer in
            returned.append(try writer.addHistogram("f", values: floats[10..<500], bucketing: bucketing, step: 1))
            returned.append(
                try writer.addHistogram("d", values: ContiguousArray(doubles), bucketing: bucketing, step: UInt16(2)))
        }
        #expect(returned == [slice, reference])
    }

    @Test func integerLiteralHistogramValuesAreDoubles() throws {
        #expect(try Histogram([1, 2, 3]) == Histogram([1.0, 2.0, 3.0] as [Double]))
        _ = try WriterRoundTrip.events { writer in
            try writer.addHistogram("h", values: [1, 2, 3], step: 0)
        }
    }
}
