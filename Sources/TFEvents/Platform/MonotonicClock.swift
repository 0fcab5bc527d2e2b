internal import Glibc

/// Seconds on a clock that only moves forward, for measuring how long something took; its zero
/// is arbitrary (the boot, on Linux).
package enum MonotonicClock {
    /// The clock's current reading in seconds, with its full resolution. The corresponding C call
    /// is `clock_gettime` with `CLOCK_MONOTONIC`.
    package static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
