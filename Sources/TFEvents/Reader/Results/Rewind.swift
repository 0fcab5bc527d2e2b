/// A notice that points of a run delivered earlier are no longer what TensorBoard shows: every
/// point of the affected series that came *before* the notice with a step at or above ``step`` is
/// gone. Points that come after it are kept.
///
/// Three things cause one:
/// - a writer restart (``Reason/restart``): with a `file_version` of 2 or more (every current
///   writer), each `SessionLog` `START` after the run's first drops every series' points at or
///   after its step; tensorboardX's `purge_step` writes such an event;
/// - a step that went back (``Reason/stepWentBack``): without a file version (or one below 2), a
///   summary event whose step is below the previous summary event's drops the points of its own
///   tags at or after its step;
/// - metadata that arrived after a series' first points (``Reason/metadata``): those points were
///   raw tensors; they are all forgotten (``step`` is `Int64.min`) and delivered again, decoded
///   as the series' plugin reads them. No common writer does this.
///
/// ``LogdirFollower`` passes rewinds on, followed by the surviving points of the affected series
/// again; the other readers apply them before anything is delivered.
public struct Rewind: Sendable, Hashable {
    /// The run's name.
    public var run: String
    /// The ``Series/id``s of the series affected, or `nil` for every series of the run.
    public var series: [Int]?
    /// Points with a step at or above this one are gone.
    public var step: Int64
    /// What caused it.
    public var reason: Reason
    /// The wall time of the event that caused it.
    public var wallTime: Double
    /// The file of the record that caused it, when it came from a record of its own.
    public var path: String?
    /// The byte offset of that record in ``path``.
    public var offset: Int64?
    /// How many events of the run came before the one that caused it.
    let eventIndex: Int
    /// How many points of the run came before it.
    let pointsBefore: Int

    /// Whether `point`, of this run and delivered before the notice, is gone.
    public func drops(_ point: Point) -> Bool {
        point.step >= step && affects(series: point.series)
    }

    /// Whether the series with `id` (of this run) is affected.
    public func affects(series id: Int) -> Bool {
        guard let series else { return true }
        return series.contains(id)
    }

    /// The causes of a rewind.
    public enum Reason: String, Sendable, Hashable {
        /// The run's `file_version` is 2 or more and a `SessionLog` `START` other than the run's
        /// first was read: the writer restarted at this step.
        case restart
        /// The run has no `file_version` (or one below 2) and a summary event's step is smaller
        /// than the previous summary event's: only the tags of that event are affected.
        case stepWentBack = "step_went_back"
        /// A series received its metadata after its first points; they follow again, decoded.
        case metadata
    }
}
