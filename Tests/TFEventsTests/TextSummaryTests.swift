import Testing
import TestSupport

@testable import TFEvents

@Suite struct TextSummaryTests {
    @Test func textIsARankZeroStringTensor() throws {
        let value = TextSummary.value(tag: "notes", markdown: "# Title\n\n*hello*")
        #expect(value.tag == "notes")
        #expect(value.metadata == SummaryMetadata(pluginName: "text"))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dtype == .string)
        #expect(tensor.shape == TensorShapeProto())
        #expect(tensor.stringValues == [Array("# Title\n\n*hello*".utf8)])

        // Exact bytes of the value: tag, tensor {dtype 7, shape {}, string_val}, metadata {plugin "text"}.
        let event = Event(what: .summary(Summary(values: [TextSummary.value(tag: "t", markdown: "hi")])))
        let bytes = ProtobufEncoder.encode(event)
        let valueBytes: [UInt8] =
            [0x0A, 0x01, 0x74]  // tag = 1: "t"
            + [0x42, 0x08, 0x08, 0x07, 0x12, 0x00, 0x42, 0x02, 0x68, 0x69]  // tensor = 8 {dtype, shape, string_val = 8}
            + [0x4A, 0x08, 0x0A, 0x06, 0x0A, 0x04, 0x74, 0x65, 0x78, 0x74]  // metadata = 9 {plugin_data {"text"}}
        #expect(bytes == [0x2A, UInt8(valueBytes.count + 2), 0x0A, UInt8(valueBytes.count)] + valueBytes)
    }

    @Test func oddCharactersSurviveInTheTensor() throws {
        let text = "nul\u{0}stx\u{2}etx\u{3}del\u{7F} e\u{301} 😀 שלום \u{FEFF}"
        let events = try WriterRoundTrip.events { writer in
            try writer.addText("odd", text, step: 1, wallTime: 5)
        }
        let tensor = try #require(WriterRoundTrip.tensor(events.first.flatMap(WriterRoundTrip.value)))
        #expect(tensor.stringValues == [Array(text.utf8)])
        #expect(String(decoding: tensor.stringValues[0], as: UTF8.self) == text)
    }

    @Test func emptyTextIsOneEmptyString() throws {
        let tensor = try #require(WriterRoundTrip.tensor(TextSummary.value(tag: "e", markdown: "")))
        #expect(tensor.stringValues == [[]])
        let decoded = ProtobufDecoder.decodeEvent(
            ProtobufEncoder.encode(Event(what: .summary(Summary(values: [TextSummary.value(tag: "e", markdown: "")])))))
        #expect(WriterRoundTrip.tensor(decoded.flatMap(WriterRoundTrip.value))?.stringValues == [[]])
    }

    // MARK: Tables

    @Test func rendersAPipeTable() {
        let table = MarkdownTable(header: ["name", "value"], rows: [["lr", "0.001"], ["optimizer", "adam"]])
        #expect(table.markdown == "| name | value |\n| --- | --- |\n| lr | 0.001 |\n| optimizer | adam |\n")
    }

    @Test func escapesWhatWouldBreakTheTableOrBeFormatted() {
        #expect(MarkdownTable.escape("a|b") == "a\\|b")
        #expect(MarkdownTable.escape("line 1\nline 2\r\nline 3\rend") == "line 1<br>line 2<br>line 3<br>end")
        #expect(
            MarkdownTable.escape("2*3*4 snake_case `code` [link](x)")
                == "2\\*3\\*4 snake\\_case \\`code\\` \\[link\\](x)")
        #expect(MarkdownTable.escape("back\\slash\\|") == "back\\\\slash\\\\\\|")
        #expect(MarkdownTable.escape("<script>&amp;") == "&lt;script>&amp;amp;")
        #expect(MarkdownTable.escape("plain 0.5 -1 #3 😀") == "plain 0.5 -1 #3 😀")
    }

    @Test func padsRaggedRowsAndTheHeader() {
        let table = MarkdownTable(header: ["a"], rows: [["1", "2"], []])
        #expect(table.markdown == "| a |  |\n| --- | --- |\n| 1 | 2 |\n|  |  |\n")
        #expect(MarkdownTable(header: [], rows: []).markdown == "")
        #expect(MarkdownTable(header: [], rows: [[]]).markdown == "")
    }

    @Test func writerRecordsTextAndTables() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addText("notes", "**bold**", step: 3, wallTime: 1)
            try writer.addTable("table", header: ["k", "v"], rows: [["a|b", "1\n2"]], step: Int64(4), wallTime: 2)
        }
        #expect(events.map(\.step) == [3, 4])
        #expect(events.map(\.wallTime) == [1, 2])
        let values = events.compactMap(WriterRoundTrip.value)
        #expect(values == [
            TextSummary.value(tag: "notes", markdown: "**bold**"),
            TextSummary.value(tag: "table", markdown: "| k | v |\n| --- | --- |\n| a\\|b | 1<br>2 |\n"),
        ])
    }
}
