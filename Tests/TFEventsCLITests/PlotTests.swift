import Foundation
import Testing
import TestSupport

@testable import TFEventsCLI

/// `tfevents plot`, run as a user runs it.
@Suite struct PlotTests {
    /// A demo log directory (three runs of 40 steps), written once for the suite.
    static let demo: String = {
        let directory = temporaryPath("plot-demo")
        let result = try? runTFEvents(["demo", directory, "--steps", "40"])
        precondition(result?.status == 0, "tfevents demo failed: \(result?.stderr ?? "")")
        return directory
    }()

    @Test func demoLossTagsAsAnSVGFile() throws {
        let output = temporaryPath("loss") + ".svg"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try runTFEvents(["plot", Self.demo, "--tags", "loss", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let svg = try SVGTree(text)
        #expect(svg.root.name == "svg" && svg.root.attributes["width"] == "800")
        #expect(svg.paths(class: "line").count == 6 && svg.paths(class: "raw").count == 6)
        let legend = svg.elements("tspan").map(\.text)
        #expect(legend == ["lr_0.01 · train/loss", "lr_0.01 · validation/loss", "lr_0.03 · train/loss",
                           "lr_0.03 · validation/loss", "lr_0.1 · train/loss", "lr_0.1 · validation/loss"])
        // Standalone: nothing outside the document is referenced.
        #expect(!text.contains("href") && !text.contains("url(") && !text.contains("@import"))
        // The same input gives the same bytes.
        let again = try runTFEvents(["plot", Self.demo, "--tags", "loss", "--output", "-"])
        #expect(again.stdout == text)
    }

    @Test func optionsReachTheChart() throws {
        let result = try runTFEvents([
            "plot", Self.demo, "--tags", "^train/loss$", "--output", "-", "--smoothing", "0", "--width", "640",
            "--height", "360", "--title", "Loss <raw>", "--theme", "dark", "--x", "relative", "--log-y",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try SVGTree(result.stdout)
        #expect(svg.root.attributes["viewBox"] == "0 0 640 360")
        #expect(svg.elements("title").first?.text == "Loss <raw>")
        #expect(svg.elements("rect").first?.attributes["fill"] == ChartTheme.dark.background)
        #expect(svg.paths(class: "raw").isEmpty && svg.paths(class: "line").count == 3)
        #expect(svg.elements("text").contains { $0.text == "time since the first point" })
        #expect(svg.elements("text").contains { $0.text.contains("log scale") })
    }

    @Test func severalTagsWithoutTagsIsAUsageErrorListingThem() throws {
        let result = try runTFEvents(["plot", Self.demo])
        #expect(result.status == 64)
        #expect(result.stderr.contains("5 scalar tags"))
        #expect(result.stderr.contains("learning_rate, train/accuracy, train/loss, validation/accuracy, validation/loss"))
        let none = try runTFEvents(["plot", Self.demo, "--tags", "no_such_tag"])
        #expect(none.status == 1 && none.stderr.contains("No scalar tag matches --tags 'no_such_tag'"))
        let smoothing = try runTFEvents(["plot", Self.demo, "--tags", "loss", "--smoothing", "1"])
        #expect(smoothing.status == 64)
    }

    @Test func pipedItDrawsWithoutColourAt80By24() throws {
        let result = try runTFEvents(["plot", Self.demo, "--tags", "train/loss"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 23)
        #expect(lines.allSatisfy { TerminalText.width(String($0)) <= 79 })
        #expect(lines.filter { $0.contains("lr_0.") && $0.contains("last") }.count == 3)
    }

    @Test func inATerminalItColoursUnlessNoColorIsSet() throws {
        let command = "COLUMNS=100 LINES=30 \(shellQuoted(tfeventsBinary)) plot \(shellQuoted(Self.demo)) --tags train/loss"
        // The test runner may itself run with NO_COLOR set.
        let coloured = try runInTerminal("env -u NO_COLOR " + command)
        #expect(coloured.contains("\u{1B}[38;5;"))
        let plain = try runInTerminal("NO_COLOR=1 " + command)
        #expect(!plain.contains("\u{1B}["), "\(plain.debugDescription)")
        let lines = plain.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count == 29)
        #expect(lines.allSatisfy { TerminalText.width(String($0)) <= 99 })
    }

    @Test func groupsPlotAMeanWithABand() throws {
        let root = temporaryPath("plot-seeds")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for seed in 1...2 {
            let result = try runTFEvents(["demo", root + "/seed_\(seed)", "--steps", "20", "--seed", "\(seed)"])
            #expect(result.status == 0)
        }
        let result = try runTFEvents([
            "plot", root, "--tags", "validation/accuracy", "--group", #"seed_\d+"#, "--output", "-",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try SVGTree(result.stdout)
        #expect(svg.paths(class: "line").count == 3 && svg.paths(class: "band").count == 3)
        #expect(svg.elements("tspan").map(\.text) == ["lr_0.01", " 2 runs", "lr_0.03", " 2 runs", "lr_0.1", " 2 runs"])
    }

    @Test func theSeedFixtureGroupsWithItsNaNMarked() throws {
        let logdir = Fixtures.logdir("tbx_seeds")
        let byName = try runTFEvents(["plot", logdir, "--tags", "train/loss", "--group", #"seed_?\d+"#, "-o", "-"])
        #expect(byName.status == 0, "\(byName.stderr)")
        let svg = try SVGTree(byName.stdout)
        #expect(svg.elements("tspan").map(\.text) == ["lr_0.01", " 3 runs", "lr_0.1", " 3 runs"])
        #expect(svg.paths(class: "line").count == 2 && svg.paths(class: "band").count == 2)
        // lr_0.1/seed_2 logs a NaN at step 17: its group's mean is NaN there, marked at the top edge.
        let marks = svg.paths(class: "off-scale")
        #expect(marks.count == 1 && marks.first?.attributes["stroke"] == nil)
        #expect(SVGTree.pieces(svg.paths(class: "line")[1].attributes["d"]!).count == 2)
        let byHparams = try runTFEvents([
            "plot", logdir, "--tags", "loss", "--group-by-hparams", "--ignore-hparam", "seed", "-o", "-",
        ])
        #expect(byHparams.status == 0, "\(byHparams.stderr)")
        let names = try SVGTree(byHparams.stdout).elements("tspan").map(\.text).filter { !$0.hasPrefix(" ") }
        #expect(names == [
            "lr=0.01, optimizer=sgd · train/loss", "lr=0.01, optimizer=sgd · val/loss",
            "lr=0.1, optimizer=sgd · train/loss", "lr=0.1, optimizer=sgd · val/loss",
        ])
    }

    @Test func everyFixturePlotsWithoutError() throws {
        for name in Fixtures.logdirNames {
            let result = try runTFEvents(["plot", Fixtures.logdir(name), "--tags", ".", "--output", "-"])
            if result.status == 0 {
                _ = try SVGTree(result.stdout)
            } else {
                // A log directory without scalars says so.
                #expect(result.status == 1, "\(name): \(result.stderr)")
                #expect(result.stderr.contains("No scalar tag") || result.stderr.contains("no runs"), "\(name): \(result.stderr)")
            }
            let terminal = try runTFEvents(["plot", Fixtures.logdir(name), "--tags", "."])
            #expect(terminal.status == result.status, "\(name)")
        }
    }
}
