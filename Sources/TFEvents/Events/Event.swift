/// One record of an event file: a wall time, a step and one piece of data.
///
/// This mirrors TensorBoard's `tensorboard.Event` message field for field. Writers put a
/// ``What/fileVersion(_:)`` event first and then mostly ``What/summary(_:)`` events.
public struct Event: Sendable, Hashable {
    /// Seconds since the Unix epoch, fractional.
    public var wallTime: Double
    /// The global step the data belongs to.
    public var step: Int64
    /// What the event carries; `nil` for an event that carries only a time and a step.
    public var what: What?
    /// Which program wrote the file, set on the first event by TensorFlow's writers.
    public var sourceMetadata: SourceMetadata?

    /// Creates an event.
    public init(wallTime: Double = 0, step: Int64 = 0, what: What? = nil, sourceMetadata: SourceMetadata? = nil) {
        self.wallTime = wallTime
        self.step = step
        self.what = what
        self.sourceMetadata = sourceMetadata
    }

    /// The payload of an event: exactly one of these, or none.
    public enum What: Sendable, Hashable {
        /// The file's format version, `"brain.Event:2"` for every current writer.
        case fileVersion(String)
        /// A serialized TensorFlow `GraphDef`, kept as bytes.
        case graphDef([UInt8])
        /// Summary values: scalars, images, histograms, tensors and the like.
        case summary(Summary)
        /// A deprecated log line.
        case logMessage(LogMessage)
        /// A session start, stop or checkpoint marker. A `START` restarts the run at its step.
        case sessionLog(SessionLog)
        /// Run metadata for a tag, kept as bytes.
        case taggedRunMetadata(TaggedRunMetadata)
        /// A serialized TensorFlow `MetaGraphDef`, kept as bytes.
        case metaGraphDef([UInt8])
    }

    /// The `brain.Event:2` version string every writer puts in its first event.
    public static let currentFileVersion = "brain.Event:2"

    /// The event's summary, if it carries one.
    public var summary: Summary? {
        if case .summary(let summary) = what { return summary }
        return nil
    }

    /// The event's file version string, if it carries one.
    public var fileVersion: String? {
        if case .fileVersion(let version) = what { return version }
        return nil
    }
}

extension Event {
    /// The writer program that produced a file (`source_metadata`).
    public struct SourceMetadata: Sendable, Hashable {
        /// For example `"tensorflow.core.util.events_writer"`.
        public var writer: String

        /// Creates source metadata naming `writer`.
        public init(writer: String) {
            self.writer = writer
        }
    }

    /// A log line, deprecated by TensorFlow and not shown by TensorBoard.
    public struct LogMessage: Sendable, Hashable {
        /// The severity.
        public var level: Level
        /// The text.
        public var message: String

        /// Creates a log message.
        public init(level: Level, message: String) {
            self.level = level
            self.message = message
        }

        /// A severity. Values not listed here are kept as they are.
        public struct Level: RawRepresentable, Sendable, Hashable {
            public var rawValue: Int32
            public init(rawValue: Int32) { self.rawValue = rawValue }

            /// No level given.
            public static let unknown = Level(rawValue: 0)
            /// Debugging output.
            public static let debugging = Level(rawValue: 10)
            /// Information.
            public static let info = Level(rawValue: 20)
            /// A warning.
            public static let warn = Level(rawValue: 30)
            /// An error.
            public static let error = Level(rawValue: 40)
            /// A fatal error.
            public static let fatal = Level(rawValue: 50)
        }
    }

    /// A session marker. TensorBoard's loader purges points at or after the step of a `START`
    /// that follows earlier data, which is how a restarted job hides its abandoned steps.
    public struct SessionLog: Sendable, Hashable {
        /// What happened.
        public var status: Status
        /// The checkpoint written, for ``Status/checkpoint``.
        public var checkpointPath: String
        /// A free-form message.
        public var message: String

        /// Creates a session marker.
        public init(status: Status, checkpointPath: String = "", message: String = "") {
            self.status = status
            self.checkpointPath = checkpointPath
            self.message = message
        }

        /// A session status. Values not listed here are kept as they are.
        public struct Status: RawRepresentable, Sendable, Hashable {
            public var rawValue: Int32
            public init(rawValue: Int32) { self.rawValue = rawValue }

            /// No status given.
            public static let unspecified = Status(rawValue: 0)
            /// The session (re)started.
            public static let start = Status(rawValue: 1)
            /// The session stopped.
            public static let stop = Status(rawValue: 2)
            /// A checkpoint was written.
            public static let checkpoint = Status(rawValue: 3)
        }
    }

    /// TensorFlow run metadata recorded under a tag.
    public struct TaggedRunMetadata: Sendable, Hashable {
        /// The tag it is shown under.
        public var tag: String
        /// A serialized `RunMetadata`.
        public var runMetadata: [UInt8]

        /// Creates tagged run metadata.
        public init(tag: String, runMetadata: [UInt8]) {
            self.tag = tag
            self.runMetadata = runMetadata
        }
    }
}
