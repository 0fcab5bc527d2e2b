internal import CProtobufC
internal import CTensorBoardProto

/// Parses ``Event`` values with protobuf-c, the reference codec.
///
/// protobuf-c accepts fields in any order, skips unknown fields, takes the last occurrence of a
/// scalar field, merges repeated sub-messages and reads both packed and unpacked repeated
/// numbers, which is everything the format asks of a reader (EventFileFormat.md §3); the one
/// exception, repeated `oneof` message members, is mended by ``OneofCoalescer`` first.
enum ProtobufDecoder {
    /// The event in `bytes`, or `nil` when they are not a valid `Event` message.
    static func decodeEvent(_ bytes: UnsafeRawBufferPointer) -> Event? {
        if let coalesced = OneofCoalescer.coalesceEvent(bytes) {
            return coalesced.withUnsafeBytes { unpackEvent($0) }
        }
        return unpackEvent(bytes)
    }

    private static func unpackEvent(_ bytes: UnsafeRawBufferPointer) -> Event? {
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let message = tensorboard__event__unpack(nil, bytes.count, data) else { return nil }
        defer { tensorboard__event__free_unpacked(message, nil) }
        return event(message.pointee)
    }

    /// The event in `bytes`, or `nil` when they are not a valid `Event` message.
    static func decodeEvent(_ bytes: [UInt8]) -> Event? {
        bytes.withUnsafeBytes { decodeEvent($0) }
    }

    static func event(_ c: Tensorboard__Event) -> Event {
        var event = Event(wallTime: c.wall_time, step: c.step)
        if let source = c.source_metadata {
            event.sourceMetadata = Event.SourceMetadata(writer: string(source.pointee.writer))
        }
        switch c.what_case {
        case TENSORBOARD__EVENT__WHAT_FILE_VERSION:
            event.what = .fileVersion(string(c.file_version))
        case TENSORBOARD__EVENT__WHAT_GRAPH_DEF:
            event.what = .graphDef(bytes(c.graph_def))
        case TENSORBOARD__EVENT__WHAT_SUMMARY:
            event.what = .summary(c.summary.map { summary($0.pointee) } ?? Summary())
        case TENSORBOARD__EVENT__WHAT_LOG_MESSAGE:
            if let log = c.log_message?.pointee {
                event.what = .logMessage(
                    Event.LogMessage(
                        level: .init(rawValue: Int32(bitPattern: log.level.rawValue)),
                        message: string(log.message)))
            }
        case TENSORBOARD__EVENT__WHAT_SESSION_LOG:
            if let log = c.session_log?.pointee {
                event.what = .sessionLog(
                    Event.SessionLog(
                        status: .init(rawValue: Int32(bitPattern: log.status.rawValue)),
                        checkpointPath: string(log.checkpoint_path),
                        message: string(log.msg)))
            }
        case TENSORBOARD__EVENT__WHAT_TAGGED_RUN_METADATA:
            if let tagged = c.tagged_run_metadata?.pointee {
                event.what = .taggedRunMetadata(
                    Event.TaggedRunMetadata(tag: string(tagged.tag), runMetadata: bytes(tagged.run_metadata)))
            }
        case TENSORBOARD__EVENT__WHAT_META_GRAPH_DEF:
            event.what = .metaGraphDef(bytes(c.meta_graph_def))
        default:
            break
        }
        return event
    }

    static func summary(_ c: Tensorboard__Summary) -> Summary {
        var values: [Summary.Value] = []
        values.reserveCapacity(c.n_value)
        for index in 0..<c.n_value {
            if let value = c.value[index] {
                values.append(self.value(value.pointee))
            }
        }
        return Summary(values: values)
    }

