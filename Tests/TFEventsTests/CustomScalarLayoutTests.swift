import Testing
import TestSupport

@testable import TFEvents

@Suite struct CustomScalarLayoutTests {
    static let sample = CustomScalarLayout([
        .init(
            "Losses",
            charts: [
                .multiline("loss", tagPatterns: ["^loss/train$", "^loss/val$"]),
                .margin("acc", series: [.init(value: "a", lower: "a_lo", upper: "a_hi")]),
            ]),
        .init("Other", charts: [], isClosed: true),
    ])

    /// The layout of TensorBoard's `layout_pb2`, serialized by the official protobuf runtime.
    @Test func encodesAsTensorBoardsLayoutMessage() {
        let expected = hex(
            "12460a064c6f7373657312220a046c6f7373121a0a0c5e6c6f73732f747261696e240a0a5e6c6f73732f76616c24"
                + "12180a036163631a110a0f0a01611204615f6c6f1a04615f686912090a054f746865721801")
        #expect(PluginContentCodec.encode(Self.sample) == expected)
        #expect(PluginContentCodec.decodeLayout(expected) == Self.sample)
        #expect(PluginContentCodec.encode(CustomScalarLayout()) == [])
        #expect(PluginContentCodec.decodeLayout([0xFF]) == nil)
    }

    @Test func exactPatternsEscapeWhatTheDashboardEscapes() {
        #expect(CustomScalarLayout.pattern(matching: "loss/train") == "^loss/train$")
        #expect(CustomScalarLayout.pattern(matching: "a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o") ==
            "^a\\.b\\*c\\+d\\?e\\^f\\$g\\{h\\}i\\(j\\)k\\|l\\[m\\]n\\\\o$")
        #expect(CustomScalarLayout.pattern(matching: "métrique 😀") == "^métrique 😀$")
        #expect(CustomScalarLayout.Chart.multiline("c", tags: ["x.y"]) == .multiline("c", tagPatterns: ["^x\\.y$"]))
    }

    @Test func theLayoutValueIsARankZeroStringTensor() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.setCustomScalarLayout(Self.sample, wallTime: 5)
        }
        #expect(events.count == 1)
        #expect(events[0].step == 0 && events[0].wallTime == 5)
        let value = try #require(WriterRoundTrip.value(events[0]))
        #expect(value.tag == "custom_scalars__config__")
        #expect(value.metadata == SummaryMetadata(pluginName: "custom_scalars"))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dtype == .string && tensor.dimensions == [])
        #expect(tensor.stringValues == [PluginContentCodec.encode(Self.sample)])
    }

    /// The layouts a run's events hold, in order.
    static func layouts(_ events: [Event]) -> [CustomScalarLayout] {
        events.compactMap { event in
            guard let value = WriterRoundTrip.value(event) ?? event.summary?.values.first,
                value.tag == CustomScalarsSummary.configTag,
                let bytes = WriterRoundTrip.tensor(value)?.stringValues.first
            else { return nil }
            return PluginContentCodec.decodeLayout(bytes)
        }
    }

    /// The scalar points of a run's events, as (tag, step, value).
    static func scalars(_ events: [Event]) -> [(String, Int64, Float)] {
        events.flatMap { event in
            (event.summary?.values ?? []).compactMap { value -> (String, Int64, Float)? in
                if case .simpleValue(let number) = value.content { return (value.tag, event.step, number) }
                return nil
            }
        }
    }

    @Test func groupedScalarsWriteTheirTagsAndAChartOnlyWhenTheChartsChange() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addGroupedScalars("loss", ["train": 0.5, "validation": 0.75], step: 1)
            try writer.addGroupedScalars("loss", ["train": 0.25, "validation": 0.5], step: 2)
            try writer.addGroupedScalars("loss", [("train", 0.125), ("test", 1.0)], step: 3)
            try writer.addGroupedScalars("accuracy", ["train": Float(0.5)], step: 3)
        }
        let points = Self.scalars(events)
        #expect(points.map(\.0) == [
            "loss/train", "loss/validation", "loss/train", "loss/validation", "loss/train", "loss/test",
            "accuracy/train",
        ])
        #expect(points.map(\.1) == [1, 1, 2, 2, 3, 3, 3])
        #expect(points.map(\.2) == [0.5, 0.75, 0.25, 0.5, 0.125, 1.0, 0.5])

        let layouts = Self.layouts(events)
        #expect(layouts.count == 3)  // first chart, a new key, a second chart; not the repeat
        #expect(layouts.last == CustomScalarLayout([
            .init(
                "Grouped scalars",
                charts: [
                    .multiline("loss", tags: ["loss/train", "loss/validation", "loss/test"]),
                    .multiline("accuracy", tags: ["accuracy/train"]),
                ])
        ]))
        // Each layout comes before the points that needed it, at step 0.
        let firstLayout = try #require(events.firstIndex { $0.summary?.values.first?.tag == "custom_scalars__config__" })
        #expect(firstLayout == 0 && events[firstLayout].step == 0)
    }

    @Test func theCallersLayoutAndTheGroupsAreWrittenTogether() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addGroupedScalars("loss", ["train": 0.5], step: 1)
            try writer.setCustomScalarLayout(Self.sample)
            try writer.setCustomScalarLayout(Self.sample)  // unchanged: not written again
            try writer.addGroupedScalars("loss", ["train": 0.5], step: 2)
            let own = CustomScalarLayout([.init("Grouped scalars", charts: [.multiline("mine", tags: ["x"])])])
            try writer.setCustomScalarLayout(own)
        }
        let layouts = Self.layouts(events)
        #expect(layouts.count == 3)
        #expect(layouts[1].categories.map(\.title) == ["Losses", "Other", "Grouped scalars"])
        // A caller's category of the same title takes the grouped charts after its own.
        #expect(layouts[2] == CustomScalarLayout([
            .init("Grouped scalars", charts: [.multiline("mine", tags: ["x"]), .multiline("loss", tags: ["loss/train"])])
        ]))
    }

    @Test func aFailedWriteLeavesTheLayoutToBeWrittenByTheNextCall() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path)
        try writer.close()
        #expect(throws: SummaryWriterError(.closed, path: writer.path)) {
            try writer.addGroupedScalars("loss", ["train": 0.5], step: 1)
        }
        #expect(writer.customScalarCharts.withLock { $0.groups.isEmpty && $0.written == nil })
    }

    @Test func refusesAnEmptyChartNameAndNUL() throws {
        let events = try WriterRoundTrip.events { writer in
            #expect(throws: SummaryWriterError.invalidInput(
                "a chart of grouped scalars needs a name, but the name given is empty")) {
                try writer.addGroupedScalars("", ["train": 0.5], step: 1)
            }
            #expect(throws: SummaryWriterError.self) {
                try writer.addGroupedScalars("loss", ["tr\u{0}ain": 0.5], step: 1)
            }
            #expect(throws: SummaryWriterError.invalidInput(
                "the custom scalar layout's tag pattern \"a\\0b\" holds a NUL character")) {
                try writer.setCustomScalarLayout(.init([.init("c", charts: [.multiline("m", tagPatterns: ["a\u{0}b"])])]))
            }
            try writer.addGroupedScalars("loss", [(String, Double)](), step: 1)  // nothing to write
        }
        #expect(events.isEmpty)
    }
}
