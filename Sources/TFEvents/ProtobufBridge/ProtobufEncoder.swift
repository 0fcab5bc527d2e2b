internal import CProtobufC
internal import CTensorBoardProto

/// Serializes ``Event`` values with protobuf-c, the reference codec.
///
/// Each Swift value is copied into the generated C structs (in a ``CArena``) and packed by
/// protobuf-c, which writes fields in ascending number order and leaves proto3 defaults out,
/// exactly as TensorFlow's serializer does.
enum ProtobufEncoder {
    /// The wire bytes of `event`.
    static func encode(_ event: Event) -> [UInt8] {
        let arena = CArena()
        return pack(arena.event(event))
    }

    /// The wire bytes of a protobuf-c message struct.
    static func pack<Message>(_ message: UnsafeMutablePointer<Message>) -> [UInt8] {
        // Every generated struct starts with its ProtobufCMessage header.
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : protobuf_c_message_pack(base, buffer.baseAddress)
        }
    }
}

extension CArena {
    func event(_ event: Event) -> UnsafeMutablePointer<Tensorboard__Event> {
        let message = self.message(Tensorboard__Event.self, tensorboard__event__init)
        message.pointee.wall_time = event.wallTime
        message.pointee.step = event.step
        if let source = event.sourceMetadata {
            let metadata = self.message(Tensorboard__SourceMetadata.self, tensorboard__source_metadata__init)
            metadata.pointee.writer = cString(source.writer)
            message.pointee.source_metadata = metadata
        }
        switch event.what {
        case nil:
            break
        case .fileVersion(let version):
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_FILE_VERSION
            message.pointee.file_version = cString(version)
        case .graphDef(let bytes):
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_GRAPH_DEF
            message.pointee.graph_def = binary(bytes)
        case .summary(let summary):
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_SUMMARY
            message.pointee.summary = self.summary(summary)
        case .logMessage(let log):
            let c = self.message(Tensorboard__LogMessage.self, tensorboard__log_message__init)
            c.pointee.level = Tensorboard__LogMessage__Level(rawValue: UInt32(bitPattern: log.level.rawValue))
            c.pointee.message = cString(log.message)
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_LOG_MESSAGE
            message.pointee.log_message = c
        case .sessionLog(let log):
            let c = self.message(Tensorboard__SessionLog.self, tensorboard__session_log__init)
            c.pointee.status = Tensorboard__SessionLog__SessionStatus(
                rawValue: UInt32(bitPattern: log.status.rawValue))
            c.pointee.checkpoint_path = cString(log.checkpointPath)
            c.pointee.msg = cString(log.message)
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_SESSION_LOG
            message.pointee.session_log = c
        case .taggedRunMetadata(let tagged):
            let c = self.message(Tensorboard__TaggedRunMetadata.self, tensorboard__tagged_run_metadata__init)
            c.pointee.tag = cString(tagged.tag)
            c.pointee.run_metadata = binary(tagged.runMetadata)
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_TAGGED_RUN_METADATA
            message.pointee.tagged_run_metadata = c
        case .metaGraphDef(let bytes):
            message.pointee.what_case = TENSORBOARD__EVENT__WHAT_META_GRAPH_DEF
            message.pointee.meta_graph_def = binary(bytes)
        }
        return message
    }

    func summary(_ summary: Summary) -> UnsafeMutablePointer<Tensorboard__Summary> {
        let message = self.message(Tensorboard__Summary.self, tensorboard__summary__init)
        let values = summary.values.map { self.value($0) as UnsafeMutablePointer<Tensorboard__Summary__Value>? }
        message.pointee.n_value = values.count
        message.pointee.value = array(values)
        return message
    }

    func value(_ value: Summary.Value) -> UnsafeMutablePointer<Tensorboard__Summary__Value> {
        let message = self.message(Tensorboard__Summary__Value.self, tensorboard__summary__value__init)
        message.pointee.tag = cString(value.tag)
        message.pointee.node_name = cString(value.nodeName)
        if let metadata = value.metadata {
            message.pointee.metadata = summaryMetadata(metadata)
        }
        switch value.content {
        case nil:
            break
        case .simpleValue(let number):
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_SIMPLE_VALUE
            message.pointee.simple_value = number
        case .obsoleteOldStyleHistogram(let bytes):
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_OBSOLETE_OLD_STYLE_HISTOGRAM
            message.pointee.obsolete_old_style_histogram = binary(bytes)
        case .image(let image):
            let c = self.message(Tensorboard__Summary__Image.self, tensorboard__summary__image__init)
            c.pointee.height = image.height
            c.pointee.width = image.width
            c.pointee.colorspace = image.colorspace
            c.pointee.encoded_image_string = binary(image.encodedImage)
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_IMAGE
            message.pointee.image = c
        case .histogram(let histogram):
            let c = self.message(Tensorboard__HistogramProto.self, tensorboard__histogram_proto__init)
            c.pointee.min = histogram.min
            c.pointee.max = histogram.max
            c.pointee.num = histogram.num
            c.pointee.sum = histogram.sum
            c.pointee.sum_squares = histogram.sumSquares
            c.pointee.n_bucket_limit = histogram.bucketLimits.count
            c.pointee.bucket_limit = array(histogram.bucketLimits)
            c.pointee.n_bucket = histogram.bucketCounts.count
            c.pointee.bucket = array(histogram.bucketCounts)
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_HISTO
            message.pointee.histo = c
        case .audio(let audio):
            let c = self.message(Tensorboard__Summary__Audio.self, tensorboard__summary__audio__init)
            c.pointee.sample_rate = audio.sampleRate
            c.pointee.num_channels = audio.channelCount
            c.pointee.length_frames = audio.frameCount
            c.pointee.encoded_audio_string = binary(audio.encodedAudio)
            c.pointee.content_type = cString(audio.contentType)
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_AUDIO
            message.pointee.audio = c
        case .tensor(let tensor):
            message.pointee.value_case = TENSORBOARD__SUMMARY__VALUE__VALUE_TENSOR
            message.pointee.tensor = self.tensor(tensor)
        }
        return message
    }

