import Testing
import TestSupport

@testable import TFEvents

@Suite struct HParamsSummaryTests {
    static func pluginData(_ value: Summary.Value?) -> HParamsPluginData? {
        guard let plugin = value?.metadata?.pluginData, plugin.pluginName == "hparams" else { return nil }
        return PluginContentCodec.decodeHParams(plugin.content)
    }

    @Test func literalsMakeValues() {
        let hparams: [String: HParamValue] = ["s": "adam", "d": 0.5, "i": 32, "b": true]
        #expect(hparams["s"] == .string("adam"))
        #expect(hparams["d"] == .number(0.5))
        #expect(hparams["i"] == .number(32))
        #expect(hparams["b"] == .bool(true))
        #expect(hparams.mapValues(\.description) == ["s": "adam", "d": "0.5", "i": "32", "b": "true"])
        #expect(HParamValue.number(1e20).description == "1e+20")
        #expect(HParamValue.string("x").numberValue == nil && HParamValue.bool(false).boolValue == false)
    }

    @Test func sessionStartCarriesItsDataInTheMetadataAndTheNullTensor() throws {
        let value = try HParamsSummary.sessionStart(hparams: ["lr": 0.01, "opt": "sgd"], startTime: 100.5)
        #expect(value.tag == "_hparams_/session_start_info")
        #expect(WriterRoundTrip.tensor(value) == TensorProto(dtype: .float, shape: TensorShapeProto([0])))
        let start = HParamsPluginData.SessionStartInfo(hparams: ["lr": 0.01, "opt": "sgd"], startTime: 100.5)
        #expect(Self.pluginData(value) == HParamsPluginData(content: .sessionStartInfo(start)))
        // The null tensor's bytes, as TensorFlow writes them: dtype DT_FLOAT, shape {dim {}}.
        let bytes = ProtobufEncoder.encode(Event(what: .summary(Summary(values: [value]))))
        #expect(bytes.starts(with: [0x2A]))
        let tensorBytes: [UInt8] = [0x42, 0x06, 0x08, 0x01, 0x12, 0x02, 0x12, 0x00]
        #expect(bytes.indices.contains { bytes[$0...].starts(with: tensorBytes) })
    }

    @Test func rejectsValuesTensorBoardCannotCarry() {
        #expect(throws: SummaryWriterError.invalidInput("a hyperparameter name must not be empty")) {
            try HParamsSummary.sessionStart(hparams: ["": 1], startTime: 0)
        }
        #expect(throws: SummaryWriterError.invalidInput("the hyperparameter name \"a\\0b\" holds a NUL character")) {
            try HParamsSummary.sessionStart(hparams: ["a\u{0}b": 1], startTime: 0)
        }
        #expect(throws: SummaryWriterError.invalidInput("hyperparameter 'x' is a string holding a NUL character")) {
            try HParamsSummary.sessionStart(hparams: ["x": "a\u{0}"], startTime: 0)
        }
        #expect(throws: SummaryWriterError.invalidInput("hyperparameter 'lr' must be a finite number, but it is nan")) {
            try HParamsSummary.sessionStart(hparams: ["lr": .number(.nan)], startTime: 0)
        }
    }

    @Test func writerRecordsStartMetricsAndEndAtClose() throws {
        let before = ProcessInfo.wallTime()
        let events = try WriterRoundTrip.events { writer in
            try writer.addHParams(
                ["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true],
                metrics: ["hparam/loss": 0.25, "hparam/accuracy": 0.75], step: 7, wallTime: 50)
            try writer.addScalar("hparam/accuracy", 0.875, step: 8, wallTime: 60)
        }
        let after = ProcessInfo.wallTime()
        #expect(events.count == 5)
        let values = events.compactMap(WriterRoundTrip.value)
        #expect(values.map(\.tag) == [
            "_hparams_/session_start_info", "hparam/accuracy", "hparam/loss", "hparam/accuracy",
            "_hparams_/session_end_info",
        ])
        #expect(events.map(\.step) == [7, 7, 7, 8, 7])
        let start = HParamsPluginData.SessionStartInfo(
            hparams: ["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true], startTime: 50)
        #expect(Self.pluginData(values[0]) == HParamsPluginData(content: .sessionStartInfo(start)))
        #expect(values[1].content == .simpleValue(0.75))
        #expect(values[2].content == .simpleValue(0.25))
        guard case .sessionEndInfo(let end)? = Self.pluginData(values[4])?.content else {
            Issue.record("no session end info")
            return
        }
        #expect(end.status == .success)
        #expect(end.endTime >= before && end.endTime <= after)
        #expect(events[4].wallTime == end.endTime)
    }

    @Test func writerRefusesASecondSetOfHyperparameters() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addHParams(["a": 1], wallTime: 1)
            #expect(
                throws: SummaryWriterError.invalidInput(
                    "this writer has already recorded hyperparameters; TensorBoard reads only the first set of a run")
            ) {
                try writer.addHParams(["a": 2], metrics: ["m": 1], step: 3)
            }
        }
        #expect(events.compactMap(WriterRoundTrip.value).map(\.tag) == [
            "_hparams_/session_start_info", "_hparams_/session_end_info",
        ])
    }

    @Test func invalidHyperparametersRecordNothingAndLeaveTheRunOpenForValidOnes() throws {
        let events = try WriterRoundTrip.events { writer in
            #expect(throws: SummaryWriterError.self) {
                try writer.addHParams(["lr": .number(.infinity)], metrics: ["m": 1])
            }
            try writer.addHParams(["lr": 0.5], step: 1, wallTime: 2)
        }
        #expect(events.compactMap(WriterRoundTrip.value).map(\.tag) == [
            "_hparams_/session_start_info", "_hparams_/session_end_info",
        ])
    }
}
