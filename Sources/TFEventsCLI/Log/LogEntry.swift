/// Scalars to record at one step: one `TAG=VALUE` command line, or one line of `--stdin`.
struct LogEntry: Equatable {
    /// The values in the order given.
    var values: [Value]
    /// The step for every value; when `nil`, each tag gets one past its last step.
    var step: Int64?
    /// Seconds since the Unix epoch; when `nil`, the time the entry is written.
    var wallTime: Double?

    struct Value: Equatable {
        var tag: String
        var value: Double

        static func == (a: Value, b: Value) -> Bool {
            a.tag == b.tag && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
        }
    }
}

/// Why an input could not be read as scalars; the message names what is wrong.
struct LogInputError: Error, Equatable, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
