/// One complete, checksum-verified record of a TFRecord file.
public struct TFRecord: Sendable, Hashable {
    /// The byte offset of the record's length field in its file.
    public var offset: Int64
    /// The payload: for an event file, one serialized `Event`.
    public var payload: [UInt8]

    /// Creates a record.
    public init(offset: Int64, payload: [UInt8]) {
        self.offset = offset
        self.payload = payload
    }

    /// The bytes the record takes in the file, framing included.
    public var size: Int64 { Int64(payload.count + TFRecordFraming.overhead) }
}
