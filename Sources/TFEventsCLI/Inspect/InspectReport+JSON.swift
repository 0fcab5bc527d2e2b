import TFEvents

extension InspectReport {
    /// The report as one JSON object (see `tfevents inspect --help` for its shape). Numbers follow
    /// TensorBoard's JSON: non-finite values as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    func json(tagFilter: CompiledFilters) -> JSONValue {
        let records = files.reduce(0) { $0 + $1.records }
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        return .object([
            ("path", .string(path)),
            ("kind", .string(kind.rawValue)),
            ("clean", .bool(isClean)),
            (
                "totals",
                .object([
                    ("runs", .integer(Int64(kind == .logdir ? runs.count : 0))),
                    ("files", .integer(Int64(files.count))),
                    ("bytes", .integer(bytes)),
                    ("records", .integer(Int64(records))),
                    ("problems", .integer(Int64(problemCount))),
                    ("damaged_files", .integer(Int64(damagedFileCount))),
                ])
            ),
            (
                "directory_problems",
                .array(
                    directoryProblems.map {
                        .object([("kind", .string("io")), ("path", .string($0.path)), ("message", .string($0.message))])
                    })
            ),
            ("runs", .array(runs.map { json($0, tagFilter: tagFilter) })),
        ])
    }

    private func json(_ run: Run, tagFilter: CompiledFilters) -> JSONValue {
        .object([
            ("name", run.name.map { .string($0) } ?? .null),
            ("path", .string(run.path)),
            ("files", .array(run.files.map { json($0, tagFilter: tagFilter) })),
            ("notes", .array(run.notes.map { .string($0) })),
        ])
    }

    private func json(_ file: FileInspection, tagFilter: CompiledFilters) -> JSONValue {
        let events = file.events
        var statuses: [(String, JSONValue)] = [Int32(1), 2, 3, 0].map {
            (Self.statusName($0), .integer(Int64(events.sessionLog[$0] ?? 0)))
        }
        for (status, count) in events.sessionLog.sorted(by: { $0.key < $1.key }) where !(0...3).contains(status) {
            statuses.append((Self.statusName(status), .integer(Int64(count))))
        }
        let tags = file.sortedTags.filter { tagFilter.includes(tag: $0.tag) }
        return .object([
            ("name", .string(file.name)),
            ("path", .string(file.path)),
            ("size", .integer(file.size)),
            ("records", .integer(Int64(file.records))),
            (
                "events",
                .object([
                    ("file_version", .integer(Int64(events.fileVersion))),
                    ("summary", .integer(Int64(events.summary))),
                    ("session_log", .object(statuses)),
                    ("log_message", .integer(Int64(events.logMessage))),
                    ("graph_def", .integer(Int64(events.graphDef))),
                    ("meta_graph_def", .integer(Int64(events.metaGraphDef))),
                    ("tagged_run_metadata", .integer(Int64(events.taggedRunMetadata))),
                    ("empty", .integer(Int64(events.empty))),
                ])
            ),
            ("values", .object(file.valuesByPlugin.sorted { $0.key < $1.key }.map { ($0.key, .integer(Int64($0.value))) })),
            ("file_version", file.fileVersion.map { .string($0) } ?? .null),
            ("source_writer", file.sourceWriter.map { .string($0) } ?? .null),
            ("steps", json(file.steps)),
            ("wall_time", json(file.wallTime)),
            (
                "tags",
                .array(
                    tags.map { tag in
                        .object([
                            ("tag", .string(tag.tag)),
                            ("plugin", .string(tag.plugin)),
                            ("values", .integer(Int64(tag.values))),
                            ("steps", json(tag.steps)),
                            ("non_finite", tag.plugin == "scalars" ? .integer(Int64(tag.nonFinite)) : .null),
                        ])
                    })
            ),
            (
                "problems",
                .array(
                    file.problems.map { problem in
                        .object([
                            ("kind", .string(problem.kind.rawValue)),
                            ("offset", problem.offset.map { .integer($0) } ?? .null),
                            ("resumed_at", problem.resumedAt.map { .integer($0) } ?? .null),
                            ("message", .string(problem.message)),
                        ])
                    })
            ),
            ("notes", .array(file.notes.map { .string($0) })),
        ])
    }

    private func json(_ steps: StepStatistics) -> JSONValue {
        guard !steps.isEmpty else { return .null }
        return .object([
            ("count", .integer(Int64(steps.count))),
            ("first", .integer(steps.first)),
            ("last", .integer(steps.last)),
            ("min", .integer(steps.min)),
            ("max", .integer(steps.max)),
            ("out_of_order", .integer(Int64(steps.outOfOrder))),
        ])
    }

    private func json(_ time: WallTimeStatistics) -> JSONValue {
        guard !time.isEmpty || time.nonFinite > 0 else { return .null }
        return .object([
            ("first", time.isEmpty ? .null : .number(time.first)),
            ("last", time.isEmpty ? .null : .number(time.last)),
            ("min", time.isEmpty ? .null : .number(time.min)),
            ("max", time.isEmpty ? .null : .number(time.max)),
            ("non_finite", .integer(Int64(time.nonFinite))),
        ])
    }
}
