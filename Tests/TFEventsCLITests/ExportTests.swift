import Foundation
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents export`: the built binary against TensorBoard's view of the fixtures (scalars,
/// histograms, images), purges, hostile names for image files, output files, filters and errors.
@Suite struct ExportTests {
    typealias Support = FollowExportSupport

    /// The scalar rows of a CSV export (`run,tag,step,wall_time,value`).
    static func csvRows(_ text: String) throws -> [ScalarRow] {
        let records = Support.parseCSV(text)
        #expect(records.first == ["run", "tag", "step", "wall_time", "value"])
        return try records.dropFirst().map { record in
            guard record.count == 5, let step = Int64(record[2]), let wall = Double(record[3]),
                let value = Double(record[4])
            else { throw SupportError("bad CSV row \(record)") }
            return ScalarRow(run: record[0], tag: record[1], step: step, wallTime: wall, value: value)
        }
    }

    /// The objects of a JSON Lines export.
    static func jsonObjects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try ExactJSON.parse(Array(line.utf8)) as? [String: Any] else {
                throw SupportError("not an object: \(line)")
            }
            return object
        }
    }

    static func scalarRow(_ object: [String: Any]) throws -> ScalarRow {
        ScalarRow(
            run: object["run"] as? String ?? "", tag: object["tag"] as? String ?? "",
            step: try Support.integer(object["step"] as Any), wallTime: try Support.number(object["wall_time"] as Any),
            value: try Support.number(object["value"] as Any))
    }

    /// The runs where the reader recovers records past damage that TensorBoard stops at.
    static let recoveredRuns: Set<String> = ["damaged", "damaged_then_good"]

    // MARK: Scalars against TensorBoard

    @Test(arguments: FollowExportSupport.intactFixtures)
    func csvHoldsExactlyTensorBoardsScalarPoints(_ name: String) throws {
        let result = try runTFEvents(["export", Support.fixture(name)])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.csvRows(result.stdout)
        #expect(Support.grouped(rows) == (try Support.tensorBoardScalars(name)))
    }

    @Test(arguments: FollowExportSupport.intactFixtures)
    func jsonLinesHoldExactlyTensorBoardsScalarPoints(_ name: String) throws {
        let result = try runTFEvents(["export", Support.fixture(name), "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try Self.jsonObjects(result.stdout)
        #expect(objects.allSatisfy { Set($0.keys) == ["run", "tag", "step", "wall_time", "value"] })
        let rows = try objects.map(Self.scalarRow)
        #expect(Support.grouped(rows) == (try Support.tensorBoardScalars(name)))
    }

    @Test func nonFiniteValuesAreSpelledForEachFormat() throws {
        let fixture = Support.fixture("tbx_plugins")
        let csv = try runTFEvents(["export", fixture, "--tags", "special/(nan|pos_inf|neg_inf|neg_zero|point_one)"])
        #expect(
            csv.stdout == """
                run,tag,step,wall_time,value
                tbx,special/nan,0,1700000000.0,nan
                tbx,special/pos_inf,0,1700000000.0,inf
                tbx,special/neg_inf,0,1700000000.0,-inf
                tbx,special/point_one,0,1700000000.0,0.10000000149011612
                tbx,special/neg_zero,0,1700000000.0,-0.0

                """)
        let jsonl = try runTFEvents(["export", fixture, "--tags", "special/(nan|neg_inf)", "--format", "jsonl"])
        #expect(
            jsonl.stdout == """
                {"run": "tbx", "tag": "special/nan", "step": 0, "wall_time": 1700000000.0, "value": "NaN"}
                {"run": "tbx", "tag": "special/neg_inf", "step": 0, "wall_time": 1700000000.0, "value": "-Infinity"}

                """)
    }

    @Test(arguments: FollowExportSupport.damagedFixtures)
    func damagedFixturesExportTheGoodPointsAndReportTheDamage(_ name: String) throws {
        let result = try runTFEvents(["export", Support.fixture(name)])
        #expect(result.status == 0)
        let rows = Support.grouped(try Self.csvRows(result.stdout))
        let expected = try Support.tensorBoardScalars(name)
        for (run, tags) in expected where !Self.recoveredRuns.contains(run) || name == "damaged_truncated" {
            #expect(rows[run] == tags, "\(run)")
        }
        if name == "damaged_data_crc" || name == "damaged_length_crc" {
            // Past the damage, where TensorBoard stops reading the file.
            #expect(rows["damaged"]?["x"]?.map(\.step) == [0, 1, 2, 3, 5, 6, 7, 8, 9])
            #expect(rows["damaged_then_good"]?["x"]?.map(\.step) == [0, 1, 2, 3, 5, 6, 7, 8, 9] + Array(10...14))
        }
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == (name == "damaged_empty_file" ? 0 : 2), "\(result.stderr)")
    }

    // MARK: Purges

    @Test func pointsThatAPurgeDropsAreNotExported() throws {
        let result = try runTFEvents(["export", Support.fixture("purge_step_restart"), "--runs", "both"])
        #expect(result.status == 0)
        let rows = Support.grouped(try Self.csvRows(result.stdout))["both_purge_step"] ?? [:]
        #expect(rows["loss"]?.map(\.step) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(rows["loss"]?.map(\.value) == [0, 1, 2, 3, 4, 105, 106, 107])
        #expect(rows["other"]?.map(\.step) == [0, 1, 2, 3, 4])
        #expect(result.stderr == "note: left out 10 points that a restarted writer purged, as TensorBoard does.\n")

        // Without a file version, a step going back purges only its own tag.
        let backwards = try runTFEvents(["export", Support.fixture("no_file_version"), "--runs", "backwards"])
        let tags = Support.grouped(try Self.csvRows(backwards.stdout))["backwards"] ?? [:]
        #expect(tags["x"]?.map(\.step) == [0, 1, 2, 3, 4])
        #expect(tags["y"]?.map(\.step) == [0, 1, 2, 3, 4, 5, 6])
    }

    @Test func repeatedRestartsAcrossFilesLeaveWhatTheAccumulatorKeeps() throws {
        let logdir = try Support.makeDirectory("export-restarts")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        // Three sessions of one run, each restarting at an earlier step, and a second run. The
        // files are renamed so that they sort in the order written, whatever the writer's counter.
        for (session, (purge, steps)) in [(Int64(0), 0..<10), (5, 5..<8), (2, 2..<4)].enumerated() {
            let writer = try SummaryWriter(logdir: logdir + "/run", options: .init(purgeStep: purge))
            for step in steps {
                try writer.addScalars(["a": Double(step) + Double(purge) * 100, "b": -Double(step)], step: step)
            }
            try writer.close()
            try FileManager.default.moveItem(
                atPath: writer.path, toPath: logdir + "/run/events.out.tfevents.170000000\(session).testhost")
        }
        let other = try SummaryWriter(logdir: logdir + "/other")
        for step in 0..<4 { try other.addScalar("a", Double(step), step: step) }
        try other.close()

        let result = try runTFEvents(["export", logdir])
        #expect(result.status == 0)
        let rows = Support.grouped(try Self.csvRows(result.stdout))
        #expect(rows["run"]?["a"]?.map(\.step) == [0, 1, 2, 3])
        #expect(rows["run"]?["a"]?.map(\.value) == [0, 1, 202, 203])

        let contents = try SummaryReader(logdir: logdir).contents()
        for (run, tags) in rows {
            for (tag, points) in tags {
                let kept = (contents.run(named: run)?.series(tag: tag)?.points ?? []).map { point in
                    ScalarRow(run: run, tag: tag, step: point.step, wallTime: point.wallTime, value: point.value.scalar ?? .nan)
                }
                #expect(points == kept, "\(run)/\(tag)")
            }
        }
    }

    // MARK: Histograms

    @Test(arguments: ["tbx_plugins", "tf2_plugins"])
    func histogramsMatchTensorBoardInBothFormats(_ name: String) throws {
        let view = try Support.tensorBoardView(name)
        var expected: [String: [[[Double]]]] = [:]  // "run/tag" → points → buckets
        for (run, tags) in view["histograms"] as? [String: [String: [[String: Any]]]] ?? [:] {
            for (tag, points) in tags {
                expected[run + "/" + tag] = try points.map { point in
                    try (point["buckets"] as? [[Any]] ?? []).map { try $0.map(Support.number) }
                }
            }
        }
        #expect(!expected.isEmpty)

        let jsonl = try runTFEvents(["export", Support.fixture(name), "--histograms", "--format", "jsonl"])
        #expect(jsonl.status == 0)
        var fromJSON: [String: [[[Double]]]] = [:]
        for object in try Self.jsonObjects(jsonl.stdout) where object["buckets"] != nil {
            #expect(object["value"] == nil)
            let buckets = try (object["buckets"] as? [[Any]] ?? []).map { try $0.map(Support.number) }
            fromJSON["\(object["run"] ?? "")/\(object["tag"] ?? "")", default: []].append(buckets)
        }
        #expect(fromJSON == expected)

        let csv = try runTFEvents(["export", Support.fixture(name), "--histograms"])
        let records = Support.parseCSV(csv.stdout)
        #expect(records.first == ["run", "tag", "step", "wall_time", "value", "left", "right", "count"])
        var fromCSV: [String: [String: [[Double]]]] = [:]  // "run/tag" → "step wall" → buckets
        var order: [String: [String]] = [:]
        for record in records.dropFirst() {
            #expect(record.count == 8)
            if record[4].isEmpty {
                let key = record[0] + "/" + record[1]
                let point = record[2] + " " + record[3]
                if fromCSV[key]?[point] == nil { order[key, default: []].append(point) }
                fromCSV[key, default: [:]][point, default: []].append(record[5...7].compactMap { Double($0) })
            } else {
                #expect(record[5...7].allSatisfy { $0.isEmpty }, "scalar rows leave the bucket columns empty")
            }
        }
        let csvBuckets = fromCSV.mapValues { _ in [[[Double]]]() }.keys.reduce(into: [String: [[[Double]]]]()) {
            result, key in result[key] = (order[key] ?? []).map { fromCSV[key]?[$0] ?? [] }
        }
        // A histogram with no buckets has no CSV row.
        #expect(csvBuckets == expected.filter { !$0.value.allSatisfy(\.isEmpty) }.mapValues { $0.filter { !$0.isEmpty } })
    }

    // MARK: Images

    @Test(arguments: ["tbx_plugins", "tf2_plugins"])
    func imagesAreWrittenWithTheirExactBytes(_ name: String) throws {
        let directory = temporaryPath("export-images")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try runTFEvents(
            ["export", Support.fixture(name), "--images", directory, "--tags", "^(img/|imgs$|gray$)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "run,tag,step,wall_time,value\n")

        let view = try Support.tensorBoardView(name)
        var expected: [String: String] = [:]  // "run,tag,step,index" → sha256
        for (run, tags) in view["images"] as? [String: [String: [[String: Any]]]] ?? [:] {
            for (tag, points) in tags {
                for point in points {
                    let step = try Support.integer(point["step"] as Any)
                    for (index, hash) in (point["sha256"] as? [String] ?? []).enumerated() {
                        expected["\(run),\(tag),\(step),\(index)"] = hash
                    }
                }
            }
        }
        let index = Support.parseCSV(try String(contentsOfFile: directory + "/images.csv", encoding: .utf8))
        #expect(index.first == ["run", "tag", "step", "wall_time", "index", "width", "height", "file"])
        var written: [String: String] = [:]
        for record in index.dropFirst() {
            #expect(record[7].hasSuffix(".png"))
            written["\(record[0]),\(record[1]),\(record[2]),\(record[4])"] = try Self.sha256(directory + "/" + record[7])
        }
        #expect(written == expected)
        #expect(result.stderr.contains("Wrote \(expected.count) images to \(directory)"))
    }

    /// Audio clips with TensorBoard's bytes, in one directory with the images, each listed with
    /// the format of its WAV header.
    @Test(arguments: ["tbx_plugins", "tf2_plugins"])
    func audioIsWrittenWithItsExactBytesBesideTheImages(_ name: String) throws {
        let directory = temporaryPath("export-audio")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try runTFEvents(["export", Support.fixture(name), "--audio", directory, "--images", directory])
        #expect(result.status == 0, "\(result.stderr)")
        let view = try Support.tensorBoardView(name)
        var expected: [String: String] = [:]  // "run,tag,step,index" → sha256
        for (run, tags) in view["audio"] as? [String: [String: [[String: Any]]]] ?? [:] {
            for (tag, points) in tags {
                for point in points {
                    let step = try Support.integer(point["step"] as Any)
                    for (index, hash) in (point["sha256"] as? [String] ?? []).enumerated() {
                        expected["\(run),\(tag),\(step),\(index)"] = hash
                    }
                }
            }
        }
        #expect(!expected.isEmpty)
        let index = Support.parseCSV(try String(contentsOfFile: directory + "/audio.csv", encoding: .utf8))
        #expect(index.first == ["run", "tag", "step", "wall_time", "index", "sample_rate", "channels", "frames", "file"])
        var written: [String: String] = [:]
        for record in index.dropFirst() {
            #expect(record[8].hasSuffix(".wav"))
            #expect(record[5] == "8000" && record[6] == "1" && (Int(record[7]) ?? 0) > 0, "\(record)")
            written["\(record[0]),\(record[1]),\(record[2]),\(record[4])"] = try Self.sha256(directory + "/" + record[8])
        }
        #expect(written == expected)
        #expect(FileManager.default.fileExists(atPath: directory + "/images.csv"))
        #expect(result.stderr.contains("Wrote \(expected.count) audio clips to \(directory)"))
    }

    /// PR curves as TensorBoard stores them, one CSV row per threshold and one JSON object per curve.
    @Test func prCurvesMatchTensorBoardInBothFormats() throws {
        let view = try Support.tensorBoardView("tbx_plugins")
        let curves = view["pr_curves"] as? [String: [String: [[String: Any]]]] ?? [:]
        let expected = try #require(curves["tbx"]?["pr"]?.first?["values"] as? [[Any]]).map {
            try $0.map(Support.number)
        }
        let count = expected[0].count
        let thresholds = (0..<count).map { Double($0) / Double(count - 1) }

        let csv = try runTFEvents(["export", Support.fixture("tbx_plugins"), "--runs", "^tbx$", "--tags", "^pr$", "--pr-curves"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let records = Support.parseCSV(csv.stdout)
        #expect(records.first == ["run", "tag", "step", "wall_time", "value"] + ExportRows.prCurveColumns)
        let rows = records.dropFirst().map { Array($0[5...]).compactMap(Double.init) }
        #expect(rows.count == count)
        #expect(rows.map(\.[0]) == thresholds)
        for column in 0..<6 { #expect(rows.map { $0[column + 1] } == expected[column], "row \(column)") }

        let jsonl = try runTFEvents([
            "export", Support.fixture("tbx_plugins"), "--runs", "^tbx$", "--tags", "^pr$", "--pr-curves", "--format", "jsonl",
        ])
        let objects = try Self.jsonObjects(jsonl.stdout)
        #expect(objects.count == 1)
        let curve = try #require(objects.first?["pr_curve"] as? [String: Any])
        let names = ["true_positives", "false_positives", "true_negatives", "false_negatives", "precision", "recall"]
        for (row, key) in names.enumerated() {
            #expect(try (curve[key] as? [Any] ?? []).map(Support.number) == expected[row], "\(key)")
        }
        #expect(try (curve["thresholds"] as? [Any] ?? []).map(Support.number) == thresholds)
    }

    @Test func hostileRunsAndTagsNeverEscapeTheImageDirectory() throws {
        let sandbox = try Support.makeDirectory("export-hostile")
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        let logdir = sandbox + "/logdir"
        let runs = [
            ".", ".hidden", "-rf", "日本語", "sp ace", "a", "a/b", "images.csv", String(repeating: "r", count: 200),
        ]
        let tags = [
            "../../x", "/abs", "a/../../b", ".", "..", "...", String(repeating: "t", count: 1_000), "日本語/タグ",
            "new\nline", "tab\there", "a/b", "a_b", "A_B", "-n", "CON", "x\u{202E}gpj.exe",
        ]
        let png = try ImageData(pixels: [UInt8](repeating: 200, count: 2 * 2 * 3), width: 2, height: 2, channels: 3)
        let jpeg = try ImageData(
            encoded: [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9])
        let gif = try ImageData(encoded: Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B])
        var imageCount = 0
        for run in runs {
            let writer = try SummaryWriter(logdir: run == "." ? logdir : logdir + "/" + run)
            for tag in tags {
                try writer.addImage(tag, png, step: 0)
                try writer.addImages(tag, [png, png], step: -3)
                imageCount += 3
            }
            try writer.addImage("photo", jpeg, step: 7)
            try writer.addImage("anim", gif, step: 7)
            try writer.addImage("anim", gif, step: 7)  // the same step twice: a second file name
            imageCount += 3
            try writer.close()
        }

        let out = sandbox + "/out"
        let result = try runTFEvents(["export", logdir, "--images", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox).sorted() == ["logdir", "out"])

        // Every file below `out` really is below it, and every image has its own file.
        let root = try #require(realpath(out, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        var files: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: out))
        while let relative = enumerator.nextObject() as? String {
            var status = stat()
            #expect(lstat(out + "/" + relative, &status) == 0)
            #expect(status.st_mode & S_IFMT != S_IFLNK)
            let real = try #require(realpath(out + "/" + relative, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            })
            #expect(real.hasPrefix(root + "/"), "\(relative) resolves to \(real)")
            for component in relative.split(separator: "/") {
                #expect(!component.hasPrefix(".") && !component.hasPrefix("-") && component.utf8.count <= 130)
                #expect(!component.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }, "\(component.debugDescription)")
            }
            if status.st_mode & S_IFMT == S_IFREG && relative != "images.csv" { files.append(relative) }
        }
        #expect(files.count == imageCount)
        #expect(Set(files.map { $0.lowercased() }).count == imageCount, "no two files differ only in case")

        // images.csv maps every image back to its run and tag.
        let index = Support.parseCSV(try String(contentsOfFile: out + "/images.csv", encoding: .utf8)).dropFirst()
        #expect(index.count == imageCount)
        #expect(Set(index.map { $0[7] }) == Set(files))
        #expect(Set(index.map { $0[0] }) == Set(runs))
        #expect(Set(index.map { $0[1] }) == Set(tags + ["photo", "anim"]))
        // Different runs and tags never share a directory.
        var directoryOwner: [String: String] = [:]
        for record in index {
            let directory = record[7].split(separator: "/").dropLast().joined(separator: "/").lowercased()
            let owner = record[0] + "\u{0}" + record[1]
            #expect(directoryOwner[directory, default: owner] == owner, "\(directory)")
            directoryOwner[directory] = owner
        }
        #expect(index.contains { $0[1] == "photo" && $0[7].hasSuffix("/7.jpg") })
        #expect(index.filter { $0[1] == "anim" && $0[0] == "a" }.map { $0[7] } == ["a/anim/7.gif", "a/anim/7~2.gif"])
        #expect(index.contains { $0[0] == "a" && $0[1] == "../../x" && $0[7] == "a/_._.._x/0.png" })
        #expect(index.contains { $0[0] == "a" && $0[1] == "a/b" && $0[2] == "-3" && $0[7] == "a/a_b/_-3_1.png" })
        #expect(index.contains { $0[0] == "a" && $0[1] == "a_b" && $0[7].hasPrefix("a/a_b~2/") })
        #expect(index.contains { $0[0] == "images.csv" && $0[7].hasPrefix("images.csv~2/") })
        #expect(index.contains { $0[0] == "." && $0[7].hasPrefix("_/") })
    }

    @Test func safeFileNamesHoldForAnyName() {
        var random = SystemRandomNumberGenerator()
        let alphabet: [Character] = [".", "/", "\\", "\u{0}", "\n", "-", "a", "Z", "é", "日", "🙂", " ", ":", "~", "\u{200B}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...300, using: &random)
            let name = String((0..<length).map { _ in alphabet.randomElement(using: &random) ?? "a" })
            let component = SafeFileName.component(name)
            #expect(!component.isEmpty && component != "." && component != "..")
            #expect(!component.hasPrefix(".") && !component.hasPrefix("-") && !component.contains("/"))
            #expect(component.utf8.count <= SafeFileName.maximumBytes)
            #expect(!component.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" || $0 == "\u{200B}" })
        }
        #expect(SafeFileName.component("../../x") == "_._.._x")
        #expect(SafeFileName.component("img/rgb_chw") == "img_rgb_chw")
        #expect(SafeFileName.component("日本語/タグ") == "日本語_タグ")
        let long = SafeFileName.component(String(repeating: "é", count: 500))
        #expect(long.utf8.count <= SafeFileName.maximumBytes && long.hasPrefix("éé") && long.count > 50)
        #expect(long != SafeFileName.component(String(repeating: "é", count: 501)), "long names keep a hash")

        var registry = SafeFileName.Registry()
        #expect(registry.component(for: "a/b", in: "") == "a_b")
        #expect(registry.component(for: "a_b", in: "") == "a_b~2")
        #expect(registry.component(for: "A_B", in: "") == "A_B~3")
        #expect(registry.component(for: "a/b", in: "") == "a_b")
        #expect(registry.component(for: "a_b", in: "other") == "a_b")
    }

    @Test func imageExtensionsComeFromTheBytes() {
        #expect(MediaExporter.fileExtension([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "png")
        #expect(MediaExporter.fileExtension([0xFF, 0xD8, 0xFF, 0xE0]) == "jpg")
        #expect(MediaExporter.fileExtension(Array("GIF87a".utf8)) == "gif")
        #expect(MediaExporter.fileExtension(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "webp")
        #expect(MediaExporter.fileExtension(Array("BM".utf8)) == "bmp")
        #expect(MediaExporter.fileExtension([1, 2, 3]) == "bin")
    }

    // MARK: Output, filters, errors

    @Test func outputFileTakesItsFormatFromItsExtension() throws {
        let directory = try Support.makeDirectory("export-output")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let jsonl = try runTFEvents(["export", Support.fixture("multi_file_run"), "--output", directory + "/loss.jsonl"])
        #expect(jsonl.status == 0)
        #expect(jsonl.stdout.isEmpty)
        #expect(jsonl.stderr == "Wrote 9 scalar points to \(directory)/loss.jsonl.\n")
        let objects = try Self.jsonObjects(try String(contentsOfFile: directory + "/loss.jsonl", encoding: .utf8))
        #expect(try objects.map(Self.scalarRow).map(\.step) == Array(0...8))

        let csv = try runTFEvents(["export", Support.fixture("multi_file_run"), "-o", directory + "/loss.txt"])
        #expect(csv.status == 0)
        let rows = try Self.csvRows(try String(contentsOfFile: directory + "/loss.txt", encoding: .utf8))
        #expect(rows.map(\.step) == Array(0...8))

        let forced = try runTFEvents(
            ["export", Support.fixture("multi_file_run"), "-o", directory + "/x.jsonl", "--format", "csv"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: directory + "/x.jsonl", encoding: .utf8).hasPrefix("run,tag,"))

        let missingDirectory = try runTFEvents(["export", Support.fixture("multi_file_run"), "-o", directory + "/no/such.csv"])
        #expect(missingDirectory.status == 1)
        #expect(missingDirectory.stderr.contains("\(directory)/no/such.csv: cannot create the output file: No such file"))
    }

    @Test func filtersSelectRunsAndTags() throws {
        let nested = Support.fixture("nested_runs")
        let runs = try runTFEvents(["export", nested, "--runs", "^a/b"])
        #expect(Set(try Self.csvRows(runs.stdout).map(\.run)) == ["a/b", "a/b/c"])
        let anchored = try runTFEvents(["export", nested, "--runs", "^a$", "--tags", "value"])
        #expect(try Self.csvRows(anchored.stdout).map(\.value) == [10, 11, 12])
        let none = try runTFEvents(["export", nested, "--tags", "nothing"])
        #expect(none.status == 0)
        #expect(none.stdout == "run,tag,step,wall_time,value\n")
        #expect(none.stderr.contains("nothing matched"))
    }

    @Test func errorsAreOneLineWithTheRightStatus() throws {
        let missing = try runTFEvents(["export", "/nonexistent/logdir"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: /nonexistent/logdir: no such log directory\n")
        #expect(missing.stdout.isEmpty)

        let file = try runTFEvents(["export", Support.fixture("tbx_plugins.tensorboard.json")])
        #expect(file.status == 1)
        #expect(file.stderr.contains("not a directory"))

        let badRegex = try runTFEvents(["export", Support.fixture("tbx_plugins"), "--runs", "[a"])
        #expect(badRegex.status == 64)
        #expect(badRegex.stderr.contains("--runs: '[a' is not a valid regular expression"))

        let badFormat = try runTFEvents(["export", Support.fixture("tbx_plugins"), "--format", "xml"])
        #expect(badFormat.status == 64)

        let empty = try Support.makeDirectory("export-empty")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let emptyResult = try runTFEvents(["export", empty])
        #expect(emptyResult.status == 1)
        #expect(emptyResult.stderr == "Error: \(empty): no runs here: no file whose name contains 'tfevents' was found in it or below it\n")

        let noMatch = try runTFEvents(["export", Support.fixture("nested_runs"), "--runs", "zzz"])
        #expect(noMatch.status == 1)
        #expect(noMatch.stderr == "Error: no run matches --runs 'zzz'; the runs are: ., a, a/b, a/b/c\n")
    }

    @Test func aClosedPipeEndsTheExportQuietly() throws {
        let logdir = temporaryPath("export-pipe")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        #expect(try runTFEvents(["demo", logdir, "--steps", "2000"]).status == 0)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "'\(Support.binary)' export '\(logdir)' | head -1; echo \"status ${PIPESTATUS[0]}\""]
        let out = Pipe()
        let err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(output == "run,tag,step,wall_time,value\nstatus 0\n")
        #expect(errors.isEmpty, "\(errors)")
    }

    /// A write that fails on the thread writing the formatted rows (a full disk: /dev/full) ends
    /// the export with one line naming the destination and the reason, status 1.
    @Test func aFailedWriteEndsTheExportWithTheReason() throws {
        let logdir = temporaryPath("export-full")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        // Enough rows for blocks formatted and written on other threads.
        #expect(try runTFEvents(["demo", logdir, "--steps", "3000"]).status == 0)
        let result = try runTFEvents(["export", logdir, "-o", "/dev/full"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write to /dev/full: No space left on device\n")
    }

    @Test func helpHasExamplesAndTheRowShapes() throws {
        let help = try runTFEvents(["export", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("tfevents export runs > scalars.csv"))
        #expect(help.stdout.contains("left,right,count"))
        #expect(help.stdout.contains("--format <format>"))
    }

    /// The SHA-256 of a file, from coreutils' `sha256sum`.
    static func sha256(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }
}
