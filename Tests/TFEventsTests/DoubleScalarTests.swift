import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// `Options.doublePrecisionScalars`: scalars stored as rank-0 `DT_DOUBLE` tensors, as PyTorch's
/// `double_precision=True` stores them, and read back exactly.
@Suite struct DoubleScalarTests {
    static let doubles = SummaryWriter.Options(doublePrecisionScalars: true)

    @Test func valuesSurviveExactlyAndReadBackAsDoubles() throws {
        let values: [Double] = [
            0.1, 1e-40, 1e300, -0.0, .nan, .infinity, 123_456_789.123_456_789, .leastNonzeroMagnitude,
        ]
        let (contents, events) = try PRCurveSummaryTests.written(options: Self.doubles) { writer in
            for (step, value) in values.enumerated() {
                try writer.addScalar("exact", value, step: step, wallTime: 1)
            }
        }
        #expect(events.count == values.count)
        for (event, value) in zip(events, values) {
            let item = try #require(event.summary?.values.first)
            #expect(item.metadata?.pluginData?.pluginName == "scalars")
            guard case .tensor(let tensor) = item.content else {
                Issue.record("not a tensor: \(item.content)")
                continue
            }
            #expect(tensor.dtype == .double)
            #expect(tensor.dimensions.isEmpty)
            #expect(tensor.tensorContent == withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init))
        }
        let series = try #require(contents.runs.first?.series(tag: "exact"))
        #expect(series.series.kind == .scalars)
        let read = series.scalars.map(\.value)
        #expect(read.count == values.count)
        #expect(zip(read, values).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(read[0] == 0.1)
    }

    @Test func everyScalarMethodAndTypeFollowsTheOption() throws {
        let (contents, _) = try PRCurveSummaryTests.written(options: Self.doubles) { writer in
            try writer.addScalar("float", Float(0.1), step: 1, wallTime: 1)
            try writer.addScalar("half", Float16(0.1), step: 1, wallTime: 1)
            try writer.addScalars(["pairs/a": 0.1, "pairs/b": 0.2], step: 1, wallTime: 1)
            try writer.addScalars([("sequence", 0.3)], step: 1, wallTime: 1)
            try writer.addHParams(["lr": 0.1], metrics: ["metric": 0.7], step: 1, wallTime: 1)
        }
        let run = try #require(contents.runs.first)
        func value(_ tag: String) -> Double? { run.series(tag: tag)?.scalars.first?.value }
        #expect(value("float") == Double(Float(0.1)))
        #expect(value("half") == Double(Float16(0.1)))
        #expect(value("pairs/a") == 0.1)
        #expect(value("pairs/b") == 0.2)
        #expect(value("sequence") == 0.3)
        #expect(value("metric") == 0.7)
    }

    @Test func withoutTheOptionScalarsStayThirtyTwoBitSimpleValues() throws {
        let (contents, events) = try PRCurveSummaryTests.written { writer in
            try writer.addScalar("x", 0.1, step: 1, wallTime: 1)
        }
        #expect(events.first?.summary?.values.first?.content == .simpleValue(Float(0.1)))
        #expect(contents.runs.first?.series(tag: "x")?.scalars.first?.value == Double(Float(0.1)))
        #expect(SummaryWriter.Options().doublePrecisionScalars == false)
    }

    @Test func aTagHoldingNULIsRefusedAndNothingOfTheCallIsWritten() throws {
        let (_, events) = try PRCurveSummaryTests.written(options: Self.doubles) { writer in
            #expect(throws: SummaryWriterError.self) { try writer.addScalar("a\0b", 1, step: 1) }
            #expect(throws: SummaryWriterError.self) { try writer.addScalars(["fine": 1, "a\0b": 2], step: 1) }
        }
        #expect(events.isEmpty)
    }
}
