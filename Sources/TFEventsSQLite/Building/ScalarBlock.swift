/// Scalar points of one run gathered series by series, each series' points in TensorBoard's
/// order, so that the points of a series are inserted one after another: a range of rowids of
/// `scalar_point`, recorded in `scalar_range`, instead of an index built afterwards.
struct ScalarBlock: Sendable {
    /// One series' points in the block.
    struct Series: Sendable {
        /// The series' id within its run (`TFEvents.Series.id`).
        var localID: Int
        var steps: [Int64] = []
        var wallTimes: [Double] = []
        var values: [Double] = []
    }

    /// The series with points in the block, by ascending ``Series/localID``.
    var series: [Series]
    /// The points in the block.
    var count: Int
    /// The latest wall time of the block's points.
    var latestWallTime: Double?
}
