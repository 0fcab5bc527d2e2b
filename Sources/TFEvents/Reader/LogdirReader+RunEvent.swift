extension LogdirReader {
    /// An event of a run that is not a summary value: version markers, session markers, graphs.
    public struct RunEvent: Sendable, Hashable {
        /// The ``Run/id`` of the run.
        public var run: Int
        /// The event's step.
        public var step: Int64
        /// The event's wall time.
        public var wallTime: Double
        /// What the event carried.
        public var kind: Kind

        /// Creates a run event.
        public init(run: Int, step: Int64, wallTime: Double, kind: Kind) {
            self.run = run
            self.step = step
            self.wallTime = wallTime
            self.kind = kind
        }

        /// The kinds of run event.
        public enum Kind: Sendable, Hashable {
            /// A `file_version` string such as `"brain.Event:2"`.
            case fileVersion(String)
            /// A session start, stop or checkpoint marker.
            case sessionLog(Event.SessionLog)
            /// A deprecated log message.
            case logMessage(Event.LogMessage)
            /// A serialized `GraphDef` of this many bytes. It also appears as a point of the
            /// series `__run_graph__` (plugin `graphs`), as in TensorBoard.
            case graphDef(byteCount: Int)
            /// A serialized `MetaGraphDef` of this many bytes.
            case metaGraphDef(byteCount: Int)
            /// Run metadata of this many bytes for a tag. It also appears as a point of that tag
            /// (plugin `graph_tagged_run_metadata`), as in TensorBoard.
            case taggedRunMetadata(tag: String, byteCount: Int)
        }
    }
}
