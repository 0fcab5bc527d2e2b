import TFEvents

/// Fills a new database from a run feed: the tables of ``DatabaseSchema`` in one transaction,
/// with a prepared statement per table reused for every row, then the indexes and views.
///
/// Runs and series get integer ids in the order they come; a run's row and its series' rows
/// are written when the run ends, once its facts (first wall time, hyperparameters) and each
/// series' point and purge counts are known.
final class DatabaseBuilder {
    private let connection: SQLiteConnection
    private let scalars: ScalarInserter
    private let insertRun: SQLiteStatement
    private let insertFile: SQLiteStatement
    private let insertSeries: SQLiteStatement
    private let insertHParam: SQLiteStatement
    private let insertProblem: SQLiteStatement
    private let insertBucket: SQLiteStatement
    private let insertImage: SQLiteStatement
    private let insertText: SQLiteStatement
    private let insertAudio: SQLiteStatement
    private let insertThreshold: SQLiteStatement
    private let insertMesh: SQLiteStatement
    private let insertChart: SQLiteStatement

    private(set) var counts = SQLiteExport.Counts()
    /// Points written so far, of every kind.
    private(set) var pointCount = 0

    // The run being written.
    private var runID: Int64 = 0
    private(set) var runIndex = -1
    private(set) var runName = ""
    private var listing: LogdirListing.Run?
    /// By the run's own series id: the series, its database id and its point count.
    private var series: [SeriesEntry?] = []
    private var lastWallTime: Double?
    private var nextSeriesID: Int64 = 1

    private struct SeriesEntry {
        var series: Series
        var id: Int64
        var points = 0
    }

