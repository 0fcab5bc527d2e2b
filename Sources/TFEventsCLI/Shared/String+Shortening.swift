extension String {
    /// The string in at most `width` columns: itself when it fits, else its start and its end
    /// with `…` between (`very_long_run_name/seed_3` in 15 columns is `very_lo…/seed_3`).
    ///
    /// The middle goes because the ends are what tell run names and tags apart: a sweep's runs
    /// share a prefix and differ in their last component (`seed_3`), a tag's group is its start.
    /// The end gets the extra column when the two halves cannot be equal.
    func shortened(toWidth width: Int) -> String {
        guard displayWidth > width else { return self }
        guard width > 1 else { return width == 1 ? "…" : "" }
        let head = (width - 1) / 2
        return String(prefix(head)) + "…" + String(suffix(width - 1 - head))
    }
}
