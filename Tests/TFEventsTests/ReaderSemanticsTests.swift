import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// TensorBoard's Python loader semantics on hand-made event files: purges, metadata, tags, and
/// the decoding of values.
@Suite struct ReaderSemanticsTests {
    static func read(_ events: [Event], files: [[Event]] = []) throws -> LogdirRead {
        let logdir = try makeLogdir(files: [events] + files)
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        return try LogdirRead(logdir)
    }

    // MARK: Purges

    @Test func aSecondSessionStartPurgesEverySeriesAtItsStep() throws {
        var events = [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 0)]
        for step in Int64(0)..<10 {
            events.append(EventFileBuilder.scalar("a", Float(step), step: step))
            events.append(EventFileBuilder.scalar("b", -Float(step), step: step))
        }
        let restart =
            [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 5)]
            + (Int64(5)..<8).map { EventFileBuilder.scalar("a", 100 + Float($0), step: $0) }
        let read = try Self.read(events, files: [restart])
        #expect(read.scalars(run: ".", tag: "a").map(\.1) == [0, 1, 2, 3, 4, 105, 106, 107])
        #expect(read.steps(run: ".", tag: "b") == [0, 1, 2, 3, 4])
        #expect(read.rewinds.count == 1)
        #expect(read.rewinds.first?.reason == .restart)
        #expect(read.rewinds.first?.series == nil)
        #expect(read.rewinds.first?.step == 5)
    }

    @Test func theFirstSessionStartIsNotARestart() throws {
        var events = [EventFileBuilder.fileVersion()]
        events += (0..<5).map { EventFileBuilder.scalar("a", 1, step: $0) }
        events.append(EventFileBuilder.sessionStart(step: 2))
        events += (2..<4).map { EventFileBuilder.scalar("a", 2, step: $0) }
        let read = try Self.read(events)
        #expect(read.steps(run: ".", tag: "a") == [0, 1, 2, 3, 4, 2, 3])
        #expect(read.rewinds.isEmpty)
    }

    @Test func withoutAFileVersionAStepGoingBackPurgesItsOwnTags() throws {
        var events: [Event] = []
        for step in Int64(0)..<6 {
            events.append(EventFileBuilder.scalar("x", Float(step), step: step))
            events.append(EventFileBuilder.scalar("y", Float(step), step: step))
        }
        // A non-summary event with a small step does not count as a step.
        events.append(EventFileBuilder.sessionStart(step: 0))
        events.append(EventFileBuilder.scalar("x", 33, step: 3))
        events.append(EventFileBuilder.scalar("y", 6, step: 6))
        let read = try Self.read(events)
        #expect(read.scalars(run: ".", tag: "x").map(\.1) == [0, 1, 2, 33])
        #expect(read.steps(run: ".", tag: "y") == [0, 1, 2, 3, 4, 5, 6])
        #expect(read.rewinds.map(\.reason) == [.stepWentBack])
        #expect(read.rewinds.first?.series == [read.series(run: ".", tag: "x")?.id ?? -1])
    }

    @Test func aFileVersionBelow2KeepsTheStepRule() throws {
        let events = [
            EventFileBuilder.fileVersion("brain.Event:1"), EventFileBuilder.scalar("x", 1, step: 5),
            EventFileBuilder.scalar("x", 2, step: 3),
        ]
        let read = try Self.read(events)
        #expect(read.steps(run: ".", tag: "x") == [3])
        #expect(read.runs.first?.fileVersion == 1)
    }

    @Test func fileVersionsAreParsedAsPythonFloats() {
        #expect(FileVersion.parse("brain.Event:2") == 2)
        #expect(FileVersion.parse("2") == 2)
        #expect(FileVersion.parse("brain.Event: 2.5 ") == 2.5)
        #expect(FileVersion.parse("brain.Event:1_0") == 10)
        #expect(FileVersion.parse("brain.Event:inf") == .infinity)
        #expect(FileVersion.parse("brain.Event:nan").isNaN)
        #expect(FileVersion.parse("brain.Event:0x10") == -1)
        #expect(FileVersion.parse("brain.Event:") == -1)
        #expect(FileVersion.parse("brain.Event:_1") == -1)
        #expect(FileVersion.parse("x brain.Event:1 brain.Event:3") == 3)
    }

    @Test func replayingSurvivorsRebuildsWhatAnAccumulatorKeeps() throws {
        var random = TestRandom(seed: 7)
        var events = [EventFileBuilder.fileVersion(), EventFileBuilder.sessionStart(step: 0)]
        var step: Int64 = 0
        for _ in 0..<400 {
            if random.next(below: 40) == 0 {
                step = max(0, step - Int64(random.next(below: 20)))
                events.append(EventFileBuilder.sessionStart(step: step))
            }
            events.append(EventFileBuilder.scalar(["a", "b", "c"][random.next(below: 3)], Float(step), step: step))
            step += 1
        }
        let logdir = try makeLogdir(files: [events])
        defer { try? FileManager.default.removeItem(atPath: logdir) }

        // A consumer that keeps only a count and a sum per series, and replays on each rewind.
        let run = try #require(try LogdirListing(logdir: logdir).runs.first)
        let loader = RunLoader(run: Run(name: run.name, path: run.path), source: FileSystemSource())
        loader.update(files: run.files)
        var counts: [Int: (count: Int, sum: Double)] = [:]
        var rewinds = 0
        var queue: [RawItem] = []
        var more = true
        while more {
            more = loader.advance(final: true, into: &queue)
            for item in queue {
                switch item {
                case .point(let point):
                    counts[point.series, default: (0, 0)].count += 1
                    counts[point.series, default: (0, 0)].sum += point.value.scalar ?? 0
                case .rewind(let rewind):
                    rewinds += 1
                    counts = counts.filter { !rewind.affects(series: $0.key) }
                    loader.replay(rewind, final: true) { point in
                        #expect(rewind.affects(series: point.series))
                        counts[point.series, default: (0, 0)].count += 1
                        counts[point.series, default: (0, 0)].sum += point.value.scalar ?? 0
                    }
                default:
                    break
                }
            }
            queue.removeAll()
        }
        #expect(rewinds > 3)
        let contents = try SummaryReader(logdir: logdir).contents()
        let series = try #require(contents.runs.first?.series)
        #expect(series.count == 3)
        for entry in series {
            let points = entry.points
            #expect(counts[entry.series.id]?.count ?? 0 == points.count, "\(entry.series.tag)")
            #expect(
                counts[entry.series.id]?.sum ?? 0 == points.reduce(0) { $0 + ($1.value.scalar ?? 0) },
                "\(entry.series.tag)")
        }
    }

    // MARK: Tags and metadata

    @Test func metadataComesFromTheFirstValueThatHasAny() throws {
        let scalar = TensorProto(dtype: .float, floatValues: [1])
        var second = EventFileBuilder.tensor("t", scalar, plugin: "scalars", step: 1)
        if case .summary(var summary) = second.what {
            summary.values[0].metadata?.displayName = "first metadata"
            second.what = .summary(summary)
        }
        let events = [
            EventFileBuilder.fileVersion(),
            EventFileBuilder.tensor("t", scalar, plugin: nil, step: 0),
            second,
            EventFileBuilder.tensor("t", scalar, plugin: "text", step: 2),
        ]
        let read = try Self.read(events)
        let series = try #require(read.series(run: ".", tag: "t"))
        #expect(series.pluginName == "scalars")
        #expect(series.metadata?.displayName == "first metadata")
        #expect(read.steps(run: ".", tag: "t") == [0, 1, 2])
        // The file's first value of the tag had no metadata, so TensorBoard's per-file conversion
        // never gives the tag a data class, and its scalars plugin does not list it.
        #expect(series.metadata?.dataClass == .unknown)
        #expect(series.kind == .other)
    }

    @Test func pointsReadBeforeTheMetadataAreDecodedOnceItArrives() throws {
        let scalar = TensorProto(dtype: .float, floatValues: [1])
        let read = try Self.read(
            [EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: nil, step: 0)],
            files: [[EventFileBuilder.fileVersion(), EventFileBuilder.tensor("t", scalar, plugin: "scalars", step: 1)]])
        let series = try #require(read.series(run: ".", tag: "t"))
        #expect(series.kind == .scalars)
        #expect(read.scalars(run: ".", tag: "t").map(\.1) == [1, 1])
    }

    @Test func aTensorWithoutATagIsStoredUnderItsNodeName() throws {
        let scalar = TensorProto(dtype: .float, floatValues: [1])
        let events = [
            EventFileBuilder.fileVersion(),
            EventFileBuilder.tensor("", scalar, plugin: nil, step: 0, nodeName: "node"),
            // A legacy value loses its node name in TensorBoard's conversion.
            Event(
                wallTime: 1, step: 1,
                what: .summary(Summary(values: [.init(tag: "", nodeName: "legacy", content: .simpleValue(2))]))),
        ]
        let read = try Self.read(events)
        #expect(read.steps(run: ".", tag: "node") == [0])
        #expect(read.steps(run: ".", tag: "") == [1])
        #expect(read.series(run: ".", tag: "legacy") == nil)
    }

    @Test func graphsAndRunMetadataBecomeSeries() throws {
        let events = [
            EventFileBuilder.fileVersion(),
            Event(wallTime: 2, step: 0, what: .graphDef([1, 2, 3])),
            Event(wallTime: 3, step: 1, what: .taggedRunMetadata(.init(tag: "step1", runMetadata: [4, 5]))),
        ]
        let read = try Self.read(events)
        #expect(read.runs.first?.hasGraph == true)
        #expect(read.series(run: ".", tag: "__run_graph__")?.pluginName == "graphs")
        #expect(read.series(run: ".", tag: "step1")?.pluginName == "graph_tagged_run_metadata")
        let graph = try #require(read.points(run: ".", tag: "__run_graph__").first)
        #expect(
            graph.value
                == .tensor(TensorProto(dtype: .string, shape: TensorShapeProto([1]), stringValues: [[1, 2, 3]])))
        let runMetadata = try #require(read.points(run: ".", tag: "step1").first)
        #expect(runMetadata.step == 1)
        #expect(
            runMetadata.value
                == .tensor(TensorProto(dtype: .string, shape: TensorShapeProto([1]), stringValues: [[4, 5]])))
    }

    @Test func hparamsWithoutATensorGetTensorBoardsNullTensor() throws {
        let content = PluginContentCodec.encode(
            HParamsPluginData(content: .sessionEndInfo(.init(status: .success, endTime: 5))))
        let event = Event(
            wallTime: 1, step: 0,
            what: .summary(
                Summary(values: [
                    .init(
                        tag: HParamsPluginData.sessionEndTag,
                        metadata: SummaryMetadata(pluginName: "hparams", content: content), content: nil)
                ])))
        let read = try Self.read([EventFileBuilder.fileVersion(), event])
        let series = try #require(read.series(run: ".", tag: HParamsPluginData.sessionEndTag))
        #expect(series.kind == .hparams)
        #expect(
            PluginContentCodec.decodeHParams(series.metadata?.pluginData?.content ?? [])?.content
                == .sessionEndInfo(.init(status: .success, endTime: 5)))
        #expect(series.metadata?.dataClass == .tensor)
        #expect(read.points(run: ".", tag: HParamsPluginData.sessionEndTag).map(\.value) == [.tensor(DataClassCompat.nullTensor)])
    }

    // MARK: Values

    static func content<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    static let scalarTensors: [(TensorProto, Double?)] = [
        (TensorProto(dtype: .float, tensorContent: content(Float(0.1).bitPattern.littleEndian)), Double(Float(0.1))),
        (TensorProto(dtype: .double, tensorContent: content(0.1.bitPattern.littleEndian)), 0.1),
        (TensorProto(dtype: .double, doubleValues: [0.25]), 0.25),
        (TensorProto(dtype: .int32, intValues: [-7]), -7),
        (TensorProto(dtype: .int8, intValues: [200]), -56),
        (TensorProto(dtype: .uint8, tensorContent: [250]), 250),
        (TensorProto(dtype: .int16, tensorContent: content(Int16(-300).littleEndian)), -300),
        (TensorProto(dtype: .uint16, intValues: [65535]), 65535),
        (TensorProto(dtype: .int64, int64Values: [1 << 40]), 1_099_511_627_776),
        (TensorProto(dtype: .uint64, tensorContent: content(UInt64.max.littleEndian)), Double(UInt64.max)),  // 2^64, the nearest Double
        (TensorProto(dtype: .uint32, uint32Values: [3]), nil),  // no typed-field branch in TensorBoard
        (TensorProto(dtype: .bool, boolValues: [true]), 1),
        (TensorProto(dtype: .half, halfValues: [0x3C00]), 1),
        (TensorProto(dtype: .half, tensorContent: content(UInt16(0xC000).littleEndian)), -2),
        (TensorProto(dtype: .half, halfValues: [0x0001]), 0x1p-24),
        (TensorProto(dtype: .bfloat16, halfValues: [0x3FC0]), 1.5),
        (TensorProto(dtype: .float, shape: TensorShapeProto([1, 1]), floatValues: [3]), 3),
        (TensorProto(dtype: .float, shape: TensorShapeProto([2]), floatValues: [3]), nil),  // broadcast to 2
        (TensorProto(dtype: .float, floatValues: [1, 2]), nil),
        (TensorProto(dtype: .float), nil),
        (TensorProto(dtype: .float, tensorContent: [0, 0, 128]), nil),
        (TensorProto(dtype: .string, stringValues: [[0x31]]), nil),
        (TensorProto(dtype: .complex64, scomplexValues: [1, 2]), nil),
    ]

    @Test(arguments: 0..<scalarTensors.count)
    func scalarsAreReadFromAnyOneElementNumericTensor(_ index: Int) {
        let (tensor, expected) = Self.scalarTensors[index]
        let value = PointDecoder.value(.tensor(tensor), kind: .scalars)
        if let expected {
            #expect(value == .scalar(expected), "\(tensor)")
        } else {
            #expect(value == .tensor(tensor), "\(tensor)")
        }
    }

    @Test func histogramTensorsAndLegacyHistogramsBecomeBuckets() {
        let tensor = TensorProto(
            dtype: .double, shape: TensorShapeProto([2, 3]), doubleValues: [0, 1, 2, 1, 2, 3])
        #expect(
            PointDecoder.value(.tensor(tensor), kind: .histograms)
                == .histogram(
                    Histogram(buckets: [.init(left: 0, right: 1, count: 2), .init(left: 1, right: 2, count: 3)])))
        let legacy = HistogramProto(
            min: -0.3, max: 2.5, num: 5, sum: 0, sumSquares: 0,
            bucketLimits: [-1, 0, 1, 2, 3, .greatestFiniteMagnitude],
            bucketCounts: [0, 1, 0, 4, 0, 0])
        let buckets = try? DataCompat.buckets(of: legacy).get()
        #expect(
            buckets == [
                .init(left: Double(Float(-0.3)), right: 0, count: 1), .init(left: 0, right: 1, count: 0),
                .init(left: 1, right: 2.5, count: 4),
            ])
        let broken = HistogramProto(
            min: 0, max: 1, num: 1, sum: 0, sumSquares: 0, bucketLimits: [], bucketCounts: [0, 1, 1])
        #expect((try? DataCompat.buckets(of: broken).get()) == nil)
    }

    @Test func imagesAndTextKeepTheirShapes() {
        let images = TensorProto(
            dtype: .string, shape: TensorShapeProto([4]), stringValues: [[0x33], [0x32], [1], [2]])
        #expect(PointDecoder.value(.tensor(images), kind: .images) == .images(width: 3, height: 2, images: [[1], [2]]))
        let text = TensorProto(
            dtype: .string, shape: TensorShapeProto([2, 2]), stringValues: [[0x61], [0x62], [0x63], [0xFF]])
        #expect(
            PointDecoder.value(.tensor(text), kind: .text)
                == .text(shape: [2, 2], strings: ["a", "b", "c", "\u{FFFD}"]))
        let scalarText = TensorProto(dtype: .string, stringValues: [Array("hi".utf8)])
        #expect(PointDecoder.value(.tensor(scalarText), kind: .text) == .text(shape: [], strings: ["hi"]))
    }
}
