extension SummaryWriter {
    /// Creates the log directory if needed and opens a writer that continues the run's own last
    /// event file, or starts a new one: for short-lived processes that each add a few points to
    /// one run (a shell loop, a cron job, `tfevents log`) without leaving one file per call.
    ///
    /// ```swift
    /// let writer = try SummaryWriter(continuing: "runs/nightly")
    /// try writer.addScalar("queue_length", 17, step: day)
    /// try writer.close()  // releases the file for the next call
    /// ```
    ///
    /// **Which file.** The run's last event file (the files directly in `logdir`, in byte order
    /// of their names, as TensorBoard reads them) is continued, by appending, when all of these
    /// hold:
    /// - its name ends with `marker`, so only writers made by this initializer wrote it: any other
    ///   writer (``init(logdir:options:)``, tensorboardX, TensorFlow) may still have its file open
    ///   and would overwrite what is appended;
    /// - no other continuing writer holds it, waiting up to a second for one to let go;
    /// - it is still the last file once this writer holds it;
    /// - it is whole: it starts with the `file_version` record, every record verifies and it ends
    ///   with a complete record, so nothing appended is lost in damage.
    ///
    /// Otherwise a new file is created, named to sort after every file already in the run
    /// (TensorBoard never goes back to an earlier name) and ending with
    /// ``Options/filenameSuffix`` then `marker`, and it gets the usual first records. If even
    /// those cannot be written (a full disk), the new file is removed again.
    ///
    /// **Locking.** The writer holds an exclusive `flock` on its file until it is closed or
    /// deinitialized, so continuing writers in any number of processes take turns and never
    /// write into one file at once; keep them short-lived. Everything else about the writer is as
    /// for ``init(logdir:options:)``. ``Options/purgeStep``, when set, is written at the start of
    /// what this writer adds, whether the file is new or continued.
    ///
    /// - Parameters:
    ///   - logdir: The run's directory, created with its parents when missing.
    ///   - marker: The end of the names of the files such writers make and continue. The default
    ///     is `tfevents log`'s, so a program and the command continue each other's files.
    ///   - options: Buffering, flushing and naming; see ``Options``.
    /// - Throws: ``SummaryWriterError``: kind `invalidInput` for an empty marker or one holding
    ///   `/` or NUL; kind `io` with a one-line description when a directory cannot be created (it
    ///   names the one that failed), the directory cannot be listed, the new file cannot be
    ///   created, or the first records cannot be written.
    public convenience init(
        continuing logdir: String, marker: String = ".cli", options: Options = Options()
    ) throws(SummaryWriterError) {
        try RunContinuation.checkMarker(marker)
        do {
            try FileSystem.createDirectories(logdir)
        } catch {
            throw SummaryWriterError(error, path: logdir)
        }
        let target = try RunContinuation.open(logdir: logdir, marker: marker, suffix: options.filenameSuffix)
        let header = Self.header(wallTime: ProcessInfo.wallTime(), options: options, startsFile: target.isNew)
        do throws(SummaryWriterError) {
            // On failure the writer is deinitialized at once, which closes the file and so
            // releases the lock.
            try self.init(logdir: logdir, path: target.path, file: target.file, header: header, options: options)
        } catch {
            // A new file that lacks its first records would only mislead the next writer.
            if target.isNew { FileSystem.removeFile(target.path) }
            throw error
        }
    }
}
