/// Something the reader could not read, and what it did about it.
///
/// Problems never stop reading. After a damaged record the reader goes on at the next position
/// where a whole record verifies, so the good records after the damage are kept (TensorBoard
/// stops reading the file there). ``EventFileReader``, ``SummaryReader`` and `tfevents inspect`
/// report the same kinds with the same messages.
public struct ReadProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var kind: Kind
    /// The file or directory.
    public var path: String
    /// The name of the run whose file it is, when it is in a run's file.
    public var run: String?
    /// The byte offset of the damaged record in the file, when the problem is in a record.
    public var offset: Int64?
    /// Where reading went on after damage, when a good record was found.
    public var resumedAt: Int64?
    /// A one-line explanation.
    public var message: String

    /// Creates a problem.
    public init(
        kind: Kind, path: String, run: String? = nil, offset: Int64? = nil, resumedAt: Int64? = nil, message: String
    ) {
        self.kind = kind
        self.path = path
        self.run = run
        self.offset = offset
        self.resumedAt = resumedAt
        self.message = message
    }

    /// `path: byte N: message (reading resumed at byte M)`.
    public var description: String {
        var text = path
        if let offset { text += ": byte \(offset)" }
        text += ": " + message
        if let resumedAt { text += " (reading resumed at byte \(resumedAt))" }
        return text
    }

    /// The kinds of problem. The raw values are the stable names reports use.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file ends inside a record. Reported only once the file is known to be complete
        /// (its writer is done, or the run moved on to a later file), since a live writer's last
        /// record is often still being written.
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
        /// A complete event file with no bytes at all: every writer starts a file with a
        /// `file_version` record. Reported by ``EventFileReader`` only; a log directory's empty
        /// file is a run that has not started writing, which is not damage.
        case empty
        /// The file was replaced by a different one while it was being read (an object store
        /// said so: its version tag changed and the bytes already read no longer match). What was
        /// read from the old file stays; the new one is read from its start, never mixed with it.
        case replaced
    }
}
