internal import Synchronization

/// Names of the event files a writer creates:
/// `events.out.tfevents.<10-digit seconds>.<host>.<pid>.<n, 4 digits or more><suffix>`.
///
/// The zero-padded creation time leads, so later files sort after earlier ones (TensorBoard's
/// Python loader only moves forward in name order). The process id and a per-process counter
/// keep two writers apart even when they start in the same second on the same host.
enum EventFileName {
    /// Every event file name contains this; it is how TensorBoard recognizes event files.
    static let marker = "tfevents"

    private static let counter = Atomic<Int>(0)

    /// The next counter value for this process.
    static func nextCounter() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).oldValue
    }

    /// A name for a new event file created now by this process:
    /// `events.out.tfevents.<10-digit seconds>.<host>.<pid>.<n><suffix>`.
    static func next(wallTime: Double, suffix: String) -> String {
        make(
            wallTime: wallTime, host: ProcessInfo.hostName, processID: ProcessInfo.processID,
            counter: nextCounter(), suffix: suffix)
    }

    /// A file name for a writer created at `wallTime`.
    static func make(wallTime: Double, host: String, processID: Int32, counter: Int, suffix: String) -> String {
        let seconds = String(max(0, Int64(wallTime)))
        let padded = String(repeating: "0", count: max(0, 10 - seconds.count)) + seconds
        // The counter is zero-padded so a process's files of one second keep sorting in creation
        // order past the tenth ("…0010" after "…0009", where "10" would sort before "9").
        let number = String(counter)
        let paddedCounter = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return "events.out.\(marker).\(padded).\(host).\(processID).\(paddedCounter)\(suffix)"
    }
}
