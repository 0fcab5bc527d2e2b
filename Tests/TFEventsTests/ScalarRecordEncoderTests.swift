import Testing
import TestSupport

@testable import TFEvents

/// The hand-written scalar fast path gives exactly protobuf-c's bytes, framing included.
@Suite struct ScalarRecordEncoderTests {
    /// protobuf-c's record for the same scalar event.
    func reference(_ tag: String, _ value: Double, step: Int64, wallTime: Double) -> [UInt8] {
        TFRecordFraming.frame(
            ProtobufEncoder.encode(SummaryWriter.scalarEvent(tag, Float(value), step: step, wallTime: wallTime)))
    }

    func fast(_ tag: String, _ value: Double, step: Int64, wallTime: Double) -> [UInt8]? {
        var buffer: [UInt8] = [0xEE]  // something already buffered must stay untouched
        var tag = tag
        let taken = tag.withUTF8 {
            ScalarRecordEncoder.append(
                tag: UnsafeRawBufferPointer($0), value: Float(value), step: step, wallTime: wallTime, to: &buffer)
        }
        #expect(buffer.first == 0xEE)
        return taken ? Array(buffer.dropFirst()) : nil
    }

    @Test func edgeCasesMatchProtobufC() {
        let tags = [
            "", "a", "loss", "train/loss", "métrique/précision", "😀", String(repeating: "x", count: 127),
            String(repeating: "y", count: 128), String(repeating: "z", count: 16_384),
        ]
        let values: [Double] = [0, -0.0, 1, -1, 0.1, 1e300, -1e300, .nan, .infinity, -.infinity, 1e-45, 3.4e38]
        let steps: [Int64] = [0, 1, -1, 127, 128, 16_383, 16_384, Int64.max, Int64.min, 1 << 40]
        let walls: [Double] = [0, -0.0, 1, 1_700_000_000.123456, .nan, -1, .infinity]
        for tag in tags {
            for value in values {
                for step in steps {
                    for wall in walls {
                        let expected = reference(tag, value, step: step, wallTime: wall)
                        let got = fast(tag, value, step: step, wallTime: wall)
                        if got != expected {
                            Issue.record("tag \(tag.prefix(20))… value \(value) step \(step) wall \(wall)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func randomInputsMatchProtobufC() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0..<300, using: &random)
            let tag = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &random))) })
            let value = Double(bitPattern: UInt64.random(in: .min ... .max, using: &random))
            let step = Int64.random(in: .min ... .max, using: &random) >> Int64.random(in: 0..<64, using: &random)
            let wall = Double(bitPattern: UInt64.random(in: .min ... .max, using: &random))
            let expected = reference(tag, value, step: step, wallTime: wall)
            if fast(tag, value, step: step, wallTime: wall) != expected {
                Issue.record("tag \(tag) value \(value.bitPattern) step \(step) wall \(wall.bitPattern)")
                return
            }
        }
    }

    @Test func tagsWithNULAreRefusedRatherThanCutShort() throws {
        #expect(fast("a\u{0}b", 1, step: 1, wallTime: 1) == nil)
        // protobuf-c would keep only "a": the writer refuses the tag instead of changing it.
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        let error = #expect(throws: SummaryWriterError.self) { try writer.addScalar("a\u{0}b", 1, step: 1, wallTime: 1) }
        #expect(error?.description.contains("holds a NUL character") == true)
        #expect(throws: SummaryWriterError.self) { try writer.addScalars(["ok": 1, "a\u{0}b": 2], step: 1) }
        #expect(throws: SummaryWriterError.self) { try writer.addText("x\u{0}", "text", step: 1) }
        try writer.addScalar("ok", 1, step: 1, wallTime: 1)
        try writer.close()
        #expect(scalars(try readEvents(writer.path)).map(\.tag) == ["ok"])
    }

    @Test func varintSizes() {
        let cases: [(UInt64, Int)] = [(0, 1), (127, 1), (128, 2), (16_383, 2), (16_384, 3), (UInt64.max, 10)]
        for (value, size) in cases {
            #expect(ScalarRecordEncoder.varintSize(value) == size)
        }
    }
}
