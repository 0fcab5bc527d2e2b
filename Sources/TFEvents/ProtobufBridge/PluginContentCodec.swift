internal import CProtobufC
internal import CTensorBoardProto

/// Serializes and parses plugin content messages (``HParamsPluginData`` and ``PluginContent``)
/// with protobuf-c, like ``ProtobufEncoder`` and ``ProtobufDecoder`` do for events.
///
/// These bytes live in ``SummaryMetadata/PluginData/content``. Decoding returns `nil` only for
/// bytes that are not a valid message; empty bytes are a valid message with every field at its
/// default (version 0, nothing set).
enum PluginContentCodec {
    // MARK: hparams

    /// The wire bytes of `data`. Map entries are written in key order, so equal values always
    /// give equal bytes (as the official serializer does with `deterministic=True`).
    static func encode(_ data: HParamsPluginData) -> [UInt8] {
        let arena = CArena()
        return ProtobufEncoder.pack(arena.hparamsPluginData(data))
    }

    /// The hparams plugin data in `bytes`, or `nil` when they are not a valid message.
    static func decodeHParams(_ bytes: [UInt8]) -> HParamsPluginData? {
        // protobuf-c recurses into nested values: refuse what would overflow the stack.
        guard bytes.withUnsafeBytes({ NestingGuard.hparamsContentIsShallowEnough($0) }) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> HParamsPluginData? in
            guard let message = tensorboard__hparams__hparams_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__hparams__hparams_plugin_data__free_unpacked(message, nil) }
            return hparamsPluginData(message.pointee)
        }
    }

    // MARK: Other plugins

    /// The wire bytes of a version-only content (`ScalarPluginData`, `HistogramPluginData`,
    /// `TextPluginData`); empty for version 0.
    static func encode(_ content: PluginContent.Versioned) -> [UInt8] {
        var message = Tensorboard__ScalarPluginData()
        tensorboard__scalar_plugin_data__init(&message)
        message.version = content.version
        return ProtobufEncoder.pack(&message)
    }

    /// The version-only content in `bytes`, or `nil` when they are not a valid message.
    static func decodeVersioned(_ bytes: [UInt8]) -> PluginContent.Versioned? {
        bytes.withUnsafeBufferPointer { buffer -> PluginContent.Versioned? in
            guard let message = tensorboard__scalar_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__scalar_plugin_data__free_unpacked(message, nil) }
            return PluginContent.Versioned(version: message.pointee.version)
        }
    }

    /// The wire bytes of `ImagePluginData`.
    static func encode(_ content: PluginContent.Image) -> [UInt8] {
        var message = Tensorboard__ImagePluginData()
        tensorboard__image_plugin_data__init(&message)
        message.version = content.version
        message.converted_to_tensor = content.convertedToTensor ? 1 : 0
        return ProtobufEncoder.pack(&message)
    }

    /// The `ImagePluginData` in `bytes`, or `nil` when they are not a valid message.
    static func decodeImage(_ bytes: [UInt8]) -> PluginContent.Image? {
        bytes.withUnsafeBufferPointer { buffer -> PluginContent.Image? in
            guard let message = tensorboard__image_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__image_plugin_data__free_unpacked(message, nil) }
            return PluginContent.Image(
                version: message.pointee.version, convertedToTensor: message.pointee.converted_to_tensor != 0)
        }
    }

    /// The wire bytes of `AudioPluginData`.
    static func encode(_ content: PluginContent.Audio) -> [UInt8] {
        var message = Tensorboard__AudioPluginData()
        tensorboard__audio_plugin_data__init(&message)
        message.version = content.version
        message.encoding = Tensorboard__AudioPluginData__Encoding(
            rawValue: UInt32(bitPattern: content.encoding.rawValue))
        message.converted_to_tensor = content.convertedToTensor ? 1 : 0
        return ProtobufEncoder.pack(&message)
    }

    /// The `AudioPluginData` in `bytes`, or `nil` when they are not a valid message.
    static func decodeAudio(_ bytes: [UInt8]) -> PluginContent.Audio? {
        bytes.withUnsafeBufferPointer { buffer -> PluginContent.Audio? in
            guard let message = tensorboard__audio_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__audio_plugin_data__free_unpacked(message, nil) }
            return PluginContent.Audio(
                version: message.pointee.version,
                encoding: .init(rawValue: Int32(bitPattern: message.pointee.encoding.rawValue)),
                convertedToTensor: message.pointee.converted_to_tensor != 0)
        }
    }

    /// The wire bytes of `PrCurvePluginData`.
    static func encode(_ content: PluginContent.PrCurve) -> [UInt8] {
        var message = Tensorboard__PrCurvePluginData()
        tensorboard__pr_curve_plugin_data__init(&message)
        message.version = content.version
        message.num_thresholds = content.thresholdCount
        return ProtobufEncoder.pack(&message)
    }

    /// The `PrCurvePluginData` in `bytes`, or `nil` when they are not a valid message.
    static func decodePrCurve(_ bytes: [UInt8]) -> PluginContent.PrCurve? {
        bytes.withUnsafeBufferPointer { buffer -> PluginContent.PrCurve? in
            guard let message = tensorboard__pr_curve_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__pr_curve_plugin_data__free_unpacked(message, nil) }
            return PluginContent.PrCurve(
                version: message.pointee.version, thresholdCount: message.pointee.num_thresholds)
        }
    }

    // MARK: hparams, C to Swift

    static func hparamsPluginData(_ c: Tensorboard__Hparams__HParamsPluginData) -> HParamsPluginData {
        var data = HParamsPluginData(version: c.version, content: nil)
        switch c.data_case {
        case TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_EXPERIMENT:
            if let experiment = c.experiment?.pointee {
                data.content = .experiment(self.experiment(experiment))
            }
        case TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_SESSION_START_INFO:
            if let start = c.session_start_info?.pointee {
                data.content = .sessionStartInfo(sessionStartInfo(start))
            }
        case TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_SESSION_END_INFO:
            if let end = c.session_end_info?.pointee {
                data.content = .sessionEndInfo(
                    HParamsPluginData.SessionEndInfo(
                        status: .init(rawValue: Int32(bitPattern: end.status.rawValue)), endTime: end.end_time_secs))
            }
        default:
            break
        }
        return data
    }

    static func experiment(_ c: Tensorboard__Hparams__Experiment) -> HParamsPluginData.Experiment {
        var hparamInfos: [HParamsPluginData.HParamInfo] = []
        for index in 0..<c.n_hparam_infos {
            if let info = c.hparam_infos[index]?.pointee {
                hparamInfos.append(hparamInfo(info))
            }
        }
        var metricInfos: [HParamsPluginData.MetricInfo] = []
        for index in 0..<c.n_metric_infos {
            if let info = c.metric_infos[index]?.pointee {
                let name = info.name?.pointee
                metricInfos.append(
                    HParamsPluginData.MetricInfo(
                        name: HParamsPluginData.MetricName(
                            group: ProtobufDecoder.string(name?.group), tag: ProtobufDecoder.string(name?.tag)),
                        displayName: ProtobufDecoder.string(info.display_name),
                        description: ProtobufDecoder.string(info.description),
                        datasetType: .init(rawValue: Int32(bitPattern: info.dataset_type.rawValue))))
            }
        }
        return HParamsPluginData.Experiment(
            description: ProtobufDecoder.string(c.description), user: ProtobufDecoder.string(c.user),
            timeCreated: c.time_created_secs, hparamInfos: hparamInfos, metricInfos: metricInfos,
            name: ProtobufDecoder.string(c.name))
    }

    static func hparamInfo(_ c: Tensorboard__Hparams__HParamInfo) -> HParamsPluginData.HParamInfo {
        var info = HParamsPluginData.HParamInfo(
            name: ProtobufDecoder.string(c.name), displayName: ProtobufDecoder.string(c.display_name),
            description: ProtobufDecoder.string(c.description),
            type: .init(rawValue: Int32(bitPattern: c.type.rawValue)), differs: c.differs != 0)
        switch c.domain_case {
        case TENSORBOARD__HPARAMS__HPARAM_INFO__DOMAIN_DOMAIN_DISCRETE:
            var values: [HParamValue] = []
            if let list = c.domain_discrete?.pointee {
                for index in 0..<list.n_values {
                    if let value = list.values[index].flatMap({ hparamValue($0.pointee) }) {
                        values.append(value)
                    }
                }
            }
            info.domain = .discrete(values)
        case TENSORBOARD__HPARAMS__HPARAM_INFO__DOMAIN_DOMAIN_INTERVAL:
            let interval = c.domain_interval?.pointee
            info.domain = .interval(min: interval?.min_value ?? 0, max: interval?.max_value ?? 0)
        default:
            break
        }
        return info
    }

    static func sessionStartInfo(_ c: Tensorboard__Hparams__SessionStartInfo) -> HParamsPluginData.SessionStartInfo {
        var hparams: [String: HParamValue] = [:]
        for index in 0..<c.n_hparams {
            guard let entry = c.hparams[index]?.pointee else { continue }
            // A map entry without a value holds the default Value, which has no kind.
            if let value = entry.value.flatMap({ hparamValue($0.pointee) }) {
                hparams[ProtobufDecoder.string(entry.key)] = value  // the last entry for a key wins
            }
        }
        return HParamsPluginData.SessionStartInfo(
            hparams: hparams, modelURI: ProtobufDecoder.string(c.model_uri),
            monitorURL: ProtobufDecoder.string(c.monitor_url), groupName: ProtobufDecoder.string(c.group_name),
            startTime: c.start_time_secs)
    }

    /// A string, number or Boolean `google.protobuf.Value`; `nil` for the other kinds, which
    /// TensorBoard's hparams plugin ignores too.
    static func hparamValue(_ c: Google__Protobuf__Value) -> HParamValue? {
        switch c.kind_case {
        case GOOGLE__PROTOBUF__VALUE__KIND_NUMBER_VALUE: .number(c.number_value)
        case GOOGLE__PROTOBUF__VALUE__KIND_STRING_VALUE: .string(ProtobufDecoder.string(c.string_value))
        case GOOGLE__PROTOBUF__VALUE__KIND_BOOL_VALUE: .bool(c.bool_value != 0)
        default: nil
        }
    }
}