    func summaryMetadata(_ metadata: SummaryMetadata) -> UnsafeMutablePointer<Tensorboard__SummaryMetadata> {
        let message = self.message(Tensorboard__SummaryMetadata.self, tensorboard__summary_metadata__init)
        if let plugin = metadata.pluginData {
            let c = self.message(
                Tensorboard__SummaryMetadata__PluginData.self, tensorboard__summary_metadata__plugin_data__init)
            c.pointee.plugin_name = cString(plugin.pluginName)
            c.pointee.content = binary(plugin.content)
            message.pointee.plugin_data = c
        }
        message.pointee.display_name = cString(metadata.displayName)
        message.pointee.summary_description = cString(metadata.summaryDescription)
        message.pointee.data_class = Tensorboard__DataClass(rawValue: UInt32(bitPattern: metadata.dataClass.rawValue))
        return message
    }

    func tensor(_ tensor: TensorProto) -> UnsafeMutablePointer<Tensorboard__TensorProto> {
        let message = self.message(Tensorboard__TensorProto.self, tensorboard__tensor_proto__init)
        message.pointee.dtype = Tensorboard__DataType(rawValue: UInt32(bitPattern: tensor.dtype.rawValue))
        if let shape = tensor.shape {
            message.pointee.tensor_shape = tensorShape(shape)
        }
        message.pointee.version_number = tensor.versionNumber
        message.pointee.tensor_content = binary(tensor.tensorContent)
        message.pointee.n_half_val = tensor.halfValues.count
        message.pointee.half_val = array(tensor.halfValues)
        message.pointee.n_float_val = tensor.floatValues.count
        message.pointee.float_val = array(tensor.floatValues)
        message.pointee.n_double_val = tensor.doubleValues.count
        message.pointee.double_val = array(tensor.doubleValues)
        message.pointee.n_int_val = tensor.intValues.count
        message.pointee.int_val = array(tensor.intValues)
        message.pointee.n_string_val = tensor.stringValues.count
        message.pointee.string_val = array(tensor.stringValues.map { binary($0) })
        message.pointee.n_scomplex_val = tensor.scomplexValues.count
        message.pointee.scomplex_val = array(tensor.scomplexValues)
        message.pointee.n_int64_val = tensor.int64Values.count
        message.pointee.int64_val = array(tensor.int64Values)
        message.pointee.n_bool_val = tensor.boolValues.count
        message.pointee.bool_val = array(tensor.boolValues.map { $0 ? 1 : 0 })
        message.pointee.n_dcomplex_val = tensor.dcomplexValues.count
        message.pointee.dcomplex_val = array(tensor.dcomplexValues)
        message.pointee.n_uint32_val = tensor.uint32Values.count
        message.pointee.uint32_val = array(tensor.uint32Values)
        message.pointee.n_uint64_val = tensor.uint64Values.count
        message.pointee.uint64_val = array(tensor.uint64Values)
        message.pointee.float8_val = binary(tensor.float8Values)
        return message
    }

    func tensorShape(_ shape: TensorShapeProto) -> UnsafeMutablePointer<Tensorboard__TensorShapeProto> {
        let message = self.message(Tensorboard__TensorShapeProto.self, tensorboard__tensor_shape_proto__init)
        let dims = shape.dimensions.map { dimension -> UnsafeMutablePointer<Tensorboard__TensorShapeProto__Dim>? in
            let dim = self.message(
                Tensorboard__TensorShapeProto__Dim.self, tensorboard__tensor_shape_proto__dim__init)
            dim.pointee.size = dimension.size
            dim.pointee.name = cString(dimension.name)
            return dim
        }
        message.pointee.n_dim = dims.count
        message.pointee.dim = array(dims)
        message.pointee.unknown_rank = shape.unknownRank ? 1 : 0
        return message
    }
}
