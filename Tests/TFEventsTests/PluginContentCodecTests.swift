import Testing
import TestSupport

@testable import TFEvents

@Suite struct PluginContentCodecTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    // MARK: Bytes derived by hand from the wire rules (EventFileFormat.md §3 and §7.7)

    @Test func sessionStartInfoHasTheFieldNumbersOfTheSchema() {
        let data = HParamsPluginData(
            content: .sessionStartInfo(.init(hparams: ["lr": 0.5], startTime: 2)))
        let expected: [UInt8] =
            [0x1A, 0x1A]  // field 3 (session_start_info), length 26
            + [0x0A, 0x0F]  // field 1 (hparams map entry), length 15
            + [0x0A, 0x02, 0x6C, 0x72]  // entry key = 1: "lr"
            + [0x12, 0x09]  // entry value = 2: a Value of 9 bytes
            + [0x11, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F]  // Value.number_value = 2 (double): 0.5
            + [0x29, 0, 0, 0, 0, 0, 0, 0, 0x40]  // start_time_secs = 5 (double): 2.0
        #expect(PluginContentCodec.encode(data) == expected)
        #expect(PluginContentCodec.decodeHParams(expected) == data)
    }

    @Test func valueKindsUseTheirOwnFields() {
        let data = HParamsPluginData(
            content: .sessionStartInfo(.init(hparams: ["a": "x", "b": true, "c": false])))
        let expected: [UInt8] =
            [0x1A, 0x1C]  // field 3 (session_start_info), length 28; entries in key order:
            + [0x0A, 0x08, 0x0A, 0x01, 0x61, 0x12, 0x03, 0x1A, 0x01, 0x78]  // "a": string_value = 3 "x"
            + [0x0A, 0x07, 0x0A, 0x01, 0x62, 0x12, 0x02, 0x20, 0x01]  // "b": bool_value = 4 true
            + [0x0A, 0x07, 0x0A, 0x01, 0x63, 0x12, 0x02, 0x20, 0x00]  // "c": false, still written (a oneof)
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.hex(expected))
        #expect(PluginContentCodec.decodeHParams(expected) == data)
    }

    @Test func sessionEndInfoHasTheFieldNumbersOfTheSchema() {
        let data = HParamsPluginData(content: .sessionEndInfo(.init(status: .success, endTime: 2)))
        let expected: [UInt8] =
            [0x22, 0x0B]  // field 4 (session_end_info), length 11
            + [0x08, 0x01]  // status = 1: STATUS_SUCCESS
            + [0x11, 0, 0, 0, 0, 0, 0, 0, 0x40]  // end_time_secs = 2 (double): 2.0
        #expect(PluginContentCodec.encode(data) == expected)
        #expect(PluginContentCodec.decodeHParams(expected) == data)
    }

    @Test func experimentHasTheFieldNumbersOfTheSchema() {
        let experiment = HParamsPluginData.Experiment(
            hparamInfos: [.init(name: "n", type: .float64, domain: .interval(min: 0, max: 2))],
            metricInfos: [.init(name: .init(group: "g", tag: "t"), datasetType: .training)])
        let expected: [UInt8] =
            [0x12, 0x1E]  // field 2 (experiment), length 30
            + [0x22, 0x10]  // hparam_infos = 4, length 16
            + [0x0A, 0x01, 0x6E]  // name = 1: "n"
            + [0x20, 0x03]  // type = 4: DATA_TYPE_FLOAT64
            + [0x32, 0x09, 0x11, 0, 0, 0, 0, 0, 0, 0, 0x40]  // domain_interval = 6 {max_value = 2: 2.0}
            + [0x2A, 0x0A]  // metric_infos = 5, length 10
            + [0x0A, 0x06, 0x0A, 0x01, 0x67, 0x12, 0x01, 0x74]  // name = 1 {group = 1 "g", tag = 2 "t"}
            + [0x28, 0x01]  // dataset_type = 5: DATASET_TRAINING
        let data = HParamsPluginData(content: .experiment(experiment))
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.hex(expected))
        #expect(PluginContentCodec.decodeHParams(expected) == data)
    }

    // MARK: Bytes from the official Python protobuf

    // Produced once with TensorBoard 2.21.0's generated classes and protobuf 7.36.2 (the venv of
    // Scripts/python-venv.sh), serializing with `SerializeToString(deterministic=True)`:
    //
    //   from tensorboard.plugins.hparams import plugin_data_pb2, api_pb2
    //   start = plugin_data_pb2.HParamsPluginData(
    //       session_start_info=plugin_data_pb2.SessionStartInfo(start_time_secs=1700000000.5))
    //   s = start.session_start_info
    //   s.hparams["optimizer"].string_value = "adam"; s.hparams["lr"].number_value = 0.001
    //   s.hparams["batch"].number_value = 32; s.hparams["augment"].bool_value = True
    //   end = plugin_data_pb2.HParamsPluginData(session_end_info=plugin_data_pb2.SessionEndInfo(
    //       status=api_pb2.STATUS_SUCCESS, end_time_secs=1700000100.25))
    //   e = api_pb2.Experiment(description="d", time_created_secs=1700000000, name="exp")
    //   h = e.hparam_infos.add(name="lr", type=api_pb2.DATA_TYPE_FLOAT64)
    //   h.domain_interval.min_value = 1e-4; h.domain_interval.max_value = 0.1
    //   h = e.hparam_infos.add(name="optimizer", type=api_pb2.DATA_TYPE_STRING)
    //   h.domain_discrete.values.add(string_value="adam"); h.domain_discrete.values.add(string_value="sgd")
    //   h = e.hparam_infos.add(name="augment", type=api_pb2.DATA_TYPE_BOOL, differs=True)
    //   h.domain_discrete.values.add(bool_value=True); h.domain_discrete.values.add(bool_value=False)
    //   m = e.metric_infos.add(display_name="Acc", dataset_type=api_pb2.DATASET_VALIDATION)
    //   m.name.group = "validation"; m.name.tag = "accuracy"
    //   experiment = plugin_data_pb2.HParamsPluginData(experiment=e)
    //   empty = plugin_data_pb2.HParamsPluginData(session_start_info=plugin_data_pb2.SessionStartInfo())
    static let pythonSessionStart =
        "1a520a0d0a076175676d656e74120220010a120a05626174636812091100000000000040400a0f0a026c72120911fca9f1d24d62503f"
        + "0a130a096f7074696d697a657212061a046164616d2900002040fc54d941"
    static let pythonSessionEnd = "220b08011100001059fc54d941"
    static let pythonExperiment =
        "1287010a01641900000040fc54d941221a0a026c7220033212092d431cebe2361a3f119a9999999999b93f221e0a096f7074696d69"
        + "7a657220012a0f0a061a046164616d0a051a0373676422170a076175676d656e7420022a080a0220010a02200038012a1f0a160a"
        + "0a76616c69646174696f6e120861636375726163791a0341636328023203657870"
    static let pythonEmptySessionStart = "1a00"

    @Test func sessionStartMatchesPythonProtobuf() {
        let data = HParamsPluginData(
            content: .sessionStartInfo(
                .init(
                    hparams: ["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true],
                    startTime: 1_700_000_000.5)))
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.pythonSessionStart)
        #expect(PluginContentCodec.decodeHParams(Self.bytes(Self.pythonSessionStart)) == data)
    }

    @Test func sessionEndMatchesPythonProtobuf() {
        let data = HParamsPluginData(content: .sessionEndInfo(.init(status: .success, endTime: 1_700_000_100.25)))
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.pythonSessionEnd)
        #expect(PluginContentCodec.decodeHParams(Self.bytes(Self.pythonSessionEnd)) == data)
    }

    @Test func experimentMatchesPythonProtobuf() {
        let experiment = HParamsPluginData.Experiment(
            description: "d", timeCreated: 1_700_000_000,
            hparamInfos: [
                .init(name: "lr", type: .float64, domain: .interval(min: 1e-4, max: 0.1)),
                .init(name: "optimizer", type: .string, domain: .discrete(["adam", "sgd"])),
                .init(name: "augment", type: .bool, domain: .discrete([true, false]), differs: true),
            ],
            metricInfos: [
                .init(name: .init(group: "validation", tag: "accuracy"), displayName: "Acc", datasetType: .validation)
            ],
            name: "exp")
        let data = HParamsPluginData(content: .experiment(experiment))
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.pythonExperiment)
        #expect(PluginContentCodec.decodeHParams(Self.bytes(Self.pythonExperiment)) == data)
    }

    @Test func emptySessionStartIsStillWrittenAsTheOneofCase() {
        let data = HParamsPluginData(content: .sessionStartInfo(.init(hparams: [:])))
        #expect(Self.hex(PluginContentCodec.encode(data)) == Self.pythonEmptySessionStart)
        #expect(PluginContentCodec.decodeHParams([0x1A, 0x00]) == data)
    }

    // MARK: Decoding what others write

    @Test func emptyContentIsVersionZeroWithNothingSet() {
        #expect(PluginContentCodec.decodeHParams([]) == HParamsPluginData(content: nil))
        #expect(PluginContentCodec.encode(HParamsPluginData(content: nil)) == [])
    }

    @Test func rejectsBytesThatAreNotAMessage() {
        #expect(PluginContentCodec.decodeHParams([0x1A, 0x05, 0x00]) == nil)  // length past the end
        #expect(PluginContentCodec.decodeHParams([0xFF]) == nil)
    }

    @Test func skipsValueKindsTensorBoardIgnores() {
        // {"n": null_value, "l": list_value [], "s": string_value "x"}, hand-encoded.
        let bytes: [UInt8] =
            [0x1A, 0x1C]
            + [0x0A, 0x07, 0x0A, 0x01, 0x6E, 0x12, 0x02, 0x08, 0x00]  // null_value = 1
            + [0x0A, 0x07, 0x0A, 0x01, 0x6C, 0x12, 0x02, 0x32, 0x00]  // list_value = 6, empty
            + [0x0A, 0x08, 0x0A, 0x01, 0x73, 0x12, 0x03, 0x1A, 0x01, 0x78]  // string_value = 3
        let expected = HParamsPluginData(content: .sessionStartInfo(.init(hparams: ["s": "x"])))
        #expect(PluginContentCodec.decodeHParams(bytes) == expected)
    }

    @Test func keepsUnknownEnumValuesAndVersions() {
        let bytes: [UInt8] = [0x08, 0x07, 0x22, 0x02, 0x08, 0x09]  // version 7, status 9
        let data = PluginContentCodec.decodeHParams(bytes)
        #expect(data == HParamsPluginData(version: 7, content: .sessionEndInfo(.init(status: .init(rawValue: 9)))))
    }

    // MARK: Other plugins

    @Test func versionOnlyContentIsEmptyAtVersionZero() {
        #expect(PluginContentCodec.encode(PluginContent.Versioned()) == [])
        #expect(PluginContentCodec.encode(PluginContent.Versioned(version: 2)) == [0x08, 0x02])
        #expect(PluginContentCodec.decodeVersioned([]) == PluginContent.Versioned())
        #expect(PluginContentCodec.decodeVersioned([0x08, 0x02]) == PluginContent.Versioned(version: 2))
    }

    @Test func imageAudioAndPrCurveContentRoundTrip() {
        let image = PluginContent.Image(version: 0, convertedToTensor: true)
        #expect(PluginContentCodec.encode(image) == [0x10, 0x01])
        #expect(PluginContentCodec.decodeImage([0x10, 0x01]) == image)

        let audio = PluginContent.Audio(encoding: .wav)
        #expect(PluginContentCodec.encode(audio) == [0x10, 0x0B])
        #expect(PluginContentCodec.decodeAudio([0x10, 0x0B]) == audio)

        let curve = PluginContent.PrCurve(thresholdCount: 201)
        #expect(PluginContentCodec.encode(curve) == [0x10, 0xC9, 0x01])
        #expect(PluginContentCodec.decodePrCurve([0x10, 0xC9, 0x01]) == curve)
        #expect(PluginContentCodec.decodePrCurve([0x10]) == nil)
    }
}
