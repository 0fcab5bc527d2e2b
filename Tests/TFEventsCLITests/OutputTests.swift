import Testing
import TestSupport

@testable import TFEventsCLI

@Suite struct OutputTests {
    @Test func plainTableAlignsNumbersRightAndTextLeft() {
        var table = TextTable(titles: ["run", "loss", "steps"], numeric: [1, 2])
        table.append(["lr_0.1", "0.25", "300"])
        table.append(["a/b", "12.5", "7"])
        #expect(
            table.renderPlain() == """
                run     loss  steps
                lr_0.1  0.25    300
                a/b     12.5      7

                """)
    }

    @Test func markdownTableEscapesPipes() {
        var table = TextTable(titles: ["run", "value"], numeric: [1])
        table.append(["a|b", "1"])
        #expect(
            table.renderMarkdown() == """
                | run | value |
                |---|---:|
                | a\\|b | 1 |

                """)
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSV.line(["a", "b,c", "say \"hi\"", "x\ny"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n")
    }

    @Test func jsonWritesNonFiniteNumbersAsTensorBoardDoes() {
        let value = JSONValue.object([
            ("nan", .number(.nan)), ("inf", .number(.infinity)), ("ninf", .number(-.infinity)),
            ("half", .number(0.5)), ("one", .number(1)), ("big", .integer(Int64.max)), ("none", .null),
            ("text", .string("q\"\\\n\u{1}é")), ("list", .array([.bool(true), .array([])])),
        ])
        #expect(
            value.serialized()
                == #"{"nan": "NaN", "inf": "Infinity", "ninf": "-Infinity", "half": 0.5, "one": 1.0, "#
                + #""big": 9223372036854775807, "none": null, "text": "q\"\\\n\u0001é", "list": [true, []]}"#)
        #expect(JSONValue.array([.integer(1), .integer(2)]).pretty() == "[\n  1,\n  2\n]")
    }

    @Test func jsonNumbersReadBackExactly() {
        for value in [0.1, 1.0 / 3, 1e300, Double.leastNonzeroMagnitude, -0.0, 123_456_789.125, Double(Float(0.1))] {
            let text = JSONValue.format(value)
            #expect(Double(text) == value, "\(text)")
        }
    }

    @Test func shortNumbers() {
        #expect(NumberFormatting.short(0.123456789) == "0.123457")
        #expect(NumberFormatting.short(42) == "42")
        #expect(NumberFormatting.short(-2.5) == "-2.5")
        #expect(NumberFormatting.short(1e-7) == "1.0000e-07")
        #expect(NumberFormatting.short(.nan) == "nan")
        #expect(NumberFormatting.short(-.infinity) == "-inf")
    }

    @Test func sparklineScalesBetweenMinAndMax() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([5, 5, 5], width: 8) == "▄▄▄")
        #expect(Sparkline.render([1, .nan, 2], width: 8) == "▁ █")
        #expect(Sparkline.render([1, 2, 3, 4], width: 2) == "▁█")
    }
}