// MARK: hparams, Swift to C

extension CArena {
    func hparamsPluginData(_ data: HParamsPluginData) -> UnsafeMutablePointer<Tensorboard__Hparams__HParamsPluginData> {
        let message = self.message(
            Tensorboard__Hparams__HParamsPluginData.self, tensorboard__hparams__hparams_plugin_data__init)
        message.pointee.version = data.version
        switch data.content {
        case nil:
            break
        case .experiment(let experiment):
            message.pointee.data_case = TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_EXPERIMENT
            message.pointee.experiment = self.experiment(experiment)
        case .sessionStartInfo(let start):
            message.pointee.data_case = TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_SESSION_START_INFO
            message.pointee.session_start_info = sessionStartInfo(start)
        case .sessionEndInfo(let end):
            let c = self.message(
                Tensorboard__Hparams__SessionEndInfo.self, tensorboard__hparams__session_end_info__init)
            c.pointee.status = Tensorboard__Hparams__Status(rawValue: UInt32(bitPattern: end.status.rawValue))
            c.pointee.end_time_secs = end.endTime
            message.pointee.data_case = TENSORBOARD__HPARAMS__HPARAMS_PLUGIN_DATA__DATA_SESSION_END_INFO
            message.pointee.session_end_info = c
        }
        return message
    }

