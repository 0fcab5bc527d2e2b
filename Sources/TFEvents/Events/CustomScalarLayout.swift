/// A layout for TensorBoard's CUSTOM SCALARS dashboard: categories of charts, each chart drawing
/// several scalar series in one plot (`tensorboard.Layout`, EventFileFormat.md §7.8).
///
/// ```swift
/// let layout = CustomScalarLayout([
///     .init("Training", charts: [
///         .multiline("loss", tags: ["train/loss", "validation/loss"]),
///         .multiline("every accuracy", tagPatterns: ["accuracy$"]),
///         .margin("loss with bounds", series: [.init(value: "loss/mean", lower: "loss/min", upper: "loss/max")]),
///     ]),
/// ])
/// try writer.setCustomScalarLayout(layout)
/// ```
///
/// A chart draws, for every run selected in the dashboard, every scalar tag of that run that its
/// patterns match: one line per run and tag. A layout only arranges tags; the points are the
/// run's ordinary scalars (``SummaryWriter/addScalar(_:_:step:wallTime:)``).
///
/// TensorBoard reads the last layout written in each run and merges the layouts of all runs:
/// categories with the same title become one, holding the charts of each (an identical chart
/// once). See ``SummaryWriter/setCustomScalarLayout(_:wallTime:)`` for a gap in that merge.
public struct CustomScalarLayout: Sendable, Hashable {
    /// The categories, in the order the dashboard shows them.
    public var categories: [Category]

    /// Creates a layout from its categories.
    public init(_ categories: [Category] = []) {
        self.categories = categories
    }

    /// A titled, collapsible group of charts (`tensorboard.Category`).
    public struct Category: Sendable, Hashable {
        /// The title; layouts of different runs merge the categories that share it.
        public var title: String
        /// The charts, in the order the dashboard shows them.
        public var charts: [Chart]
        /// Whether the category starts collapsed (`closed`).
        public var isClosed: Bool

        /// Creates a category.
        public init(_ title: String, charts: [Chart], isClosed: Bool = false) {
            self.title = title
            self.charts = charts
            self.isClosed = isClosed
        }
    }

    /// One plot (`tensorboard.Chart`).
    public struct Chart: Sendable, Hashable {
        /// The chart's title.
        public var title: String
        /// What the chart draws.
        public var content: Content

        /// Creates a chart.
        public init(_ title: String, _ content: Content) {
            self.title = title
            self.content = content
        }

        /// A chart with one line per run and tag, for tags given literally: each is matched
        /// exactly (see ``CustomScalarLayout/pattern(matching:)``).
        public static func multiline(_ title: String, tags: [String]) -> Chart {
            Chart(title, .multiline(tagPatterns: tags.map(CustomScalarLayout.pattern(matching:))))
        }

        /// A chart with one line per run and tag, for every tag matching one of `tagPatterns`.
        ///
        /// The patterns are regular expressions in Python's syntax, which TensorBoard's server
        /// applies with `re.match`: anchored at the start of the tag, not at its end. Several
        /// patterns are joined into one alternation, `(a)|(b)`.
        public static func multiline(_ title: String, tagPatterns: [String]) -> Chart {
            Chart(title, .multiline(tagPatterns: tagPatterns))
        }

        /// A chart drawing each series as a line with a shaded band between two other tags.
        public static func margin(_ title: String, series: [MarginSeries]) -> Chart {
            Chart(title, .margin(series))
        }

        /// What a chart draws (the `content` oneof).
        public enum Content: Sendable, Hashable {
            /// Every scalar tag matching one of the patterns (`MultilineChartContent.tag`).
            case multiline(tagPatterns: [String])
            /// Lines with bands (`MarginChartContent.series`).
            case margin([MarginSeries])
        }
    }

    /// One line of a margin chart: three scalar tags of the same run, given literally (the
    /// dashboard escapes them itself).
    public struct MarginSeries: Sendable, Hashable {
        /// The tag drawn as the line.
        public var value: String
        /// The tag drawn as the lower edge of the band.
        public var lower: String
        /// The tag drawn as the upper edge of the band.
        public var upper: String

        /// Creates a margin series.
        public init(value: String, lower: String, upper: String) {
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// The pattern that matches exactly `tag` and nothing else: `^tag$`, with the characters
    /// `. * + ? ^ $ { } ( ) | [ ] \` escaped by a backslash, the set the dashboard itself
    /// escapes for margin charts.
    ///
    /// ```swift
    /// CustomScalarLayout.pattern(matching: "loss (x2)")   // ^loss \(x2\)$
    /// ```
    public static func pattern(matching tag: String) -> String {
        var pattern = "^"
        for character in tag {
            if "\\.*+?^${}()|[]".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "$"
    }
}
