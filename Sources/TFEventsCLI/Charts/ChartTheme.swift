/// The colours and type of the SVG charts, for a light page or a dark one. Line colours come
/// from ``ChartPalette``; everything else is quiet greys so that the data stands out.
enum ChartTheme: String, Sendable, CaseIterable {
    case light
    case dark

    /// System fonts only: an SVG for a README or a paper must not fetch anything, and every
    /// platform has one of these.
    static let fontFamily =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"

    var isDark: Bool { self == .dark }

    /// The page behind the chart.
    var background: String { isDark ? "#0D1117" : "#FFFFFF" }
    /// Titles and legend names.
    var text: String { isDark ? "#E6EDF3" : "#1F2328" }
    /// Tick labels, axis titles, subtitles and notes.
    var mutedText: String { isDark ? "#9198A1" : "#59636E" }
    /// Gridlines.
    var grid: String { isDark ? "#262C36" : "#EAEEF2" }
    /// The axis lines and tick marks.
    var axis: String { isDark ? "#6E7681" : "#8C959F" }
    /// The opacity of raw lines drawn under smoothed ones (TensorBoard draws them faint).
    var rawOpacity: Double { isDark ? 0.3 : 0.25 }
    /// The opacity of a group's band.
    var bandOpacity: Double { isDark ? 0.22 : 0.16 }

    /// The colour of line `index`.
    func color(_ index: Int) -> String { ChartPalette.color(index, dark: isDark) }
}