    /// Creates the tables in the empty database `connection` and opens the transaction.
    init(_ connection: SQLiteConnection, logdir: String) throws(SQLiteFailure) {
        self.connection = connection
        try connection.execute(DatabaseSchema.buildSettings)
        try connection.execute("BEGIN")
        try connection.execute(DatabaseSchema.tables)
        scalars = try ScalarInserter(connection)
        insertRun = try connection.prepare(
            """
            INSERT INTO run (id, name, path, files, first_wall_time, last_wall_time, file_version, source_writer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFile = try connection.prepare("INSERT INTO file VALUES (?, ?, ?, ?)")
        insertSeries = try connection.prepare("INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertHParam = try connection.prepare("INSERT INTO hparam VALUES (?, ?, ?)")
        insertProblem = try connection.prepare("INSERT INTO problem VALUES (?, ?, ?, ?, ?, ?)")
        insertBucket = try connection.prepare("INSERT INTO histogram_bucket VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertImage = try connection.prepare("INSERT INTO image VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertText = try connection.prepare("INSERT INTO text_point VALUES (?, ?, ?, ?, ?)")
        insertAudio = try connection.prepare("INSERT INTO audio_clip VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        insertThreshold = try connection.prepare(
            "INSERT INTO pr_curve_threshold VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertMesh = try connection.prepare("INSERT INTO mesh_tensor VALUES (?, ?, ?, ?, ?, ?)")
        insertChart = try connection.prepare("INSERT INTO layout_chart VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let meta = try connection.prepare("INSERT INTO meta VALUES (?, ?)")
        for (key, value) in [
            ("schema_version", SQLiteValue.integer(Int64(DatabaseSchema.version))),
            ("logdir", .text(logdir)), ("generator", .text("swift-tfevents")),
        ] {
            try meta.bind(.text(key), at: 1)
            try meta.bind(value, at: 2)
            try meta.run()
        }
    }

    /// Problems of the log directory itself (directories that could not be listed).
    func add(listingProblems: [ReadProblem]) throws(SQLiteFailure) {
        for problem in listingProblems { try add(problem, runID: nil, runPath: nil) }
    }

    /// A run starts.
    func startRun(_ listing: LogdirListing.Run) throws(SQLiteFailure) {
        runIndex += 1
        runID = Int64(runIndex + 1)
        runName = listing.name
        self.listing = listing
        series.removeAll(keepingCapacity: true)
        lastWallTime = nil
        for file in listing.files {
            try insertFile.bind(runID, at: 1)
            try insertFile.bind(file.name, at: 2)
            try insertFile.bind(file.size, at: 3)
            try insertFile.bind(file.isPlaceholder ? 1 : 0, at: 4)
            try insertFile.run()
        }
    }

    /// One item of the run's stream.
    func add(_ item: RunReader.Item) throws(SQLiteFailure) {
        switch item {
        case .point(let point):
            guard point.series < series.count, let entry = series[point.series] else { return }
            series[point.series]!.points += 1
            pointCount += 1
            if lastWallTime.map({ point.wallTime > $0 }) ?? true { lastWallTime = point.wallTime }
            try add(point, seriesID: entry.id, of: entry.series)
        case .series(let announced):
            while series.count <= announced.id { series.append(nil) }
            series[announced.id] = SeriesEntry(series: announced, id: nextSeriesID)
            nextSeriesID += 1
        case .problem(let problem):
            counts.problems.append(problem)
            try add(problem, runID: runID, runPath: listing?.path)
        }
    }

    /// Scalar points of the run.
    func add(_ block: ScalarBlock) throws(SQLiteFailure) {
        for points in block.series {
            guard points.localID < series.count, let id = series[points.localID]?.id else { continue }
            series[points.localID]!.points += points.steps.count
            try scalars.insert(points, seriesID: id)
        }
        counts.scalars += block.count
        pointCount += block.count
        if let latest = block.latestWallTime, lastWallTime.map({ latest > $0 }) ?? true { lastWallTime = latest }
    }

    /// The run's stream ended: its row, its series' rows and its hyperparameters.
    func endRun(_ run: Run, droppedPointCounts: [Int: Int]) throws(SQLiteFailure) {
        counts.runs += 1
        try insertRun.bind(runID, at: 1)
        try insertRun.bind(run.name, at: 2)
        try insertRun.bind(run.path, at: 3)
        try insertRun.bind(listing?.files.count ?? 0, at: 4)
        try insertRun.bind(run.firstEventWallTime, at: 5)
        try insertRun.bind(lastWallTime, at: 6)
        try insertRun.bind(run.fileVersion, at: 7)
        try insertRun.bind(run.sourceWriter, at: 8)
        try insertRun.run()
        for (localID, entry) in series.enumerated() {
            guard let entry else { continue }
            let purged = droppedPointCounts[localID] ?? 0
            counts.purged += purged
            let metadata = entry.series.metadata
            let mesh = entry.series.meshComponent
            try insertSeries.bind(entry.id, at: 1)
            try insertSeries.bind(runID, at: 2)
            try insertSeries.bind(entry.series.tag, at: 3)
            try insertSeries.bind(entry.series.kind.rawValue, at: 4)
            try insertSeries.bind(entry.series.pluginName, at: 5)
            try insertSeries.bind(metadata?.displayName, at: 6)
            try insertSeries.bind(metadata?.summaryDescription, at: 7)
            try insertSeries.bind(mesh?.meshName, at: 8)
            try insertSeries.bind(mesh?.part?.rawValue, at: 9)
            try insertSeries.bind(entry.points, at: 10)
            try insertSeries.bind(purged, at: 11)
            try insertSeries.run()
        }
        for (name, value) in run.hparams.sorted(by: { $0.key < $1.key }) {
            try insertHParam.bind(runID, at: 1)
            try insertHParam.bind(name, at: 2)
            switch value {
            case .string(let text): try insertHParam.bind(text, at: 3)
            case .number(let number): try insertHParam.bind(number, at: 3)
            case .bool(let flag): try insertHParam.bind(Int64(flag ? 1 : 0), at: 3)
            }
            try insertHParam.run()
        }
    }

    /// Writes the last rows, makes the indexes and views, and commits.
    func finish() throws(SQLiteFailure) {
        try connection.execute(DatabaseSchema.indexes)
        try connection.execute(DatabaseSchema.views)
        try connection.execute("PRAGMA user_version = \(DatabaseSchema.version)")
        try connection.execute("PRAGMA application_id = \(DatabaseSchema.applicationID)")
        try connection.execute("COMMIT")
    }

    // MARK: Rows

    private func add(_ point: Point, seriesID: Int64, of series: Series) throws(SQLiteFailure) {
        switch point.value {
        case .scalar:
            // The feed gathers scalars into blocks (``add(_:)-(ScalarBlock)``).
            break
        case .histogram(let histogram):
            counts.histograms += 1
            for (index, bucket) in histogram.buckets.enumerated() {
                try bindPoint(insertBucket, seriesID, point)
                try insertBucket.bind(index, at: 4)
                try insertBucket.bind(bucket.left, at: 5)
                try insertBucket.bind(bucket.right, at: 6)
                try insertBucket.bind(bucket.count, at: 7)
                try insertBucket.run()
            }
        case .images(let width, let height, let images):
            for (index, image) in images.enumerated() {
                counts.images += 1
                try bindPoint(insertImage, seriesID, point)
                try insertImage.bind(index, at: 4)
                try insertImage.bind(width, at: 5)
                try insertImage.bind(height, at: 6)
                try insertImage.bind(bytes: image, at: 7)
                try insertImage.run()
            }
        case .text(let shape, let strings):
            counts.text += 1
            try bindPoint(insertText, seriesID, point)
            try insertText.bind(JSONText.array(shape), at: 4)
            // One string (rank 0, Markdown, or a one-element table as tensorboardX writes) as it
            // is; a table as JSON arrays nested by its shape, which the `shape` column gives.
            let value = strings.count == 1 ? strings[0] : JSONText.nested(strings[...], shape: shape[...])
            try insertText.bind(value, at: 5)
            try insertText.run()
        case .audio(let clips):
            for (index, clip) in clips.enumerated() {
                counts.audio += 1
                try bindPoint(insertAudio, seriesID, point)
                try insertAudio.bind(index, at: 4)
                try insertAudio.bind(clip.sampleRate, at: 5)
                try insertAudio.bind(clip.channelCount, at: 6)
                try insertAudio.bind(clip.frameCount, at: 7)
                try insertAudio.bind(bytes: clip.encoded, at: 8)
                try insertAudio.run()
            }
        case .prCurve(let curve):
            counts.prCurves += 1
            let count = curve.thresholdCount
            let rows = [
                curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives,
                curve.precision, curve.recall,
            ]
            for index in 0..<count {
                try bindPoint(insertThreshold, seriesID, point)
                try insertThreshold.bind(index, at: 4)
                // TensorBoard's thresholds: i / (n - 1).
                try insertThreshold.bind(count > 1 ? Double(index) / Double(count - 1) : 0, at: 5)
                for (column, values) in rows.enumerated() {
                    try insertThreshold.bind(index < values.count ? values[index] : nil, at: Int32(6 + column))
                }
                try insertThreshold.run()
            }
        case .mesh(let tensor):
            counts.meshes += 1
            try bindPoint(insertMesh, seriesID, point)
            try insertMesh.bind(tensor.batchSize, at: 4)
            try insertMesh.bind(tensor.rowCount, at: 5)
            try insertMesh.bind(JSONText.array(tensor.shape), at: 6)
            try insertMesh.run()
        case .layout(let layout):
            counts.layouts += 1
            try add(layout, seriesID: seriesID, point)
        case .tensor:
            counts.other += 1
        }
    }

    private func add(_ layout: CustomScalarLayout, seriesID: Int64, _ point: Point) throws(SQLiteFailure) {
        for (categoryIndex, category) in layout.categories.enumerated() {
            for (chartIndex, chart) in category.charts.enumerated() {
                let kind: String
                let tags: String
                switch chart.content {
                case .multiline(let patterns):
                    kind = "multiline"
                    tags = JSONText.array(patterns)
                case .margin(let lines):
                    kind = "margin"
                    let objects = lines.map {
                        JSONText.object([("value", $0.value), ("lower", $0.lower), ("upper", $0.upper)])
                    }
                    tags = "[" + objects.joined(separator: ",") + "]"
                }
                try bindPoint(insertChart, seriesID, point)
                try insertChart.bind(categoryIndex, at: 4)
                try insertChart.bind(category.title, at: 5)
                try insertChart.bind(category.isClosed ? 1 : 0, at: 6)
                try insertChart.bind(chartIndex, at: 7)
                try insertChart.bind(chart.title, at: 8)
                try insertChart.bind(kind, at: 9)
                try insertChart.bind(tags, at: 10)
                try insertChart.run()
            }
        }
    }

    /// Binds the first three columns every point table starts with.
    private func bindPoint(_ statement: SQLiteStatement, _ seriesID: Int64, _ point: Point) throws(SQLiteFailure) {
        try statement.bind(seriesID, at: 1)
        try statement.bind(point.step, at: 2)
        try statement.bind(point.wallTime, at: 3)
    }

    private func add(_ problem: ReadProblem, runID: Int64?, runPath: String?) throws(SQLiteFailure) {
        // A run's file by its name in the run's directory; anything else by its path.
        var file = problem.path
        if let runPath, file.hasPrefix(runPath + "/") { file = String(file.dropFirst(runPath.count + 1)) }
        try insertProblem.bind(runID.map { SQLiteValue.integer($0) } ?? .null, at: 1)
        try insertProblem.bind(file, at: 2)
        try insertProblem.bind(problem.offset.map { SQLiteValue.integer($0) } ?? .null, at: 3)
        try insertProblem.bind(problem.resumedAt.map { SQLiteValue.integer($0) } ?? .null, at: 4)
        try insertProblem.bind(problem.kind.rawValue, at: 5)
        try insertProblem.bind(problem.message, at: 6)
        try insertProblem.run()
    }
}
