/// A record that cannot be read: where it is and what was wrong with it.
///
/// An incomplete last record is not damage (the file may still be growing); see
/// ``RecordReader/pendingByteCount``. ``EventFileReader`` turns these into ``ReadProblem``s.
struct RecordDamage: Error, Sendable, Hashable {
    /// What was wrong.
    var kind: Kind
    /// The file.
    var path: String
    /// The byte offset of the record (its length field) in the file.
    var offset: Int64

    init(_ kind: Kind, path: String, offset: Int64) {
        self.kind = kind
        self.path = path
        self.offset = offset
    }

    /// The kinds of damage.
    enum Kind: Sendable, Hashable {
        /// The stored CRC of the 8 length bytes does not match them: the length cannot be trusted,
        /// so nothing after it can be located by it.
        case lengthCRCMismatch(stored: UInt32, computed: UInt32)
        /// The stored CRC of the payload does not match it: the payload is damaged.
        case dataCRCMismatch(stored: UInt32, computed: UInt32)
        /// The length field verifies but claims more bytes than the reader's limit: no record of
        /// that size can be valid, so the length is wrong even though its CRC matches.
        case lengthTooLarge(length: UInt64, limit: UInt64)
        /// The source could not give the bytes.
        case io(ByteSourceError)
    }
}
