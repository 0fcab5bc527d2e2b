/// The colours of chart lines, the same in `report` and `plot`: the Okabe–Ito palette, chosen to
/// stay distinguishable with the common forms of colour blindness, in a variant for light
/// backgrounds and one for dark. A line's colour is `colors[index % colors.count]`.
enum ChartPalette {
    /// On a light background (yellow, unreadable on white, is left out; black takes its place).
    static let light = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D00"]
    /// On a dark background (dark blue and black, unreadable on black, are left out).
    static let dark = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#FFFFFF", "#5FA8FF"]

    /// The colour of line `index` on a light or dark background, as `#RRGGBB`.
    static func color(_ index: Int, dark: Bool = false) -> String {
        let colors = dark ? Self.dark : Self.light
        return colors[index % colors.count]
    }
}
