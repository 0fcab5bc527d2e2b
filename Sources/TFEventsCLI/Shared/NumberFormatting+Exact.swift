extension NumberFormatting {
    /// The shortest decimal that reads back as exactly `value` (Swift's and Python's `repr`), with
    /// `nan`, `inf` and `-inf` for the non-finite values, which Python's `float()`, pandas and
    /// most CSV readers accept.
    ///
    /// Scalars are float32 widened to float64, so `0.1` as written prints as `0.10000000149011612`:
    /// the value TensorBoard shows, to the last bit.
    static func exact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return value.description
    }
}