    static func value(_ c: Tensorboard__Summary__Value) -> Summary.Value {
        var value = Summary.Value(tag: string(c.tag), nodeName: string(c.node_name), content: nil)
        if let metadata = c.metadata {
            value.metadata = summaryMetadata(metadata.pointee)
        }
        switch c.value_case {
        case TENSORBOARD__SUMMARY__VALUE__VALUE_SIMPLE_VALUE:
            value.content = .simpleValue(c.simple_value)
        case TENSORBOARD__SUMMARY__VALUE__VALUE_OBSOLETE_OLD_STYLE_HISTOGRAM:
            value.content = .obsoleteOldStyleHistogram(bytes(c.obsolete_old_style_histogram))
        case TENSORBOARD__SUMMARY__VALUE__VALUE_IMAGE:
            if let image = c.image?.pointee {
                value.content = .image(
                    Summary.Image(
                        height: image.height, width: image.width, colorspace: image.colorspace,
                        encodedImage: bytes(image.encoded_image_string)))
            }
        case TENSORBOARD__SUMMARY__VALUE__VALUE_HISTO:
            if let histogram = c.histo?.pointee {
                value.content = .histogram(
                    HistogramProto(
                        min: histogram.min, max: histogram.max, num: histogram.num, sum: histogram.sum,
                        sumSquares: histogram.sum_squares,
                        bucketLimits: array(histogram.bucket_limit, histogram.n_bucket_limit),
                        bucketCounts: array(histogram.bucket, histogram.n_bucket)))
            }
        case TENSORBOARD__SUMMARY__VALUE__VALUE_AUDIO:
            if let audio = c.audio?.pointee {
                value.content = .audio(
                    Summary.Audio(
                        sampleRate: audio.sample_rate, channelCount: audio.num_channels,
                        frameCount: audio.length_frames, encodedAudio: bytes(audio.encoded_audio_string),
                        contentType: string(audio.content_type)))
            }
        case TENSORBOARD__SUMMARY__VALUE__VALUE_TENSOR:
            if let tensor = c.tensor?.pointee {
                value.content = .tensor(self.tensor(tensor))
            }
        default:
            break
        }
        return value
    }

    static func summaryMetadata(_ c: Tensorboard__SummaryMetadata) -> SummaryMetadata {
        var metadata = SummaryMetadata(
            displayName: string(c.display_name), summaryDescription: string(c.summary_description),
            dataClass: .init(rawValue: Int32(bitPattern: c.data_class.rawValue)))
        if let plugin = c.plugin_data?.pointee {
            metadata.pluginData = SummaryMetadata.PluginData(
                pluginName: string(plugin.plugin_name), content: bytes(plugin.content))
        }
        return metadata
    }

    static func tensor(_ c: Tensorboard__TensorProto) -> TensorProto {
        TensorProto(
            dtype: DataType(rawValue: Int32(bitPattern: c.dtype.rawValue)),
            shape: c.tensor_shape.map { tensorShape($0.pointee) },
            versionNumber: c.version_number,
            tensorContent: bytes(c.tensor_content),
            halfValues: array(c.half_val, c.n_half_val),
            floatValues: array(c.float_val, c.n_float_val),
            doubleValues: array(c.double_val, c.n_double_val),
            intValues: array(c.int_val, c.n_int_val),
            stringValues: (0..<c.n_string_val).map { bytes(c.string_val[$0]) },
            scomplexValues: array(c.scomplex_val, c.n_scomplex_val),
            int64Values: array(c.int64_val, c.n_int64_val),
            boolValues: array(c.bool_val, c.n_bool_val).map { $0 != 0 },
            dcomplexValues: array(c.dcomplex_val, c.n_dcomplex_val),
            uint32Values: array(c.uint32_val, c.n_uint32_val),
            uint64Values: array(c.uint64_val, c.n_uint64_val),
            float8Values: bytes(c.float8_val))
    }

    static func tensorShape(_ c: Tensorboard__TensorShapeProto) -> TensorShapeProto {
        var dimensions: [TensorShapeProto.Dimension] = []
        dimensions.reserveCapacity(c.n_dim)
        for index in 0..<c.n_dim {
            if let dim = c.dim[index]?.pointee {
                dimensions.append(.init(size: dim.size, name: string(dim.name)))
            }
        }
        return TensorShapeProto(dimensions: dimensions, unknownRank: c.unknown_rank != 0)
    }

    // MARK: C to Swift primitives

    /// A Swift string from a protobuf-c string; invalid UTF-8 is repaired with U+FFFD.
    static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    static func array<T>(_ pointer: UnsafeMutablePointer<T>?, _ count: Int) -> [T] {
        guard count > 0, let pointer else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }
}
