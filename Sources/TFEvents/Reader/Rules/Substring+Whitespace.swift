extension StringProtocol {
    /// The text without leading and trailing whitespace, as Python's `str.strip()` leaves it.
    var trimmingWhitespace: Substring {
        let text = self[...]
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return Substring() }
        return Substring(text[first...last])
    }
}