    func experiment(
        _ experiment: HParamsPluginData.Experiment
    ) -> UnsafeMutablePointer<Tensorboard__Hparams__Experiment> {
        let message = self.message(Tensorboard__Hparams__Experiment.self, tensorboard__hparams__experiment__init)
        message.pointee.description = cString(experiment.description)
        message.pointee.user = cString(experiment.user)
        message.pointee.time_created_secs = experiment.timeCreated
        let hparamInfos = experiment.hparamInfos.map {
            hparamInfo($0) as UnsafeMutablePointer<Tensorboard__Hparams__HParamInfo>?
        }
        message.pointee.n_hparam_infos = hparamInfos.count
        message.pointee.hparam_infos = array(hparamInfos)
        let metricInfos = experiment.metricInfos.map {
            metricInfo($0) as UnsafeMutablePointer<Tensorboard__Hparams__MetricInfo>?
        }
        message.pointee.n_metric_infos = metricInfos.count
        message.pointee.metric_infos = array(metricInfos)
        message.pointee.name = cString(experiment.name)
        return message
    }

    func hparamInfo(_ info: HParamsPluginData.HParamInfo) -> UnsafeMutablePointer<Tensorboard__Hparams__HParamInfo> {
        let message = self.message(Tensorboard__Hparams__HParamInfo.self, tensorboard__hparams__hparam_info__init)
        message.pointee.name = cString(info.name)
        message.pointee.display_name = cString(info.displayName)
        message.pointee.description = cString(info.description)
        message.pointee.type = Tensorboard__Hparams__DataType(rawValue: UInt32(bitPattern: info.type.rawValue))
        message.pointee.differs = info.differs ? 1 : 0
        switch info.domain {
        case nil:
            break
        case .discrete(let values):
            let list = self.message(Google__Protobuf__ListValue.self, google__protobuf__list_value__init)
            let items = values.map { value($0) as UnsafeMutablePointer<Google__Protobuf__Value>? }
            list.pointee.n_values = items.count
            list.pointee.values = array(items)
            message.pointee.domain_case = TENSORBOARD__HPARAMS__HPARAM_INFO__DOMAIN_DOMAIN_DISCRETE
            message.pointee.domain_discrete = list
        case .interval(let min, let max):
            let interval = self.message(Tensorboard__Hparams__Interval.self, tensorboard__hparams__interval__init)
            interval.pointee.min_value = min
            interval.pointee.max_value = max
            message.pointee.domain_case = TENSORBOARD__HPARAMS__HPARAM_INFO__DOMAIN_DOMAIN_INTERVAL
            message.pointee.domain_interval = interval
        }
        return message
    }

