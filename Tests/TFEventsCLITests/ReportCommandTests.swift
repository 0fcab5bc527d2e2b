import Foundation
import Testing
import TestSupport

@testable import TFEvents
@testable import TFEventsCLI

/// `tfevents report`, end to end: the built binary on the demo, the fixtures, grouped seeds, a
/// hostile log directory and long series; the page's data decoded as its script decodes it.
@Suite struct ReportCommandTests {
    /// A demo log directory, removed by the caller.
    private func demo(steps: Int = 40) throws -> String {
        let directory = temporaryPath("report-demo")
        let result = try runTFEvents(["demo", directory, "--steps", "\(steps)"])
        guard result.status == 0 else { throw FixtureError("demo failed: \(result.stderr)") }
        return directory
    }

    private func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every scalar point of a log directory, as the library reads it: run → tag → points.
    private func scalars(_ logdir: String) throws -> [String: [String: [(step: Int64, wallTime: Double, value: Double)]]] {
        var result: [String: [String: [(step: Int64, wallTime: Double, value: Double)]]] = [:]
        for run in try SummaryReader(logdir: logdir).contents(kinds: [.scalars]).runs {
            for series in run.series where series.series.kind == .scalars {
                result[run.run.name, default: [:]][series.series.tag] = series.scalars
            }
        }
        return result
    }

