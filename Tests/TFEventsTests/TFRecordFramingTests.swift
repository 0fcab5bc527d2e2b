import Testing
import TestSupport

@testable import TFEvents

/// Whole frames and the worked examples of EventFileFormat.md §1, §4 and §6, byte for byte.
@Suite struct TFRecordFramingTests {
    @Test func helloFrameMatchesTensorFlow() {
        #expect(
            TFRecordFraming.frame(Array("hello".utf8))
                == hex("05 00 00 00 00 00 00 00 | ea b2 04 3e | 68 65 6c 6c 6f | bb 1f 1c 19"))
    }

    @Test func emptyPayloadFrameMatchesTensorFlow() {
        #expect(TFRecordFraming.frame([]) == hex("00 00 00 00 00 00 00 00 | 29 03 98 07 | d8 ea 82 a2"))
    }

    @Test func fileVersionEventWorkedExample() {
        let event = Event(wallTime: 1_700_000_000.0, what: .fileVersion("brain.Event:2"))
        let payload = ProtobufEncoder.encode(event)
        #expect(hexString(payload) == hexString(hex("09 00 00 00 40 fc 54 d9 41 1a 0d 62 72 61 69 6e 2e 45 76 65 6e 74 3a 32")))
        let frame = TFRecordFraming.frame(payload)
        #expect(Array(frame.prefix(12)) == hex("18 00 00 00 00 00 00 00 a3 7f 4b 22"))
        #expect(Array(frame.suffix(4)) == hex("ec ed 8f 9d"))
    }

    @Test func legacyScalarWorkedExample() {
        let event = SummaryWriter.scalarEvent("loss", 0.5, step: 1, wallTime: 1_700_000_000.5)
        let payload = ProtobufEncoder.encode(event)
        #expect(payload == hex("09 00 00 20 40 fc 54 d9 41 10 01 2a 0d 0a 0b 0a 04 6c 6f 73 73 15 00 00 00 3f"))
        let frame = TFRecordFraming.frame(payload)
        #expect(Array(frame[8..<12]) == hex("12 9b d8 2d"))
        #expect(Array(frame.suffix(4)) == hex("34 c2 79 3e"))
    }

    @Test func tf2ScalarWorkedExample() {
        let tensor = TensorProto(dtype: .float, shape: TensorShapeProto(), tensorContent: [0, 0, 0, 0x3F])
        let value = Summary.Value(
            tag: "loss", metadata: SummaryMetadata(pluginName: "scalars"), content: .tensor(tensor))
        let event = Event(wallTime: 1_700_000_000.5, step: 1, what: .summary(Summary(values: [value])))
        let payload = ProtobufEncoder.encode(event)
        let expected = hex(
            """
            09 00 00 20 40 fc 54 d9 41 10 01 2a 21 0a 1f 0a 04 6c 6f 73 73 42 0a 08 01 12 00 22 04 00 00 00 3f
            4a 0b 0a 09 0a 07 73 63 61 6c 61 72 73
            """)
        #expect(hexString(payload) == hexString(expected))
        let frame = TFRecordFraming.frame(payload)
        #expect(Array(frame.prefix(12)) == hex("2e 00 00 00 00 00 00 00 c5 cb 57 fa"))
        #expect(Array(frame.suffix(4)) == hex("16 51 15 4e"))
    }

    @Test func negativeStepTakesTenBytes() {
        let payload = ProtobufEncoder.encode(Event(wallTime: 1.0, step: -1))
        #expect(payload == hex("09 00 00 00 00 00 00 f0 3f 10 ff ff ff ff ff ff ff ff ff 01"))
    }
}
