internal import Glibc

/// Facts about the running process that go into event file names and wall times.
enum ProcessInfo {
    /// The host name, as `gethostname` reports it.
    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        let name = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // A name must not add path components to the file name it goes into.
        let safe = name.replacingSlashes()
        return safe.isEmpty ? "localhost" : safe
    }()

    /// The process id.
    static var processID: Int32 { getpid() }

    /// The number of cores the process may use (``AvailableCores``): how many runs are read at once.
    static var processorCount: Int { AvailableCores.count }

    /// Seconds since the Unix epoch, with the clock's full resolution.
    static func wallTime() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }
}

extension String {
    fileprivate func replacingSlashes() -> String {
        String(map { $0 == "/" ? "_" : $0 })
    }
}
