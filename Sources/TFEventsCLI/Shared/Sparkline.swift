/// A one-line chart of recent values with the eight block characters ▁▂▃▄▅▆▇█.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values as blocks scaled between their own min and max; non-finite values
    /// show as a space.
    static func render(_ values: some Collection<Double>, width: Int) -> String {
        let recent = values.suffix(width)
        let finite = recent.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: recent.count)
        }
        let span = high - low
        return String(
            recent.map { value -> Character in
                guard value.isFinite else { return " " }
                guard span > 0 else { return blocks[3] }
                let index = Int(((value - low) / span * Double(blocks.count - 1)).rounded())
                return blocks[min(max(index, 0), blocks.count - 1)]
            })
    }
}
