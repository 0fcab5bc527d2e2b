extension LogdirReader {
    /// A notice that points read earlier are no longer part of their series: TensorBoard's
    /// handling of a restarted writer.
    ///
    /// Every point of the listed series that came *before* this notice and has a step greater than
    /// or equal to ``step`` is dropped. Points that come after it are kept. ``LogdirAccumulator``
    /// applies notices itself. A consumer that keeps only running statistics can rebuild the
    /// affected series with ``LogdirReader/replaySurvivingPoints(before:_:)``.
    public struct Purge: Sendable, Hashable {
        /// The ``Run/id`` of the run.
        public var run: Int
        /// Points with a step at or above this one are dropped.
        public var step: Int64
        /// The ``Series/id``s of the series affected, or `nil` for every series of the run.
        public var series: [Int]?
        /// The wall time of the event that caused the purge.
        public var wallTime: Double
        /// Which of TensorBoard's two rules applied.
        public var reason: Reason
        /// How many events of the run were processed before the one that caused the purge.
        let eventIndex: Int

        /// Whether a point that came before this notice is dropped by it.
        public func drops(_ point: Point) -> Bool {
            point.step >= step && affects(series: point.series)
        }

        /// Whether the series with `id` is one of those affected. The caller must know the series
        /// belongs to ``run`` when ``series`` is `nil`.
        public func affects(series id: Int) -> Bool {
            guard let series else { return true }
            return series.contains(id)
        }

        /// TensorBoard's two purge rules (`--purge_orphaned_data`, on by default).
        public enum Reason: String, Sendable, Hashable {
            /// The run's `file_version` is 2 or more and a `SessionLog` `START` other than the run's
            /// first was read: the writer restarted at this step. Every series is purged.
            case sessionRestart = "session_restart"
            /// The run has no `file_version` (or one below 2) and a summary event's step is
            /// smaller than the previous summary event's: only the tags in that event are purged.
            case stepWentBack = "step_went_back"
        }
    }
}
