/// Whether smaller or larger is better for a tag, which decides what ``Statistic/best`` means.
///
/// The rules are tried in order:
/// 1. a tag that `--maximize` matches is maximized;
/// 2. a tag that `--minimize` matches is minimized;
/// 3. a tag that matches `loss|error|err`, ignoring case, is minimized (losses and error rates);
/// 4. any other tag is maximized (accuracies, rewards, scores).
///
/// Matching searches the tag (it is not anchored), so `err` matches `val/top1_err`.
struct ObjectiveRule: @unchecked Sendable {  // Regex is immutable once compiled
    /// The default pattern of the tags to minimize.
    static let defaultMinimizePattern = "loss|error|err"

    /// `--maximize`, when given.
    var maximize: Regex<AnyRegexOutput>?
    /// `--minimize`, when given.
    var minimize: Regex<AnyRegexOutput>?
    private let defaultMinimize: Regex<AnyRegexOutput>

    init(maximize: Regex<AnyRegexOutput>? = nil, minimize: Regex<AnyRegexOutput>? = nil) {
        self.maximize = maximize
        self.minimize = minimize
        // A constant pattern: it always compiles.
        self.defaultMinimize = (try? Regex(Self.defaultMinimizePattern).ignoresCase()) ?? Regex(/(?!)/)
    }

    /// Whether smaller values of `tag` are better.
    func minimizes(_ tag: String) -> Bool {
        if let maximize, (try? maximize.firstMatch(in: tag)) != nil { return false }
        if let minimize, (try? minimize.firstMatch(in: tag)) != nil { return true }
        return (try? defaultMinimize.firstMatch(in: tag)) != nil
    }
}
