import Foundation

/// How `tfevents` names runs when a command compares several log directories.
///
/// Each log directory gets a *label*: the last component of its absolute path (`runs/exp1` →
/// `exp1`, `.` → the current directory's name), lengthened with more components only while two
/// log directories would share it (`a/exp` and `b/exp` → `a/exp`, `b/exp`).
///
/// Runs keep TensorBoard's names as long as no two log directories have a run of the same name,
/// except a log directory's own run `.`, which says nothing next to other log directories and is
/// named `LABEL`. When names clash, every run of every log directory is named `LABEL/RUN` (and `.`
/// still `LABEL`), so that one table never mixes the two schemes. If labelled names still clash
/// (a log directory given inside another one), the absolute paths are used as labels.
/// With a single log directory, names are TensorBoard's, `.` included.
enum RunNaming {
    /// The absolute, standardized form of `path` (`.` and `..` resolved, no trailing `/`).
    static func absolutePath(_ path: String) -> String {
        // A URL (s3://BUCKET/PREFIX) is absolute already; only its trailing '/' goes.
        if path.contains("://") {
            var url = path
            while url.hasSuffix("/") && !url.hasSuffix("://") { url.removeLast() }
            return url
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
    }

    /// The labels of `logdirs`: the shortest path suffixes that tell them apart.
    ///
    /// - Precondition: No two logdirs have the same ``absolutePath(_:)``.
    static func labels(for logdirs: [String]) -> [String] {
        let components = logdirs.map { absolutePath($0).split(separator: "/").map(String.init) }
        return components.indices.map { index in
            let mine = components[index]
            var length = 1
            while length < mine.count,
                components.indices.contains(where: { other in
                    other != index && components[other].suffix(length) == mine.suffix(length)
                })
            {
                length += 1
            }
            let label = mine.suffix(length).joined(separator: "/")
            return label.isEmpty ? "/" : label
        }
    }

    /// The name of run `name` under `label`.
    static func labelled(_ name: String, label: String) -> String {
        name == "." ? label : label + "/" + name
    }

    /// Names the runs of several log directories (one array of TensorBoard run names per log
    /// directory, in the order given) as described in ``RunNaming``.
    ///
    /// - Parameters:
    ///   - groups: The names of the runs shown, per log directory.
    ///   - allRunNames: Every run of each log directory, shown or filtered out: whether names clash
    ///     is decided on these, so that a run's name does not depend on `--runs`.
    ///   - logdirs: The log directories, as given.
    /// - Returns: The names shown, in the same arrays.
    static func names(_ groups: [[String]], allRunNames: [[String]], logdirs: [String]) -> [[String]] {
        guard groups.count > 1 else { return groups }
        let labels = labels(for: logdirs)
        // Next to other log directories, "." says nothing: the root run is named by its label.
        let schemes: [(String, String) -> String] = [
            { run, label in run == "." ? label : run }, labelled,
        ]
        for (labels, scheme) in [(labels, schemes[0]), (labels, schemes[1]), (logdirs.map(absolutePath), schemes[1])] {
            let names = zip(allRunNames, labels).flatMap { names, label in names.map { scheme($0, label) } }
            if Set(names).count == names.count { return rename(groups, labels, scheme) }
        }
        // Still clashing only when nested log directories reach the same directory twice: those
        // rows really are the same run, so the names by absolute path are the honest ones.
        return rename(groups, logdirs.map(absolutePath), labelled)
    }

    private static func rename(
        _ groups: [[String]], _ labels: [String], _ name: (_ run: String, _ label: String) -> String
    ) -> [[String]] {
        zip(groups, labels).map { group, label in group.map { name($0, label) } }
    }
}
