internal import Glibc

/// A moment as a date and a time of day, in UTC or in the local time zone (the `TZ` variable, or
/// the system's zone), to the second.
package struct CalendarTime: Sendable, Hashable {
    package var year: Int
    /// 1 to 12.
    package var month: Int
    /// 1 to 31.
    package var day: Int
    /// 0 to 23.
    package var hour: Int
    /// 0 to 59.
    package var minute: Int
    /// 0 to 60 (60 for a leap second).
    package var second: Int
    /// Seconds east of UTC: 0 for UTC, 3600 for Central European Time.
    package var utcOffset: Int

    package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, utcOffset: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffset = utcOffset
    }

    /// The moment `secondsSinceEpoch` (seconds since 1970-01-01 00:00:00 UTC) in UTC, or `nil`
    /// when the year does not fit the C library's `Int32`. The corresponding C function is
    /// `gmtime_r`.
    package init?(utc secondsSinceEpoch: Int64) {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return nil }
        self.init(parts)
    }

    /// The moment `secondsSinceEpoch` in the local time zone, or `nil` when the year does not
    /// fit the C library's `Int32`. The corresponding C function is `localtime_r`.
    package init?(local secondsSinceEpoch: Int64) {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        self.init(parts)
    }

    private init(_ parts: tm) {
        self.init(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
            utcOffset: Int(parts.tm_gmtoff))
    }

    /// `HH:MM:SS`, e.g. `09:05:00`.
    package var timeOfDay: String {
        Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
    }

    /// `YYYY-MM-DD HH:MM:SS`, e.g. `2023-11-14 22:13:20`; the year has at least four digits.
    package var dateAndTime: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) + " " + timeOfDay
    }

    /// `value` with leading zeros up to `width` digits, as `%0*d` prints it.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = String(repeating: "0", count: max(0, width - sign.count - digits.count))
        return sign + zeros + digits
    }
}