    func metricInfo(_ info: HParamsPluginData.MetricInfo) -> UnsafeMutablePointer<Tensorboard__Hparams__MetricInfo> {
        let message = self.message(Tensorboard__Hparams__MetricInfo.self, tensorboard__hparams__metric_info__init)
        let name = self.message(Tensorboard__Hparams__MetricName.self, tensorboard__hparams__metric_name__init)
        name.pointee.group = cString(info.name.group)
        name.pointee.tag = cString(info.name.tag)
        message.pointee.name = name
        message.pointee.display_name = cString(info.displayName)
        message.pointee.description = cString(info.description)
        message.pointee.dataset_type = Tensorboard__Hparams__DatasetType(
            rawValue: UInt32(bitPattern: info.datasetType.rawValue))
        return message
    }

    func sessionStartInfo(
        _ start: HParamsPluginData.SessionStartInfo
    ) -> UnsafeMutablePointer<Tensorboard__Hparams__SessionStartInfo> {
        let message = self.message(
            Tensorboard__Hparams__SessionStartInfo.self, tensorboard__hparams__session_start_info__init)
        let entries = start.hparams.sorted { $0.key < $1.key }.map {
            (key, hparam) -> UnsafeMutablePointer<Tensorboard__Hparams__SessionStartInfo__HparamsEntry>? in
            let entry = self.message(
                Tensorboard__Hparams__SessionStartInfo__HparamsEntry.self,
                tensorboard__hparams__session_start_info__hparams_entry__init)
            entry.pointee.key = cString(key)
            entry.pointee.value = value(hparam)
            return entry
        }
        message.pointee.n_hparams = entries.count
        message.pointee.hparams = array(entries)
        message.pointee.model_uri = cString(start.modelURI)
        message.pointee.monitor_url = cString(start.monitorURL)
        message.pointee.group_name = cString(start.groupName)
        message.pointee.start_time_secs = start.startTime
        return message
    }

    func value(_ hparam: HParamValue) -> UnsafeMutablePointer<Google__Protobuf__Value> {
        let message = self.message(Google__Protobuf__Value.self, google__protobuf__value__init)
        switch hparam {
        case .string(let string):
            message.pointee.kind_case = GOOGLE__PROTOBUF__VALUE__KIND_STRING_VALUE
            message.pointee.string_value = cString(string)
        case .number(let number):
            message.pointee.kind_case = GOOGLE__PROTOBUF__VALUE__KIND_NUMBER_VALUE
            message.pointee.number_value = number
        case .bool(let bool):
            message.pointee.kind_case = GOOGLE__PROTOBUF__VALUE__KIND_BOOL_VALUE
            message.pointee.bool_value = bool ? 1 : 0
        }
        return message
    }
}
