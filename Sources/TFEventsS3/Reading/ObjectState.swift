/// What the source knows about one object: its newest version seen (in a listing or a HEAD),
/// the version being read, what was read of it, and a replacement not told yet.
struct ObjectState: Sendable {
    /// The newest version seen.
    var latest: ObjectVersion?
    /// The version reads are pinned to (`If-Match`), so a read never mixes two versions.
    var pinned: ObjectVersion?
    var fingerprint = ReadFingerprint()
    /// Set when the pinned version was found replaced by a different object outside a read:
    /// the next read past the start (or the next size) reports it.
    var replacement: String?
}
