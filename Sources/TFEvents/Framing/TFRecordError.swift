/// A record that cannot be read: where it is and what was wrong with it.
///
/// An incomplete last record is not an error (the file may still be growing); see
/// ``TFRecordReader/pendingByteCount``.
public struct TFRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var kind: Kind
    /// The file.
    public var path: String
    /// The byte offset of the record (its length field) in the file.
    public var offset: Int64

    /// Creates an error.
    public init(_ kind: Kind, path: String, offset: Int64) {
        self.kind = kind
        self.path = path
        self.offset = offset
    }

    /// The kinds of record error.
    public enum Kind: Sendable, Hashable {
        /// The stored CRC of the 8 length bytes does not match them: the length cannot be trusted,
        /// so nothing after it can be located by it.
        case lengthCRCMismatch(stored: UInt32, computed: UInt32)
        /// The stored CRC of the payload does not match it: the payload is damaged.
        case dataCRCMismatch(stored: UInt32, computed: UInt32)
        /// The length field verifies but claims more bytes than the reader's limit: no record of
        /// that size can be valid, so the length is wrong even though its CRC matches.
        case lengthTooLarge(length: UInt64, limit: UInt64)
        /// The payload has valid CRCs but is not an `Event` protobuf.
        case notAnEvent
        /// A system call failed.
        case io(operation: String, errno: Int32)
    }

    /// `path: byte N: what was wrong, and what was expected`.
    public var description: String {
        let location = "\(path): byte \(offset)"
        switch kind {
        case .lengthCRCMismatch(let stored, let computed):
            return "\(location): length CRC mismatch: stored \(hex(stored)), expected \(hex(computed)) "
                + "(the masked CRC32C of the 8 length bytes)"
        case .dataCRCMismatch(let stored, let computed):
            return "\(location): data CRC mismatch: stored \(hex(stored)), expected \(hex(computed)) "
                + "(the masked CRC32C of the payload)"
        case .lengthTooLarge(let length, let limit):
            return "\(location): the length field verifies but claims \(length) bytes, more than the \(limit) a "
                + "record can hold"
        case .notAnEvent:
            return "\(location): the record's payload is not a valid Event protobuf"
        case .io(let operation, let errno):
            return "\(location): \(operation) failed: \(SystemError.message(for: errno)) (errno \(errno))"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
