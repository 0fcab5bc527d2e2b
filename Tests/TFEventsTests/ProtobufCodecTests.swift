import Testing
import TestSupport

@testable import TFEvents

/// Decoding accepts everything EventFileFormat.md §3 asks of a reader, and encoding round-trips.
@Suite struct ProtobufCodecTests {
    @Test func everyEventKindRoundTrips() throws {
        let tensor = TensorProto(
            dtype: .double, shape: TensorShapeProto([2, 3]), versionNumber: 0,
            tensorContent: [1, 2, 3], halfValues: [15360], floatValues: [1.5, -2], doubleValues: [3.25],
            intValues: [-7, 8], stringValues: [Array("a".utf8), [], [0, 255]], scomplexValues: [1, 2],
            int64Values: [Int64.min, Int64.max], boolValues: [true, false, true], dcomplexValues: [4, 5],
            uint32Values: [UInt32.max], uint64Values: [UInt64.max], float8Values: [9])
        let metadata = SummaryMetadata(
            pluginData: .init(pluginName: "histograms", content: [8, 1]), displayName: "Shown",
            summaryDescription: "*md*", dataClass: .tensor)
        let values: [Summary.Value] = [
            Summary.Value(tag: "s", content: .simpleValue(-0.25)),
            Summary.Value(tag: "", nodeName: "node", content: .obsoleteOldStyleHistogram([1, 2])),
            Summary.Value(tag: "i", content: .image(.init(height: 2, width: 3, colorspace: 4, encodedImage: [7, 7]))),
            Summary.Value(
                tag: "h",
                content: .histogram(
                    .init(
                        min: -1, max: 2, num: 3, sum: 1, sumSquares: 5, bucketLimits: [0, 1, 2],
                        bucketCounts: [1, 0, 2]))),
            Summary.Value(
                tag: "a",
                content: .audio(
                    .init(
                        sampleRate: 8000, channelCount: 1, frameCount: 100, encodedAudio: [82, 73],
                        contentType: "audio/wav"))),
            Summary.Value(tag: "t", metadata: metadata, content: .tensor(tensor)),
            Summary.Value(tag: "meta only", metadata: metadata, content: nil),
        ]
        let events: [Event] = [
            Event(wallTime: 1.5, step: 3, what: .fileVersion("brain.Event:2"), sourceMetadata: .init(writer: "w")),
            Event(wallTime: 2, step: -4, what: .summary(Summary(values: values))),
            Event(wallTime: 3, what: .graphDef([1, 2, 3])),
            Event(wallTime: 4, what: .metaGraphDef([4])),
            Event(wallTime: 5, what: .logMessage(.init(level: .warn, message: "careful"))),
            Event(
                wallTime: 6, step: 10,
                what: .sessionLog(.init(status: .checkpoint, checkpointPath: "/ckpt", message: "saved"))),
            Event(wallTime: 7, what: .taggedRunMetadata(.init(tag: "step1", runMetadata: [0, 1]))),
            Event(wallTime: 8, step: 1),
            Event(what: .summary(Summary())),
        ]
        for event in events {
            let bytes = ProtobufEncoder.encode(event)
            #expect(ProtobufDecoder.decodeEvent(bytes) == event)
        }
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        // wall_time 1.0, then field 99 as varint, 64-bit, length-delimited and 32-bit, then step 5.
        let bytes = hex(
            """
            09 00 00 00 00 00 00 f0 3f
            98 06 96 01
            99 06 01 02 03 04 05 06 07 08
            9a 06 03 61 62 63
            9d 06 01 02 03 04
            10 05
            """)
        let event = try #require(ProtobufDecoder.decodeEvent(bytes))
        #expect(event.wallTime == 1.0)
        #expect(event.step == 5)
        #expect(event.what == nil)
    }

    @Test func fieldsInAnyOrderAndTheLastScalarOccurrenceWins() throws {
        // step 1, wall_time 2.0, step 7: the last step wins.
        let bytes = hex("10 01 09 00 00 00 00 00 00 00 40 10 07")
        let event = try #require(ProtobufDecoder.decodeEvent(bytes))
        #expect(event.step == 7)
        #expect(event.wallTime == 2.0)
    }

    @Test func repeatedOccurrencesOfASubMessageMerge() throws {
        // Two `summary` fields, each with one value: a reader must merge them into one summary.
        let valueA = hex("0a 01 61 15 00 00 80 3f")  // tag "a", simple_value 1.0
        let valueB = hex("0a 01 62 15 00 00 00 40")  // tag "b", simple_value 2.0
        let summaryA = [0x0a, UInt8(valueA.count)] + valueA
        let summaryB = [0x0a, UInt8(valueB.count)] + valueB
        let bytes = [0x2a, UInt8(summaryA.count)] + summaryA + [0x2a, UInt8(summaryB.count)] + summaryB
        let summary = try #require(ProtobufDecoder.decodeEvent(bytes)?.summary)
        #expect(summary.values.map(\.tag) == ["a", "b"])
        #expect(summary.values.map(\.content) == [.simpleValue(1), .simpleValue(2)])
    }

