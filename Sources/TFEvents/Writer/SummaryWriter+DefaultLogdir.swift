extension SummaryWriter {
    /// Creates a writer in a new run directory named after the current time and the host, as
    /// PyTorch's and tensorboardX's `SummaryWriter()` name it when given no log directory:
    /// `runs/<Mon><DD>_<HH>-<MM>-<SS>_<host><comment>`, such as
    /// `runs/Mar05_14-07-09_gpu-box_lr0.1`.
    ///
    /// ```swift
    /// let writer = try SummaryWriter(comment: "_lr0.1")  // runs/Mar05_14-07-09_gpu-box_lr0.1
    /// print(writer.logdir)
    /// ```
    ///
    /// The path is relative to the current directory; see ``defaultLogdir(comment:)``. Two
    /// writers made in the same second on one host get the same directory, and so one run with
    /// two files (as with PyTorch): give them different comments.
    ///
    /// - Parameters:
    ///   - comment: Appended to the directory name as it is, like PyTorch's `comment`; include
    ///     a separator of your own (`"_lr0.1"`).
    ///   - options: Buffering, flushing and naming; see ``Options``.
    /// - Throws: As ``init(logdir:options:)``.
    public convenience init(comment: String = "", options: Options = Options()) throws(SummaryWriterError) {
        try self.init(logdir: Self.defaultLogdir(comment: comment), options: options)
    }

    /// The run directory PyTorch's and tensorboardX's `SummaryWriter()` choose when given no log
    /// directory, for the current moment: `runs/` followed by
    /// `datetime.now().strftime("%b%d_%H-%M-%S")`, `_`, `socket.gethostname()` and `comment`.
    ///
    /// The time is local time (the `TZ` variable, or the system's zone), to the second; the
    /// month is the English abbreviation (`Jan` to `Dec`), as Python writes it in its default
    /// locale. The path is relative, so it names a directory below the current directory.
    public static func defaultLogdir(comment: String = "") -> String {
        let seconds = Int64(ProcessInfo.wallTime().rounded(.down))
        guard let now = CalendarTime(local: seconds) else {
            // Only a clock beyond the C library's years gets here; the host still names the run.
            return "runs/" + ProcessInfo.hostName + comment
        }
        return defaultLogdir(comment: comment, time: now, host: ProcessInfo.hostName)
    }

    /// The default run directory for a given local time and host.
    static func defaultLogdir(comment: String, time: CalendarTime, host: String) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let stamp =
            months[(time.month - 1) % 12] + twoDigits(time.day) + "_" + twoDigits(time.hour) + "-"
            + twoDigits(time.minute) + "-" + twoDigits(time.second)
        return "runs/" + stamp + "_" + host + comment
    }
}
