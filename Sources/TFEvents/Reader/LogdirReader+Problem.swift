extension LogdirReader {
    /// Something the reader could not read, and what it did about it.
    ///
    /// Problems never stop a scan. For damaged records the reader goes on at the next position
    /// where a whole record verifies, so good records after the damage are kept (TensorBoard stops
    /// reading the file there).
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public var kind: Kind
        /// The file or directory.
        public var path: String
        /// The ``Run/id`` of the run, when the problem is in a run's file.
        public var run: Int?
        /// The byte offset of the damaged record in the file, when the problem is in a record.
        public var offset: Int64?
        /// Where reading went on after damage, when a good record was found.
        public var resumedAt: Int64?
        /// A one-line explanation.
        public var message: String

        /// Creates a problem.
        public init(
            kind: Kind, path: String, run: Int? = nil, offset: Int64? = nil, resumedAt: Int64? = nil,
            message: String
        ) {
            self.kind = kind
            self.path = path
            self.run = run
            self.offset = offset
            self.resumedAt = resumedAt
            self.message = message
        }

        /// `path: byte N: message (resumed at byte M)`.
        public var description: String {
            var text = path
            if let offset { text += ": byte \(offset)" }
            text += ": " + message
            if let resumedAt { text += " (reading resumed at byte \(resumedAt))" }
            return text
        }

        /// The kinds of problem. The raw values are stable names for reports.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// The file ends inside a record. Reported only when the files are complete
            /// (``LogdirReader/filesAreComplete``) or when the run moves on to a later file,
            /// since a live writer's last record is often still being written.
            case truncated
            /// The CRC of a record's length field does not match: the length cannot be trusted.
            case lengthCRC = "length_crc"
            /// The CRC of a record's payload does not match.
            case dataCRC = "data_crc"
            /// A length field verifies but claims more than 2^31 - 1 bytes, more than any protobuf
            /// message can hold: the length is wrong, so it is passed over like a CRC mismatch.
            case badLength = "bad_length"
            /// A record with valid CRCs whose payload is not an `Event`, or a value that cannot be
            /// converted as TensorBoard converts it; the record or value is skipped.
            case decode
            /// A directory or file could not be listed, opened or read.
            case io
            /// Data was added to a file the run had already finished with, or a file appeared whose
            /// name sorts before the one being read. TensorBoard's loader ignores such data, and so
            /// does this reader, so that steps keep TensorBoard's meaning.
            case lateWrite = "late_write"
        }
    }
}
