extension Event {
    /// Decodes an event from its protobuf wire bytes (one TFRecord payload of an event file).
    ///
    /// Unknown fields are skipped, fields may come in any order, repeated numbers may be packed
    /// or not, and repeated occurrences of a sub-message merge, as protobuf requires.
    ///
    /// - Throws: ``EventDecodingError`` when the bytes are not a valid `Event` message.
    init(serializedBytes bytes: [UInt8]) throws(EventDecodingError) {
        guard let event = ProtobufDecoder.decodeEvent(bytes) else {
            throw EventDecodingError(byteCount: bytes.count)
        }
        self = event
    }

    /// The event's protobuf wire bytes, as TensorFlow's serializer writes them (fields in number
    /// order, default values left out).
    func serializedBytes() -> [UInt8] {
        ProtobufEncoder.encode(self)
    }
}

/// Bytes that are not a valid `tensorboard.Event` protobuf message.
struct EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How many bytes were given.
    var byteCount: Int

    /// Creates an error for `byteCount` bytes.
    init(byteCount: Int) {
        self.byteCount = byteCount
    }

    var description: String {
        "\(byteCount) bytes are not a valid Event protobuf message"
    }
}
