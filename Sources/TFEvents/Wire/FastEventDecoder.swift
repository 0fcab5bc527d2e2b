/// The hand-written fast path for the reader's most common records: summary events whose values
/// are scalars, legacy (`simple_value`) or TensorFlow 2 (a rank-0 `DT_FLOAT` tensor with
/// `scalars` metadata).
///
/// It accepts only payloads whose every field it understands, each occurring at most once, and
/// returns `nil` for anything else (other kinds of event, unknown or repeated fields, strings
/// holding NUL, malformed bytes), which then goes to protobuf-c. For what it accepts it builds
/// exactly the ``Event`` that ``ProtobufDecoder`` builds; `FastPathTests` checks that on every record
/// of the fixtures and on mutated payloads. It skips the C structs, the copies and
/// the allocations of the reference path.
enum FastEventDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Event? {
        guard let envelope = SummaryEventEnvelope(bytes),
            let summary = decodeSummary(UnsafeRawBufferPointer(rebasing: bytes[envelope.summary]))
        else { return nil }
        return Event(wallTime: envelope.wallTime, step: envelope.step, what: .summary(summary))
    }

    private static func decodeSummary(_ bytes: UnsafeRawBufferPointer) -> Summary? {
        var reader = WireReader(bytes)
        var values: [Summary.Value] = []
        while !reader.isAtEnd {
            guard let (field, type) = reader.readKey(), field == 1, type == .lengthDelimited,
                let range = reader.readLengthDelimited(),
                let value = decodeValue(UnsafeRawBufferPointer(rebasing: bytes[range]))
            else { return nil }
            values.append(value)
        }
        return Summary(values: values)
    }

    private static func decodeValue(_ bytes: UnsafeRawBufferPointer) -> Summary.Value? {
        var reader = WireReader(bytes)
        var tag = ""
        var nodeName = ""
        var metadata: SummaryMetadata?
        var content: Summary.Value.Content?
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return nil }
            switch (field, type) {
            case (1, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), let text = string(bytes, range) else { return nil }
                tag = text
            case (7, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), let text = string(bytes, range) else { return nil }
                nodeName = text
            case (2, .fixed32):
                guard content == nil, let bits = reader.readFixed32() else { return nil }
                content = .simpleValue(Float(bitPattern: bits))
            case (8, .lengthDelimited):
                guard content == nil, let range = reader.readLengthDelimited(),
                    let tensor = decodeScalarTensor(UnsafeRawBufferPointer(rebasing: bytes[range]))
                else { return nil }
                content = .tensor(tensor)
            case (9, .lengthDelimited):
                guard let range = reader.readLengthDelimited(),
                    let decoded = decodeMetadata(UnsafeRawBufferPointer(rebasing: bytes[range]))
                else { return nil }
                metadata = decoded
            default:
                return nil
            }
        }
        return Summary.Value(tag: tag, nodeName: nodeName, metadata: metadata, content: content)
    }

    /// A rank-0 tensor with one 4-byte element in `tensor_content` or a single packed `float_val`,
    /// as TensorFlow 2 and tensorboardX write scalars. Anything else is left to protobuf-c.
    private static func decodeScalarTensor(_ bytes: UnsafeRawBufferPointer) -> TensorProto? {
        var reader = WireReader(bytes)
        var dtype: Int32 = 0
        var shape: TensorShapeProto?
        var tensorContent: [UInt8] = []
        var floatValues: [Float] = []
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return nil }
            switch (field, type) {
            case (1, .varint):
                guard let value = reader.readVarint() else { return nil }
                dtype = Int32(truncatingIfNeeded: value)
            case (2, .lengthDelimited):
                // Only the empty shape (rank 0) is taken here.
                guard let range = reader.readLengthDelimited(), range.isEmpty else { return nil }
                shape = TensorShapeProto()
            case (4, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), range.count == 4 else { return nil }
                tensorContent = Array(bytes[range])
            case (5, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), range.count == 4 else { return nil }
                floatValues = [Float(bitPattern: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self))]
            default:
                return nil
            }
        }
        return TensorProto(
            dtype: DataType(rawValue: dtype), shape: shape, tensorContent: tensorContent, floatValues: floatValues)
    }

    private static func decodeMetadata(_ bytes: UnsafeRawBufferPointer) -> SummaryMetadata? {
        var reader = WireReader(bytes)
        var metadata = SummaryMetadata()
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen) else { return nil }
            switch (field, type) {
            case (1, .lengthDelimited):
                guard let range = reader.readLengthDelimited(),
                    let plugin = decodePluginData(UnsafeRawBufferPointer(rebasing: bytes[range]))
                else { return nil }
                metadata.pluginData = plugin
            case (2, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), let text = string(bytes, range) else { return nil }
                metadata.displayName = text
            case (3, .lengthDelimited):
                guard let range = reader.readLengthDelimited(), let text = string(bytes, range) else { return nil }
                metadata.summaryDescription = text
            case (4, .varint):
                guard let value = reader.readVarint() else { return nil }
                metadata.dataClass = SummaryMetadata.DataClass(rawValue: Int32(truncatingIfNeeded: value))
            default:
                return nil
            }
        }
        return metadata
    }

    private static func decodePluginData(_ bytes: UnsafeRawBufferPointer) -> SummaryMetadata.PluginData? {
        var reader = WireReader(bytes)
        var plugin = SummaryMetadata.PluginData(pluginName: "")
        var seen: UInt16 = 0
        while !reader.isAtEnd {
            guard let (field, type) = reader.readUniqueKey(seen: &seen), type == .lengthDelimited,
                let range = reader.readLengthDelimited()
            else { return nil }
            switch field {
            case 1:
                guard let text = string(bytes, range) else { return nil }
                plugin.pluginName = text
            case 2:
                plugin.content = Array(bytes[range])
            default:
                return nil
            }
        }
        return plugin
    }

    /// The string protobuf-c would give, or `nil` when it holds a NUL (protobuf-c's C string would
    /// stop there; such rare strings take the reference path).
    @inline(__always)
    private static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[range])
        if slice.contains(0) { return nil }
        return String(decoding: slice, as: UTF8.self)
    }
}
