import Foundation

/// How `tfevents summary` names runs when it compares several log directories.
///
/// Each log directory gets a *label*: the last component of its absolute path (`runs/exp1` →
/// `exp1`, `.` → the current directory's name), lengthened with more components only while two
/// log directories would share it (`a/exp` and `b/exp` → `a/exp`, `b/exp`).
///
/// Runs keep TensorBoard's names as long as no two log directories have a run of the same name.
/// When some do, every run of every log directory is named `LABEL/RUN`, so that one table never
/// mixes the two schemes; the log directory's own run `.` is then named `LABEL`. If labelled names
/// still clash (a log directory given inside another one), the absolute paths are used as labels.
enum RunNaming {
    /// The absolute, standardized form of `path` (`.` and `..` resolved, no trailing `/`).
    static func absolutePath(_ path: String) -> String {
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

    /// Names the runs of several log directories (one array per log directory, in the order
    /// given) as described in ``RunNaming``, setting each ``RunSummary/name``.
    static func name(_ groups: [[RunSummary]], logdirs: [String]) -> [[RunSummary]] {
        guard groups.count > 1 else { return groups }
        if allUnique(groups.joined().map(\.runName)) { return groups }
        var named: [[RunSummary]] = []
        for labels in [labels(for: logdirs), logdirs.map(absolutePath)] {
            named = zip(groups, labels).map { group, label in
                group.map { run in
                    var run = run
                    run.name = labelled(run.runName, label: label)
                    return run
                }
            }
            if allUnique(named.joined().map(\.name)) { break }
        }
        // Still clashing only when nested log directories reach the same directory twice: those
        // rows really are the same run, so the names by absolute path are the honest ones.
        return named
    }

    private static func allUnique(_ names: some Sequence<String>) -> Bool {
        var seen: Set<String> = []
        return names.allSatisfy { seen.insert($0).inserted }
    }
}
