extension SummaryWriter {
    /// How a ``SummaryWriter`` buffers, flushes and names its file.
    public struct Options: Sendable, Hashable {
        /// The longest time written data may wait in memory before it is written to the file.
        /// Default 2 seconds. A background timer flushes at this interval while data is pending.
        public var flushInterval: Duration
        /// Whether every flush also calls `fsync`, so flushed data survives a power loss or a kernel
        /// crash, not just the death of the process. Off by default: it costs milliseconds per flush.
        public var syncOnFlush: Bool
        /// Appended to the file name, like tensorboardX's `filename_suffix` (for example `".v2"`).
        public var filenameSuffix: String
        /// When this many bytes are buffered, the call that crossed it writes them out at once.
        public var maxBufferedBytes: Int
        /// When set, the file starts with a restart marker at this step, so TensorBoard drops the
        /// points at or after it that an earlier, abandoned attempt of the run wrote (tensorboardX's
        /// `purge_step`). The marker is two `SessionLog START`s: TensorBoard takes a run's first
        /// `START` as its initial start and purges nothing for it, so a single one (all
        /// tensorboardX writes) works only when the earlier attempt wrote one too.
        public var purgeStep: Int64?
        /// The zlib level (0 to 9) of the PNG files made from image pixels; see ``PNGEncoder``.
        public var imageCompressionLevel: Int
        /// Whether scalars are stored as 64-bit `DT_DOUBLE` tensors instead of 32-bit
        /// `simple_value`s, as PyTorch's `add_scalar(..., new_style=True, double_precision=True)`
        /// stores them. Off by default.
        ///
        /// The value is then kept exactly (`0.1` stays `0.1`, `1e-40` stays `1e-40`) in the file,
        /// for this package's readers and for TensorBoard's Python loader (`--load_fast=false`).
        /// **TensorBoard's Rust loader, its default, does not show such scalars at all**: it
        /// accepts only 32-bit scalars, so the tags are missing from its SCALARS and TIME SERIES
        /// dashboards (EventFileFormat.md §7.1).
        public var doublePrecisionScalars: Bool

        /// Creates options; every argument has the default described on its property.
        public init(
            flushInterval: Duration = .seconds(2),
            syncOnFlush: Bool = false,
            filenameSuffix: String = "",
            maxBufferedBytes: Int = 1 << 20,
            purgeStep: Int64? = nil,
            imageCompressionLevel: Int = PNGEncoder.defaultCompressionLevel,
            doublePrecisionScalars: Bool = false
        ) {
            self.flushInterval = flushInterval
            self.syncOnFlush = syncOnFlush
            self.filenameSuffix = filenameSuffix
            self.maxBufferedBytes = maxBufferedBytes
            self.purgeStep = purgeStep
            self.imageCompressionLevel = imageCompressionLevel
            self.doublePrecisionScalars = doublePrecisionScalars
        }
    }
}