    @Test func packedAndUnpackedRepeatedNumbersDecodeAlike() throws {
        // TensorProto{dtype DT_FLOAT, float_val [1.0, 2.0]} packed, then the same unpacked.
        let packed = hex("08 01 2a 08 00 00 80 3f 00 00 00 40")
        let unpacked = hex("08 01 2d 00 00 80 3f 2d 00 00 00 40")
        for tensorBytes in [packed, unpacked] {
            let value = hex("0a 01 74") + [0x42, UInt8(tensorBytes.count)] + tensorBytes
            let summary = [0x0a, UInt8(value.count)] + value
            let event = try #require(ProtobufDecoder.decodeEvent([0x2a, UInt8(summary.count)] + summary))
            guard case .tensor(let tensor) = event.summary?.values.first?.content else {
                Issue.record("no tensor decoded from \(hexString(tensorBytes))")
                continue
            }
            #expect(tensor.floatValues == [1.0, 2.0])
            #expect(tensor.dtype == .float)
        }
        // A mix: one packed run followed by an unpacked element appends.
        let mixed = hex("08 09 52 02 01 02 50 03")  // dtype INT64, int64_val packed [1, 2], then 3
        let value = hex("0a 01 74") + [0x42, UInt8(mixed.count)] + mixed
        let summary = [0x0a, UInt8(value.count)] + value
        let event = try #require(ProtobufDecoder.decodeEvent([0x2a, UInt8(summary.count)] + summary))
        guard case .tensor(let tensor) = event.summary?.values.first?.content else {
            Issue.record("no tensor")
            return
        }
        #expect(tensor.int64Values == [1, 2, 3])
    }

    @Test func missingShapeMeansRankZero() throws {
        let tensorBytes = hex("08 01 22 04 00 00 00 3f")  // dtype FLOAT, tensor_content, no shape
        let value = hex("0a 01 74") + [0x42, UInt8(tensorBytes.count)] + tensorBytes
        let summary = [0x0a, UInt8(value.count)] + value
        let event = try #require(ProtobufDecoder.decodeEvent([0x2a, UInt8(summary.count)] + summary))
        guard case .tensor(let tensor) = event.summary?.values.first?.content else {
            Issue.record("no tensor")
            return
        }
        #expect(tensor.shape == nil)
        #expect(tensor.dimensions == [])
        #expect(tensor.elementCount == 1)
    }

    @Test func invalidUTF8InATagIsRepairedNotFatal() throws {
        let value: [UInt8] = [0x0a, 0x03, 0x61, 0xff, 0x62, 0x15, 0, 0, 0x80, 0x3f]  // tag "a\xffb"
        let summary = [0x0a, UInt8(value.count)] + value
        let event = try #require(ProtobufDecoder.decodeEvent([0x2a, UInt8(summary.count)] + summary))
        #expect(event.summary?.values.first?.tag == "a\u{FFFD}b")
    }

    @Test func garbageIsRejected() {
        #expect(ProtobufDecoder.decodeEvent(hex("0a ff ff ff ff 0f")) == nil)  // length beyond the data
        #expect(ProtobufDecoder.decodeEvent(hex("ff")) == nil)  // truncated key
        #expect(ProtobufDecoder.decodeEvent(hex("09 00 00")) == nil)  // truncated double
        #expect(ProtobufDecoder.decodeEvent([]) == Event())  // empty is a valid, empty Event
    }
}

extension ProtobufCodecTests {
    @Test func repeatedOneofMembersInsideAValueMerge() throws {
        // One value whose `tensor` (a oneof member) occurs twice: dtype in the first, content in
        // the second. Protobuf merges them into one tensor.
        let tensor1 = hex("08 01")
        let tensor2 = hex("22 04 00 00 80 3f")
        let value = hex("0a 01 74") + [0x42, UInt8(tensor1.count)] + tensor1 + [0x42, UInt8(tensor2.count)] + tensor2
        let summary = [0x0a, UInt8(value.count)] + value
        let event = try #require(ProtobufDecoder.decodeEvent([0x2a, UInt8(summary.count)] + summary))
        guard case .tensor(let tensor) = event.summary?.values.first?.content else {
            Issue.record("no tensor")
            return
        }
        #expect(tensor.dtype == .float)
        #expect(tensor.tensorContent == [0, 0, 0x80, 0x3f])
    }

    @Test func coalescerLeavesOrdinaryPayloadsAlone() {
        let payload = ProtobufEncoder.encode(SummaryWriter.scalarEvent("loss", 0.5, step: 1, wallTime: 2))
        #expect(payload.withUnsafeBytes { OneofCoalescer.coalesceEvent($0) } == nil)
    }
}

extension ProtobufCodecTests {
    @Test func publicSerializationRoundTripsAndRejectsGarbage() throws {
        let event = Event(wallTime: 3, step: 4, what: .fileVersion("brain.Event:2"))
        #expect(try Event(serializedBytes: event.serializedBytes()) == event)
        let error = #expect(throws: EventDecodingError.self) { try Event(serializedBytes: [0xff]) }
        #expect(error?.description == "1 bytes are not a valid Event protobuf message")
    }
}
