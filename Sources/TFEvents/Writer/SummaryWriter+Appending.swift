extension SummaryWriter {
    /// Opens the event file at `path` to add records at its end, creating it when it does not
    /// exist. A new or empty file gets the usual first records (``init(logdir:options:)``); a file
    /// that has records gets none, so the new records simply continue it.
    ///
    /// For `tfevents log`, which adds a few points per call and should not leave one file per
    /// call. The file is opened with `O_APPEND`, so every write lands at the end even when
    /// another appender wrote meanwhile. The caller must make sure that no writer still has the
    /// file open without `O_APPEND` (a writer made by ``init(logdir:options:)``, tensorboardX, TF):
    /// such a writer would overwrite the appended records. It must also check that the file ends
    /// with a complete record, or the first appended record is lost in the damage.
    ///
    /// - Throws: ``SummaryWriterError`` when the file cannot be opened or the first records
    ///   cannot be written.
    package convenience init(appendingTo path: String, options: Options = Options()) throws(SummaryWriterError) {
        let file: FileDescriptor
        let size: Int64
        do {
            file = try FileDescriptor.openForAppending(path)
        } catch {
            throw SummaryWriterError(error, path: path)
        }
        do {
            size = try file.size()
        } catch {
            try? file.close()
            throw SummaryWriterError(error, path: path)
        }
        let slash = path.lastIndex(of: "/")
        let logdir = slash.map { String(path[..<$0]) } ?? "."
        let header = size == 0 ? Self.header(wallTime: ProcessInfo.wallTime(), options: options) : []
        // If writing the header fails, the writer's deinit closes the file.
        try self.init(logdir: logdir.isEmpty ? "/" : logdir, path: path, file: file, header: header, options: options)
    }

    /// A name for a new event file created now by this process, as ``init(logdir:options:)``
    /// names its files: `events.out.tfevents.<10-digit seconds>.<host>.<pid>.<n><suffix>`.
    package static func newFileName(wallTime: Double, suffix: String) -> String {
        EventFileName.make(
            wallTime: wallTime, host: ProcessInfo.hostName, processID: ProcessInfo.processID,
            counter: EventFileName.nextCounter(), suffix: suffix)
    }
}
