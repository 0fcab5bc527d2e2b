import TFEvents

/// How scalar lines are drawn: smoothing, a group's band, what the x axis shows and whether the y
/// axis is logarithmic. `plot` takes these from its options; a report can draw with the same.
struct ScalarChartStyle: Sendable, Hashable {
    /// What x is.
    enum XAxis: String, Sendable, CaseIterable {
        /// The step.
        case step
        /// Seconds since the line's first point (TensorBoard's "relative").
        case relative
        /// The wall time, as a time of day or a date.
        case wall
    }

    /// What a group's band shows around its mean.
    enum Band: String, Sendable, CaseIterable {
        /// One standard deviation either side of the mean.
        case std
        /// From the lowest to the highest run.
        case minmax
        /// No band.
        case none
    }

    /// TensorBoard's smoothing weight: 0 draws the raw values, 0.6 is TensorBoard's default.
    var smoothing: Double = Smoothing.defaultWeight
    var band: Band = .std
    var x: XAxis = .step
    var logarithmicY = false
    /// The zone of wall-time ticks, in seconds east of UTC.
    var utcOffset = 0
}
