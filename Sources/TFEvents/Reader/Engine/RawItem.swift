/// What the engine yields while it reads a run, in reading order. Consumers never see these: the
/// delivery types (``RunReader``, ``SummaryReader/reduce(_:progress:)``, ``LogdirFollower``) turn
/// them into settled data, or into updates a live view can apply.
enum RawItem {
    /// The run's facts changed (first wall time, file version, writer, graph, hyperparameters).
    indirect case run(Run)
    /// A series was seen for the first time, or received its metadata.
    indirect case series(Series)
    /// A point. Before its series has metadata, a point is a raw ``Point/Value/tensor(_:)``.
    case point(Point)
    /// Points yielded earlier are no longer what TensorBoard shows (see ``Rewind``).
    indirect case rewind(Rewind)
    /// Something could not be read; reading went on.
    indirect case problem(ReadProblem)
}
