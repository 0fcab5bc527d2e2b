extension LogdirReader {
    /// One thing read from a log directory. ``LogdirReader/next()`` returns these in order.
    ///
    /// A run's ``run(_:)`` item comes before anything else of that run, and a series'
    /// ``series(_:)`` item before its first point.
    public enum Item: Sendable, Hashable {
        /// A run was found, or its description changed (first wall time, file version, writer, graph).
        indirect case run(Run)
        /// A series was seen for the first time, or received its metadata. Points read before a
        /// series has metadata are raw ``Point/Value/tensor(_:)`` values (writers put metadata on a
        /// tag's first value, so this is rare); ``LogdirAccumulator`` decodes them again when it
        /// arrives.
        indirect case series(Series)
        /// A point of a series.
        case point(Point)
        /// Earlier points are dropped: a restarted writer (see ``Purge``).
        indirect case purge(Purge)
        /// An event that carries no summary value.
        indirect case runEvent(RunEvent)
        /// Something could not be read; reading went on.
        indirect case problem(Problem)
    }
}
