import TFEvents

/// A row of `tfevents summary`: a run's summary under the name the table shows, which is
/// TensorBoard's run name, or `LOGDIR/RUN` when several log directories are compared and names
/// clash (see ``RunNaming``). Everything else reads through to the ``RunSummary``.
@dynamicMemberLookup
struct ShownRun: Sendable {
    /// The name shown.
    var name: String
    /// The run's summary.
    var summary: RunSummary

    init(_ summary: RunSummary) {
        self.name = summary.name
        self.summary = summary
    }

    subscript<Value>(dynamicMember path: KeyPath<RunSummary, Value>) -> Value {
        summary[keyPath: path]
    }

    /// TensorBoard's name for the run within its log directory.
    var runName: String { summary.name }

    /// The run's hyperparameters.
    var hparams: [String: HParamValue] { summary.run.hparams }

    /// The basenames of the run's event files (names containing `tfevents`), in name order.
    var files: [String] { summary.listing.files.map(\.name) }
}
