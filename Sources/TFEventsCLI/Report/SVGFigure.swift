import Foundation

/// A static chart inlined in the report in both themes: the light and the dark rendering side by
/// side, one of them hidden by the page's theme (the style sheet's `.svg-light`/`.svg-dark` rules),
/// since an SVG's colours are fixed when it is drawn.
enum SVGFigure {
    /// The two renderings of a chart, each made by `render` for its theme.
    static func html(_ render: (ChartTheme) -> String) -> String {
        "<div class=\"svg-chart svg-light\">\(inline(render(.light)))</div>"
            + "<div class=\"svg-chart svg-dark\">\(inline(render(.dark)))</div>"
    }

    /// A standalone SVG made fit for HTML: inside an HTML page the `svg` element is in the SVG
    /// namespace without saying so, and the page then holds no address at all, not even a
    /// namespace name (what the report's tests check).
    private static func inline(_ svg: String) -> String {
        svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    }
}