    /// Nothing in the page asks for another address: every `src` and `href` is a `data:` URI or
    /// an anchor, and the Content-Security-Policy forbids any request.
    private func expectSelfContained(_ page: ReportPage, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.html.contains(ReportDocument.contentSecurityPolicy), sourceLocation: sourceLocation)
        let references = page.html.matches(of: /(?:src|href)="([^"]*)"/).map { String($0.output.1) }
        #expect(!references.isEmpty, sourceLocation: sourceLocation)
        for reference in references {
            #expect(
                reference.hasPrefix("data:") || reference.hasPrefix("#"), "\(reference.prefix(60))",
                sourceLocation: sourceLocation)
        }
        #expect(!page.html.contains("http://") && !page.html.contains("https://"), sourceLocation: sourceLocation)
        #expect(!page.html.contains("url("), sourceLocation: sourceLocation)
        #expect(!page.html.contains("@import"), sourceLocation: sourceLocation)
    }

    // MARK: The demo

    @Test func theDemosReportHasEveryRunTagAndPointExactly() throws {
        let directory = try demo()
        defer { remove(directory) }
        let page = try ReportPage.make([directory])
        #expect(page.result.stdout.hasPrefix("Wrote "), "\(page.result.stdout)")
        #expect(page.result.stdout.contains("3 runs, 5 charts"), "\(page.result.stdout)")
        expectSelfContained(page)

        let expected = try scalars(directory)
        #expect(page.lineNames == ["lr_0.01", "lr_0.03", "lr_0.1"])
        for run in expected.keys {
            #expect(page.html.contains("<tr data-name=\"\(run)\">"), "overview row of \(run)")
        }
        let tags = Set(expected.values.flatMap(\.keys))
        #expect(Set(page.charts.compactMap { $0["tag"].string }) == tags)
        for tag in tags {
            let chart = try #require(page.chart(tag))
            let lines = chart["lines"].array
            #expect(lines.count == expected.values.filter { $0[tag] != nil }.count, "\(tag)")
            for line in lines {
                let run = try #require(page.name(of: line))
                let points = try #require(expected[run]?[tag])
                // 40 steps are not reduced: every point is in the page, exactly.
                #expect(line["count"].int == points.count)
                #expect(line["buckets"] == .null)
                #expect(ReportPage.numbers(line["value"]).map(\.bitPattern) == points.map(\.value.bitPattern), "\(run) \(tag)")
                #expect(ReportPage.steps(line["step"]) == points.map(\.step))
                let first = try #require(line["wall"]["first"].double)
                let offsets = ReportPage.numbers(.object(["f32": line["wall"]["f32"]]))
                for (offset, point) in zip(offsets, points) {
                    #expect(abs(first + offset - point.wallTime) < 0.01)
                }
            }
        }
        // The other sections: the last image of each run, both text tags, the kinds not drawn.
        #expect(page.html.matches(of: /src="data:image\/png;base64,/).count == 3 * 3 + 3)
        for tag in ["samples/reconstruction", "video/reconstruction", "notes", "results", "weights/dense", "samples/chime"] {
            #expect(page.html.contains(tag), "\(tag)")
        }
        // The results table of `addTable` is a table, its cells exact.
        #expect(page.html.contains("<td>validation accuracy</td>"))
        #expect(page.data["smoothing"].double == 0.6)
    }

    @Test func theOverviewFoldsColumnsEqualInEveryRunAndMarksTheBest() throws {
        let directory = try demo()
        defer { remove(directory) }
        let page = try ReportPage.make([directory, "--smoothing", "0.9", "--title", "Sweep <1>"])
        #expect(page.data["smoothing"].double == 0.9)
        #expect(page.html.contains("<title>Sweep &lt;1&gt;</title>"))
        // batch_size and optimizer are the same in every demo run: folded, listed above the table.
        #expect(page.html.contains("<span class=\"k\">batch_size</span> <span class=\"v\">64</span>"))
        #expect(page.html.contains("<span class=\"k\">optimizer</span> <span class=\"v\">sgd</span>"))
        #expect(page.html.contains("Show these 2 columns"))
        #expect(page.html.matches(of: /class="hp num constant"/).count == 3 + 1)  // three rows and the header
        // The best validation loss is lr_0.01's, over every point.
        let summary = try summaryJSON([directory]).json
        let best = try #require(summary.run("lr_0.01")["scalars"]["validation/loss"]["min"].double)
        #expect(page.html.contains("class=\"num group-start top\" data-sort=\"\(best)\""))
    }

    // MARK: Fixtures

    @Test(arguments: Fixtures.logdirNames)
    func everyFixtureGivesAReportWithEveryRunAndScalarTag(_ name: String) throws {
        let logdir = Fixtures.logdir(name)
        let page = try ReportPage.make([logdir])
        expectSelfContained(page)
        let contents = try SummaryReader(logdir: logdir).contents()
        for run in contents.runs {
            #expect(page.html.contains("data-name=\"\(Markup.escape(run.run.name))\""), "\(name): run \(run.run.name)")
            for series in run.series {
                switch series.series.kind {
                case .scalars:
                    let chart = page.chart(series.series.tag)
                    #expect(chart != nil, "\(name): \(series.series.tag)")
                    let line = chart?["lines"].array.first { page.name(of: $0) == run.run.name }
                    #expect(line?["count"].int == series.scalars.count, "\(name): \(run.run.name) \(series.series.tag)")
                case .images, .text, .histograms, .audio, .prCurves:
                    #expect(page.html.contains(Markup.escape(series.series.tag)), "\(name): \(series.series.tag)")
                default:
                    break
                }
            }
        }
        if !contents.runs.flatMap(\.problems).isEmpty {
            #expect(page.html.contains("id=\"problems\""), "\(name) has problems to list")
        }
    }

    // MARK: Groups

    /// Seeds of two configurations: `lr_0.1/seed_N` and `lr_0.01/seed_N`, 3 seeds each.
    private func seeds() throws -> String {
        let directory = temporaryPath("report-seeds")
        for (rate, offset) in [("0.1", 1.0), ("0.01", 2.0)] {
            for seed in 0..<3 {
                let writer = try SummaryWriter(logdir: "\(directory)/lr_\(rate)/seed_\(seed)")
                try writer.addHParams(["lr": .number(Double(rate)!), "seed": .number(Double(seed))])
                for step in 0..<30 {
                    try writer.addScalar("loss", offset + Double(seed) * 0.1 + Double(step) * 0.01, step: step)
                }
                try writer.close()
            }
        }
        return directory
    }

    @Test func groupsDrawTheirMeanWithABandAndTheOverviewShowsMeanAndStd() throws {
        let logdir = try seeds()
        defer { remove(logdir) }
        for directory in [logdir] + (Fixtures.logdirNames.contains("tbx_seeds") ? [Fixtures.logdir("tbx_seeds")] : []) {
            try expectGroups(directory, exact: directory == logdir)
        }
    }

    private func expectGroups(_ directory: String, exact: Bool) throws {
        let page = try ReportPage.make([directory, "--group", #"seed_?\d+"#])
        #expect(page.data["grouped"] == .bool(true))
        let runs = try SummaryReader(logdir: directory).contents(kinds: [.scalars]).runs.map(\.run.name)
        let groups = try RunGrouping(removing: #"seed_?\d+"#).groups(of: runs)
        #expect(page.lineNames == groups.map(\.name).filter { page.lineNames.contains($0) })
        for chart in page.charts {
            for line in chart["lines"].array {
                #expect(line["band"]["std"] != .null && line["band"]["min"] != .null && line["band"]["max"] != .null)
                #expect((line["runs"].int ?? 0) >= 1)
            }
        }
        #expect(page.html.contains("<span class=\"pm\"> ± "))
        #expect(page.html.contains(">Runs<"))
        if exact {
            // lr_0.1's loss at step s is 1 + 0.01 s + {0, 0.1, 0.2}: mean 1.1 + 0.01 s, std sqrt(2/3)/10.
            let line = try #require(page.chart("loss")?["lines"].array.first { page.name(of: $0) == "lr_0.1" })
            let means = ReportPage.numbers(line["value"])
            #expect(means.count == 30 && abs(means[5] - 1.15) < 1e-6)
            let std = ReportPage.numbers(line["band"]["std"])
            #expect(abs(std[5] - (2.0 / 3).squareRoot() / 10) < 1e-6)
        }
        let byHparams = try ReportPage.make([directory, "--group-by-hparams", "--ignore-hparam", "seed"])
        #expect(byHparams.data["grouped"] == .bool(true))
    }

    // MARK: Hostile input

    @Test func textFromTheFilesIsEscapedEverywhere() throws {
        let directory = temporaryPath("report-hostile")
        defer { remove(directory) }
        let payloads = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "a\u{2028}b&amp;<!--"]
        let writer = try SummaryWriter(logdir: directory + "/" + payloads[0])
        try writer.addHParams([payloads[0]: .string(payloads[1]), "note": .string(payloads[2])])
        for (index, payload) in payloads.enumerated() {
            for step in 0..<5 { try writer.addScalar(payload, Double(step + index), step: step) }
            try writer.addText("text/" + payload, "**\(payload)**\n\n" + MarkdownTable(header: [payload], rows: [[payload]]).markdown, step: 1)
        }
        try writer.addImage(
            "images/" + payloads[1], try ImageData(pixels: [UInt8](repeating: 9, count: 12), width: 2, height: 2, channels: 3),
            step: 2)
        try writer.addHistogram("histograms/" + payloads[0], values: [1, 2], step: 1)
        try writer.close()
        let nested = try SummaryWriter(logdir: directory + "/</script>")
        try nested.addScalar(payloads[0], 1, step: 0)
        try nested.close()

        let page = try ReportPage.make([directory, "--title", payloads[1]])
        expectSelfContained(page)
        // No payload survives as markup: only our two script elements open and close.
        #expect(page.html.matches(of: /<script/).count == 2)
        #expect(page.html.matches(of: /<\/script>/).count == 2)
        #expect(!page.html.contains("<img src=x"))
        #expect(!page.html.contains("<!--"))
        // JavaScript engines before ES2019 end a string at U+2028; the data escapes it.
        #expect(!page.dataText.contains("\u{2028}") && page.dataText.contains(#"\u2028"#))
        #expect(!page.dataText.contains("<") && !page.dataText.contains(">") && !page.dataText.contains("&"))
        #expect(page.html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.html.contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        // The data gives every name back as it was.
        #expect(Set(page.charts.compactMap { $0["tag"].string }) == Set(payloads))
        #expect(Set(page.lineNames) == [payloads[0], "</script>"])
        // Table cells show their text literally.
        #expect(page.html.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"))
    }

    // MARK: Distributions and PR curves

    /// The HTML of the section `id`, up to the next section.
    private func section(_ id: String, of page: ReportPage) throws -> Substring {
        let start = try #require(page.html.range(of: "<section class=\"section\" id=\"\(id)\""))
        let rest = page.html[start.upperBound...]
        return rest[..<(rest.range(of: "<section ")?.lowerBound ?? rest.endIndex)]
    }

    @Test func histogramsAreDrawnAsDistributionsAndPRCurvesAsOneChartPerTag() throws {
        let directory = try demo()
        defer { remove(directory) }
        let page = try ReportPage.make([directory])
        #expect(page.result.stdout.contains("3 distributions, 1 PR chart"), "\(page.result.stdout)")
        let distributions = try section("distributions", of: page)
        // One chart per run of weights/dense, each in the light and the dark theme.
        #expect(distributions.matches(of: #/<svg /#).count == 6)
        #expect(distributions.matches(of: /class="svg-chart svg-light"/).count == 3)
        #expect(distributions.matches(of: /class="svg-chart svg-dark"/).count == 3)
        for run in ["lr_0.01", "lr_0.03", "lr_0.1"] {
            #expect(distributions.contains("data-name=\"\(run)\""), "\(run)")
        }
        let prCurves = try section("pr-curves", of: page)
        #expect(prCurves.matches(of: #/<svg /#).count == 2)
        #expect(prCurves.contains("validation/pr_curve"))
        for run in ["lr_0.01", "lr_0.03", "lr_0.1"] { #expect(prCurves.contains(run), "\(run)") }
        // The kinds drawn are no longer listed with the others.
        let other = try section("other", of: page)
        #expect(!other.contains("weights/dense") && !other.contains("validation/pr_curve"))
        #expect(other.contains("samples/chime"))
    }

    // MARK: Long series

    @Test func longSeriesAreReducedAndStatisticsStayExact() throws {
        let directory = temporaryPath("report-long")
        defer { remove(directory) }
        let count = 50_000
        for run in 0..<3 {
            let writer = try SummaryWriter(logdir: "\(directory)/run\(run)")
            for step in 0..<count {
                var value = sin(Double(step) / 500) + Double(run)
                if step == 31_337 { value = 100 }  // one spike
                if step == 40_000 { value = .nan }
                try writer.addScalars([("a", value), ("b", -value)], step: step)
            }
            try writer.close()
        }
        let page = try ReportPage.make([directory])
        #expect(page.html.utf8.count < 700_000, "\(page.html.utf8.count) bytes")
        for chart in page.charts {
            for line in chart["lines"].array {
                #expect(line["count"].int == count)
                let values = ReportPage.numbers(line["value"])
                let steps = ReportPage.steps(line["step"])
                #expect(values.count == steps.count && values.count < count / 10, "reduced to \(values.count)")
                #expect(steps == steps.sorted() && steps.first == 0 && steps.last == Int64(count - 1))
                // Each pixel column keeps its extremes and its non-finite points.
                let spike = chart["tag"].string == "a" ? 100.0 : -100.0
                #expect(values.contains(spike))
                #expect(values.contains { $0.isNaN })
                let buckets = line["buckets"]
                let kept = ReportPage.bytes(buckets["kept"].string).reduce(0) { $0 + Int($1) }
                #expect(kept == values.count)
                let finite = ReportPage.words(buckets["finite"].string, as: UInt32.self).reduce(0) { $0 + Int($1) }
                #expect(finite == count - 1)
            }
        }
        // The overview's best of `a` is the spike: over every point, not the drawn ones.
        #expect(page.html.contains("data-sort=\"100.0\" title=\"best of a at step 31337 (50,000 points)\""))
    }

    // MARK: Options

    @Test func badOptionsAreUsageErrors() throws {
        let directory = try demo(steps: 5)
        defer { remove(directory) }
        for arguments in [["--smoothing", "1.5"], ["--smoothing", "-0.1"], ["--group", "("], ["--tags", "("]] {
            let result = try runTFEvents(["report", directory] + arguments + ["--output", "/dev/null"])
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let missing = try runTFEvents(["report", directory + "/missing", "--output", "/dev/null"])
        #expect(missing.status == 1)
        let filtered = try ReportPage.make([directory, "--runs", "0.03", "--tags", "loss"])
        #expect(filtered.lineNames == ["lr_0.03"])
        #expect(Set(filtered.charts.compactMap { $0["tag"].string }) == ["train/loss", "validation/loss"])
    }
}
