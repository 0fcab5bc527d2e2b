import Foundation
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents summary`, end to end: the built binary on demo runs, fixtures and live runs.
@Suite struct SummaryCommandTests {
    /// A demo log directory (runs lr_0.01, lr_0.03, lr_0.1; 40 steps), removed by the caller.
    private func demo() throws -> String {
        let directory = temporaryPath("summary-demo")
        let result = try runTFEvents(["demo", directory, "--steps", "40"])
        guard result.status == 0 else { throw FixtureError("demo failed: \(result.stderr)") }
        return directory
    }

    private func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private let demoTags = ["learning_rate", "train/accuracy", "train/loss", "validation/accuracy", "validation/loss"]

    // MARK: Formats

    @Test func theTableHasOneRowPerRunAndAColumnPerScalarTagWithTheLastValue() throws {
        let directory = try demo()
        defer { remove(directory) }
        let result = try runTFEvents(["summary", directory])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // Scalar columns first; then the demo's hyperparameters and the counts of its other tags.
        #expect(lines.first.map { Array($0.prefix(1 + demoTags.count)) } == ["run"] + demoTags)
        #expect(lines.first?.contains("optimizer") == true)
        #expect(lines.first?.contains("weights/dense") == true)
        #expect(lines.dropFirst().map(\.first) == ["lr_0.01", "lr_0.03", "lr_0.1"])

        let json = try summaryJSON([directory]).json
        for line in lines.dropFirst() {
            let run = json.run(line[0])
            for (index, tag) in demoTags.enumerated() {
                let last = try #require(run["scalars"][tag]["last"].double)
                #expect(line[index + 1] == NumberFormatting.short(last), "\(line[0]) \(tag)")
            }
        }
    }

    @Test func csvHasTheSameColumnsWithEveryDigit() throws {
        let directory = try demo()
        defer { remove(directory) }
        let result = try runTFEvents(["summary", directory, "--format", "csv", "--stat", "mean"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(lines.first.map { $0.prefix(1 + demoTags.count).map(String.init) } == ["run"] + demoTags)
        #expect(lines.count == 4)
        let json = try summaryJSON([directory]).json
        for line in lines.dropFirst() {
            for (index, tag) in demoTags.enumerated() {
                #expect(Double(String(line[index + 1])) == json.run(String(line[0]))["scalars"][tag]["mean"].double)
            }
        }
    }

    @Test func markdownHasTheSameColumnsAndAlignsNumbersRight() throws {
        let directory = try demo()
        defer { remove(directory) }
        let result = try runTFEvents(["summary", directory, "--format", "markdown", "--tags", "/loss$"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        // The scalar columns, then the demo's hyperparameters (always shown: they identify the run).
        #expect(lines.first == "| run | train/loss | validation/loss | augmentation | batch_size | learning_rate | optimizer |")
        #expect(lines.dropFirst().first == "|---|---:|---:|---|---|---|---|")
        #expect(lines.count == 5 && lines.last?.hasPrefix("| lr_0.1 | ") == true)
    }

    @Test func hyperparametersAndCountsOfImagesHistogramsAndTextAreColumnsToo() throws {
        let result = try runTFEvents([
            "summary", Fixtures.logdir("tbx_plugins"), "--format", "csv", "--tags",
            "^(loss$|img/rgb_chw|hist/raw|notes)",
        ])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(
            rows.first == [
                "run", "loss", "layers", "lr", "optimizer", "use_bn", "img/rgb_chw (images)", "hist/raw (histograms)",
                "notes/text_summary (text)",
            ])
        #expect(rows.dropFirst().first == ["tbx", "0.20000000298023224", "", "", "", "", "2", "1", "2"])
        #expect(rows.dropFirst(2).first == ["tbx/hp_session", "", "3", "0.01", "adam", "true", "", "", ""])
        #expect(rows.count == 5)
    }

    @Test func jsonIsTheDocumentedShapeForEveryFormatOption() throws {
        let directory = try demo()
        defer { remove(directory) }
        let (json, result) = try summaryJSON([directory, "--stat", "best", "--tags", "^train/"])
        #expect(result.stderr.isEmpty)
        let run = json.run("lr_0.1")
        #expect(
            Set(run.object.keys) == [
                "run", "files", "scalars", "images", "histograms", "text", "hparams", "problems", "audio", "pr_curves",
                "meshes",
            ])
        #expect(Set(run["scalars"].object.keys) == ["train/accuracy", "train/loss"])
        #expect(run["scalars"]["train/loss"]["count"].int == 40)
        #expect(run["files"].array.count == 1 && run["files"].array.first?.string?.contains("tfevents") == true)
        #expect(json["problems"] == .array([]))
    }

    // MARK: Statistics

    @Test func statSelectsTheNumberAndBestFollowsTheDirectionOfEachTag() throws {
        let directory = try demo()
        defer { remove(directory) }
        let json = try summaryJSON([directory]).json
        func column(_ arguments: [String], tag: String) throws -> [Double?] {
            let result = try runTFEvents(["summary", directory, "--format", "csv", "--tags", "^\(tag)$"] + arguments)
            return result.stdout.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[1]) }
        }
        let runs = ["lr_0.01", "lr_0.03", "lr_0.1"]
        func expected(_ tag: String, _ key: String) -> [Double?] {
            runs.map { json.run($0)["scalars"][tag][key].double }
        }

        #expect(try column(["--stat", "count"], tag: "validation/loss") == [4, 4, 4])
        #expect(try column(["--stat", "first"], tag: "train/loss") == expected("train/loss", "first"))
        #expect(try column(["--stat", "min"], tag: "train/loss") == expected("train/loss", "min"))
        #expect(try column(["--stat", "max"], tag: "train/loss") == expected("train/loss", "max"))
        #expect(try column(["--stat", "best"], tag: "train/loss") == expected("train/loss", "min"))
        #expect(try column(["--stat", "best"], tag: "train/accuracy") == expected("train/accuracy", "max"))
        #expect(
            try column(["--stat", "best", "--minimize", "acc"], tag: "train/accuracy")
                == expected("train/accuracy", "min"))
        #expect(
            try column(["--stat", "best", "--maximize", "loss"], tag: "train/loss") == expected("train/loss", "max"))
    }

    // MARK: Filters and sorting

    @Test func runsAndTagsFilterRowsAndColumns() throws {
        let directory = try demo()
        defer { remove(directory) }
        let result = try runTFEvents(["summary", directory, "--runs", "0\\.0", "--tags", "^validation/"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(
            lines.first == [
                "run", "validation/accuracy", "validation/loss", "augmentation", "batch_size", "learning_rate", "optimizer",
                "validation/pr_curve", "(pr_curves)",
            ])
        #expect(lines.dropFirst().map(\.first) == ["lr_0.01", "lr_0.03"])

        let none = try runTFEvents(["summary", directory, "--runs", "^nothing"])
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(none.stderr.contains("No run matches --runs '^nothing'"))
    }

    @Test func sortOrdersRowsAscendingOrDescending() throws {
        let directory = try demo()
        defer { remove(directory) }
        let json = try summaryJSON([directory]).json
        let byLoss = json["runs"].array.sorted {
            ($0["scalars"]["validation/loss"]["last"].double ?? 0)
                < ($1["scalars"]["validation/loss"]["last"].double ?? 0)
        }.compactMap(\.["run"].string)
        func order(_ arguments: [String]) throws -> [String] {
            let result = try runTFEvents(["summary", directory, "--format", "csv"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        }
        #expect(try order(["--sort", "validation/loss"]) == byLoss)
        #expect(try order(["--sort", "-validation/loss"]) == byLoss.reversed())
        #expect(try order(["--sort=-validation/loss"]) == byLoss.reversed())
        #expect(try order(["--sort", "validation/loss", "--descending"]) == byLoss.reversed())
        #expect(try order(["--sort", "validation/loss:count", "--stat", "mean"]) == ["lr_0.01", "lr_0.03", "lr_0.1"])

        let sortedJSON = try summaryJSON([directory, "--sort", "-validation/loss"]).json
        #expect(sortedJSON["runs"].array.compactMap(\.["run"].string) == byLoss.reversed())

        let unknown = try runTFEvents(["summary", directory, "--sort", "nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no run has a scalar tag"))
    }

    // MARK: Several log directories

    @Test func severalLogdirsCompareSideBySideAndClashingNamesArePrefixed() throws {
        let root = try makeTemporaryDirectory("summary-several")
        defer { remove(root) }
        try copyTree(Fixtures.logdir("nested_runs"), to: root + "/one/exp")
        try copyTree(Fixtures.logdir("nested_runs"), to: root + "/two/exp")
        try copyTree(Fixtures.logdir("multi_file_run"), to: root + "/files")

        let clashing = try summaryJSON([root + "/one/exp", root + "/two/exp/", "--tags", "value"]).json
        #expect(
            clashing["runs"].array.compactMap(\.["run"].string) == [
                "one/exp", "one/exp/a", "one/exp/a/b", "one/exp/a/b/c", "two/exp", "two/exp/a", "two/exp/a/b",
                "two/exp/a/b/c",
            ])
        #expect(clashing.run("two/exp/a/b")["scalars"]["value"]["last"].double == 22)

        // No clash: TensorBoard's names, except that "." is named by its log directory.
        let distinct = try summaryJSON([root + "/one/exp", root + "/files"]).json
        #expect(distinct["runs"].array.compactMap(\.["run"].string) == ["exp", "a", "a/b", "a/b/c", "run"])

        // --runs also matches the prefixed name, to pick one log directory's runs.
        let picked = try runTFEvents([
            "summary", root + "/one/exp", root + "/two/exp", "--runs", "^two/", "--format", "csv", "--tags", "value",
        ])
        #expect(
            picked.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) } == [
                "two/exp", "two/exp/a", "two/exp/a/b", "two/exp/a/b/c",
            ])
    }

    // MARK: Errors

    @Test func aMissingLogdirFailsNamingIt() throws {
        let missing = temporaryPath("missing")
        let result = try runTFEvents(["summary", Fixtures.logdir("nested_runs"), missing])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(missing): no such log directory"))
    }

    @Test func anEmptyLogdirFailsWithAClearMessage() throws {
        let empty = try makeTemporaryDirectory("empty")
        defer { remove(empty) }
        try FileManager.default.createDirectory(atPath: empty + "/sub", withIntermediateDirectories: true)
        let result = try runTFEvents(["summary", empty])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains("\(empty): no runs: no file whose name contains 'tfevents'"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        ["--runs", "("], ["--tags", "[a"], ["--minimize", "("], ["--maximize", "(?<"], ["--stat", "median"],
        ["--format", "xml"], ["--descending"],
    ])
    func badOptionsAreUsageErrors(_ options: [String]) throws {
        let result = try runTFEvents(["summary", Fixtures.logdir("nested_runs")] + options)
        #expect(result.status == 64, "\(options): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aBadRegularExpressionNamesItsOption() throws {
        let result = try runTFEvents(["summary", Fixtures.logdir("nested_runs"), "--runs", "("])
        #expect(result.stderr.contains("--runs: '(' is not a valid regular expression"))
    }

    @Test func noLogdirOrTheSameOneTwiceAreUsageErrors() throws {
        #expect(try runTFEvents(["summary"]).status == 64)
        let twice = try runTFEvents(["summary", Fixtures.logdir("nested_runs"), Fixtures.logdir("nested_runs") + "/"])
        #expect(twice.status == 64 && twice.stderr.contains("is given twice"))
    }

    @Test func problemsOutsideRecordsAreListedAtTheTopLevel() throws {
        let root = try makeTemporaryDirectory("summary-io")
        defer { remove(root) }
        try copyTree(Fixtures.logdir("multi_file_run") + "/run", to: root + "/run")
        // An event file that cannot be opened: a dangling symbolic link (this works as root too).
        try FileManager.default.createSymbolicLink(
            atPath: root + "/run/events.out.tfevents.0.broken", withDestinationPath: root + "/nowhere")
        let result = try runTFEvents(["summary", root, "--format", "json"])
        #expect(result.status == 0)
        let json = try ParsedJSON.parse(Array(result.stdout.utf8))
        let problems = json["problems"].array
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?["run"].string == "run")
        #expect(problems.first?["kind"].string == "io")
        #expect(problems.first?["path"].string == root + "/run/events.out.tfevents.0.broken")
        #expect(problems.first?["message"].string?.contains("cannot read the file: No such file") == true)
        #expect(json.run("run")["problems"] == .array([]))
        #expect(json.run("run")["files"].array.first?.string == "events.out.tfevents.0.broken")
        #expect(json.run("run")["scalars"]["loss"]["count"].int == 9)
        #expect(result.stderr.hasPrefix("warning: \(root)/run/events.out.tfevents.0.broken: "))
    }

    // MARK: Terminal behaviour

    @Test func pipedOutputAndWarningsHaveNoEscapeCodes() throws {
        let result = try runTFEvents(["summary", Fixtures.logdir("damaged_truncated")])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(result.stderr.split(separator: "\n").count == 2)
        #expect(
            result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: ") && $0.contains("byte 389") })
    }

    @Test func onATerminalTheTableIsPlainTextAndNoColorIsRespected() throws {
        let logdir = shellQuoted(Fixtures.logdir("nested_runs"))
        for prefix in ["", "NO_COLOR=1 "] {
            let shown = try runInTerminal("\(prefix)\(shellQuoted(tfeventsBinary)) summary \(logdir)")
            #expect(!shown.contains("\u{1B}"), "\(prefix)\(shown)")
            #expect(shown.contains("a/b/c"))
        }
    }

    // MARK: Fitting the terminal

    /// `tfevents summary ARGUMENTS` on a pseudo-terminal told it is `columns` wide by `COLUMNS`,
    /// standard error left out: the lines shown.
    private func summaryOnTerminal(_ arguments: [String], columns: Int) throws -> [String] {
        let command = "COLUMNS=\(columns) \(shellQuoted(tfeventsBinary)) summary "
            + arguments.map(shellQuoted).joined(separator: " ") + " 2>/dev/null"
        let shown = try runInTerminal(command).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(shown.hasSuffix("\n"))
        return shown.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The cells of a line of a plain table: what runs of two or more spaces separate.
    private func cells(_ line: some StringProtocol) -> [String] {
        String(line).split(separator: /\ {2,}/).map(String.init)
    }

    /// The whole table printed to a pipe, as rows of cells, the titles first.
    private func wholeTable(_ arguments: [String]) throws -> [[String]] {
        let result = try runTFEvents(["summary"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(cells)
    }

    @Test func onA110ColumnTerminalTheDemoSummaryIsTransposedAndNoLineIsWider() throws {
        let directory = try demo()
        defer { remove(directory) }
        let table = try wholeTable([directory])
        let titles = table[0]
        let runs = table.dropFirst().map { $0[0] }
        #expect(runs == ["lr_0.01", "lr_0.03", "lr_0.1"] && titles.count >= 14)
        // What the issue saw: the table is far wider than the terminal.
        #expect(try runTFEvents(["summary", directory]).stdout.split(separator: "\n").allSatisfy { $0.count > 110 })

        let lines = try summaryOnTerminal([directory], columns: 110)
        #expect(lines.allSatisfy { $0.count <= 110 }, "\(lines)")
        // One block: the runs across, then a row per tag and hyperparameter with every value.
        #expect(cells(lines[0]) == runs)
        #expect(lines.count == titles.count, "\(lines)")
        for (index, line) in lines.enumerated().dropFirst() where index < titles.count {
            #expect(cells(line) == [titles[index]] + table.dropFirst().map { $0[index] }, "\(line)")
        }
    }

    @Test func whenEvenTheTransposeIsTooWideTheSummaryIsCutIntoBlocks() throws {
        let directory = try demo()
        let root = try makeTemporaryDirectory("summary-blocks")
        defer {
            remove(directory)
            remove(root)
        }
        // Six runs (two copies of the demo) on 110 columns; three on 40, tags shortened.
        try copyTree(directory, to: root + "/x/demo")
        try copyTree(directory, to: root + "/y/demo")
        for (arguments, columns) in [([root + "/x/demo", root + "/y/demo"], 110), ([directory], 40)] {
            let table = try wholeTable(arguments)
            let titles = table[0]
            var rowOfRun: [String: [String]] = [:]
            for row in table.dropFirst() { rowOfRun[row[0]] = row }

            let lines = try summaryOnTerminal(arguments, columns: columns)
            #expect(lines.allSatisfy { $0.count <= columns }, "\(lines)")
            let blocks = lines.split(separator: "", omittingEmptySubsequences: false)
            #expect(blocks.count == 2, "\(lines)")
            // Each block: some runs across, all runs once in order over the blocks; a row per
            // tag and hyperparameter in each, its name whole or shortened in the middle.
            #expect(blocks.flatMap { cells($0.first ?? "") } == table.dropFirst().map { $0[0] })
            for block in blocks {
                #expect(block.count == titles.count, "\(block)")
                let runs = cells(block.first ?? "")
                for (index, line) in block.dropFirst().enumerated() where index + 1 < titles.count {
                    let shown = cells(line)
                    let title = titles[index + 1]
                    #expect(shown.first.map { isShortening($0, of: title) } == true, "\(line) for \(title)")
                    #expect(Array(shown.dropFirst()) == runs.map { rowOfRun[$0]?[index + 1] ?? "?" }, "\(line)")
                }
            }
            if columns == 40 { #expect(lines.contains { $0.contains("…") }) }
        }
    }

    /// Whether `shown` is `full`, or its start and end with `…` between.
    private func isShortening(_ shown: String, of full: String) -> Bool {
        guard shown != full else { return true }
        guard let mark = shown.firstIndex(of: "…"), shown.count < full.count else { return false }
        return full.hasPrefix(shown[..<mark]) && full.hasSuffix(shown[shown.index(after: mark)...])
    }

    @Test func onATerminalPipedOutputAndEveryFormatAreAsBefore() throws {
        let directory = try demo()
        defer { remove(directory) }
        let binary = shellQuoted(tfeventsBinary)
        func shown(_ command: String) throws -> String {
            try runInTerminal("COLUMNS=40 \(binary) summary \(shellQuoted(directory)) \(command) 2>/dev/null")
                .replacingOccurrences(of: "\r\n", with: "\n")
        }
        let piped = try runTFEvents(["summary", directory]).stdout
        #expect(piped.split(separator: "\n").allSatisfy { $0.count > 40 })
        #expect(try shown("| cat") == piped)
        #expect(try shown("--format table") == piped)
        for format in ["markdown", "csv", "json"] {
            #expect(try shown("--format \(format)") == runTFEvents(["summary", directory, "--format", format]).stdout)
        }
    }

    @Test func helpHasAnExample() throws {
        let result = try runTFEvents(["summary", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:\n  tfevents summary runs/demo\n"))
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--sort <[-]TAG[:STAT]>"))
        #expect(words.contains("values: last, min, max, mean, count, first, best"))
        #expect(words.contains("values: table, markdown, csv, json"))
        let root = try runTFEvents(["--help"])
        #expect(root.stdout.contains("summary"))
    }

    // MARK: Live runs

    @Test func aRunThatGrowsIsSummarizedAgainWithItsNewPoints() throws {
        let root = try makeTemporaryDirectory("summary-live")
        defer { remove(root) }
        // purgeStep 0: the run's first SessionLog START, so that a later one is a restart.
        let writer = try SummaryWriter(logdir: root + "/live", options: .init(purgeStep: 0))
        for step in 0..<10 { try writer.addScalar("loss", 1.0 / Double(step + 1), step: step) }
        try writer.flush()

        var json = try summaryJSON([root]).json
        var loss = json.run("live")["scalars"]["loss"]
        #expect(loss["count"].int == 10 && loss["last_step"].int == 9 && loss["last"].double == Double(Float(0.1)))

        for step in 10..<25 { try writer.addScalar("loss", Double(step), step: step) }
        try writer.addText("notes", "*done*", step: 24)
        try writer.flush()
        json = try summaryJSON([root]).json
        loss = json.run("live")["scalars"]["loss"]
        #expect(loss["count"].int == 25 && loss["last_step"].int == 24 && loss["max"].double == 24)
        #expect(json.run("live")["text"]["notes"]["last"].string == "*done*")
        #expect(json.run("live")["problems"] == .array([]))

        // A restarted writer purges the steps it writes again, as TensorBoard does.
        try writer.close()
        let restarted = try SummaryWriter(logdir: root + "/live", options: .init(purgeStep: 20))
        try restarted.addScalar("loss", -1, step: 20)
        try restarted.close()
        loss = try summaryJSON([root]).json.run("live")["scalars"]["loss"]
        #expect(loss["count"].int == 21 && loss["last"].double == -1 && loss["max"].double == 19)
        let notes = try summaryJSON([root]).json.run("live")["text"]["notes"]
        #expect(notes["count"].int == 0 && notes["last"] == .null)
    }
}
