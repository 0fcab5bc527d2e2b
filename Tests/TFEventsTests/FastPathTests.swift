import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// The hand-written read paths (``FastEventDecoder``, ``ScalarRecordParser`` with the reader's
/// tag cache) give exactly what protobuf-c gives, on every record of the fixtures, on every
/// record of our own writer's output, and on thousands of mutated payloads.
@Suite struct FastPathTests {
    /// Every record payload of every event file of the fixtures.
    static func fixturePayloads() throws -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(atPath: Fixtures.logdirs)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.contains("tfevents") else { continue }
            let reader = RecordReader(path: Fixtures.logdirs + "/" + relative)
            while true {
                do {
                    guard let record = try reader.next() else { break }
                    payloads.append(record.payload)
                } catch {
                    guard try reader.skipDamage(final: true) != nil else { break }
                }
            }
        }
        return payloads
    }

    /// Payloads our writer produces for scalar events, legacy and TF2, with awkward tags and values.
    static func writerPayloads() -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        for tag in ["loss", "", "a/b/c", String(repeating: "é", count: 100), "x\u{0}y"] {
            for value in [0.0, -0.0, 1.5, .nan, .infinity, 1e-40] {
                for step: Int64 in [0, 1, 127, 128, 300, 16_383, 16_384, 20_000, -1, .max] {
                    payloads.append(ProtobufEncoder.encode(SummaryWriter.scalarEvent(tag, Float(value), step: step, wallTime: 1.5)))
                    let tensor = TensorProto(dtype: .float, tensorContent: withUnsafeBytes(of: Float(value).bitPattern.littleEndian, Array.init))
                    let tf2 = Summary.Value(tag: tag, metadata: SummaryMetadata(pluginName: "scalars"), content: .tensor(tensor))
                    payloads.append(ProtobufEncoder.encode(Event(wallTime: 2, step: step, what: .summary(Summary(values: [tf2])))))
                    let viaFloatVal = TensorProto(dtype: .float, shape: nil, floatValues: [Float(value)])
                    let tbx = Summary.Value(tag: tag, content: .tensor(viaFloatVal))
                    payloads.append(ProtobufEncoder.encode(Event(wallTime: 3, step: step, what: .summary(Summary(values: [tbx, tbx])))))
                }
            }
        }
        return payloads
    }

    /// Each payload with one byte changed, one byte removed and one byte inserted, at seeded
    /// random places: shapes the fast paths must either decode exactly or leave alone.
    static func mutations(of payloads: [[UInt8]], count: Int) -> [[UInt8]] {
        var random = SeededGenerator(seed: 7)
        var result: [[UInt8]] = []
        for _ in 0..<count {
            var payload = payloads[Int(random.next() % UInt64(payloads.count))]
            guard !payload.isEmpty else { continue }
            let position = Int(random.next() % UInt64(payload.count))
            switch random.next() % 3 {
            case 0: payload[position] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            case 1: payload.remove(at: position)
            default: payload.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
            result.append(payload)
        }
        return result
    }

    @Test func fastEventDecoderAgreesWithProtobufC() throws {
        let payloads = try Self.fixturePayloads() + Self.writerPayloads()
        var taken = 0
        for payload in payloads + Self.mutations(of: payloads, count: 20_000) {
            let fast = payload.withUnsafeBytes { FastEventDecoder.decode($0) }
            guard let fast else { continue }
            taken += 1
            let reference = payload.withUnsafeBytes { ProtobufDecoder.decodeEvent($0) }
            #expect(reference.map { Self.bits($0) } == Self.bits(fast), "payload \(hexString(payload))")
            if reference.map({ Self.bits($0) }) != Self.bits(fast) { return }
        }
        #expect(taken > 1_000, "the fast path took \(taken) payloads")
    }

    @Test func scalarRecordParserAgreesWithProtobufC() throws {
        let payloads = try Self.fixturePayloads() + Self.writerPayloads()
        var taken = 0
        for payload in payloads + Self.mutations(of: payloads, count: 20_000) {
            guard let view = payload.withUnsafeBytes({ bytes in
                ScalarRecordParser.parse(bytes).map { ($0.wallTime, $0.step, Array($0.tag), $0.value) }
            }) else { continue }
            taken += 1
            guard let event = payload.withUnsafeBytes({ ProtobufDecoder.decodeEvent($0) }) else {
                Issue.record("protobuf-c rejects what the parser took: \(hexString(payload))")
                return
            }
            let values = try #require(event.summary?.values)
            #expect(values.count == 1)
            let value = try #require(values.first)
            #expect(event.wallTime.bitPattern == view.0.bitPattern && event.step == view.1)
            // The view's tag is raw bytes; the reader looks them up among tags it has seen as
            // (valid UTF-8) strings, so only valid tags can ever match: compare as a string.
            #expect(value.tag == String(decoding: view.2, as: UTF8.self))
            switch value.content {
            case .simpleValue(let number):
                #expect(number.bitPattern == view.3.bitPattern)
            case .tensor(let tensor):
                #expect(tensor.dtype == .float && tensor.dimensions.isEmpty)
                #expect(tensor.scalarValue.map(\.bitPattern) == Double(view.3).bitPattern)
            default:
                Issue.record("parsed a value that is not a scalar: \(hexString(payload))")
            }
        }
        #expect(taken > 1_000, "the parser took \(taken) payloads")
    }

    /// The reader gives the same items, fast paths on or off, on every fixture: the engine's raw
    /// items (rewinds included) and the settled stream.
    @Test(arguments: Fixtures.logdirNames)
    func readerItemsAreTheSameWithAndWithoutTheFastPaths(_ name: String) throws {
        expectSame(try items(Fixtures.logdir(name), fast: true), try items(Fixtures.logdir(name), fast: false))
    }

    @Test func readerItemsAreTheSameOnALargeMixedRun() throws {
        let directory = TemporaryDirectory()
        let writer = try SummaryWriter(logdir: directory.path + "/run")
        for step in 0..<3_000 {
            try writer.addScalar("loss", Double(step) * 0.5, step: step)
            try writer.addScalar("accuracy/with/a/long/tag/name", Double.nan, step: step)
            if step % 100 == 0 {
                try writer.addText("note", "step \(step)", step: step)
                try writer.add(Event(wallTime: 1, step: Int64(step / 2), what: .sessionLog(.init(status: .start))))
            }
        }
        try writer.close()
        // A second file with steps going back, and no file version (old-style purge).
        let old = directory.path + "/old/events.out.tfevents.1.old"
        try FileManager.default.createDirectory(atPath: directory.path + "/old", withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for step in [5, 6, 7, 3, 4, 9, 1] {
            TFRecordFraming.append(ProtobufEncoder.encode(SummaryWriter.scalarEvent("x", 1, step: Int64(step), wallTime: 1)), to: &bytes)
        }
        writeFile(old, bytes)
        expectSame(try items(directory.path, fast: true), try items(directory.path, fast: false))
    }

    /// Every run's raw items (rewinds included) and streamed items, in run order.
    private func items(_ logdir: String, fast: Bool) throws -> [ComparableItem] {
        var options = SummaryReader.Options()
        options.usesFastPaths = fast
        let reader = try SummaryReader(logdir: logdir, options: options)
        var items: [ComparableItem] = []
        for run in reader.runs {
            items += RawRun(run, options: options).items.map(ComparableItem.init)
            items += streamedItems(reader.read(run)).map(ComparableItem.streamed)
        }
        return items
    }

    /// Items compared with `==`, and where that fails by their full text, so that NaN equals NaN.
    private func expectSame(_ fast: [ComparableItem], _ reference: [ComparableItem]) {
        #expect(fast.count == reference.count)
        for (index, (a, b)) in zip(fast, reference).enumerated() where a != b && fullText(a) != fullText(b) {
            Issue.record("item \(index):\n fast:      \(a)\n reference: \(b)")
            return
        }
    }

    /// An event rendered with its floats as bit patterns, so NaN compares equal to itself.
    static func bits(_ event: Event) -> String {
        var text = String(describing: event)
        text += " wall:\(event.wallTime.bitPattern)"
        for value in event.summary?.values ?? [] {
            if case .simpleValue(let number) = value.content { text += " v:\(number.bitPattern)" }
        }
        return text
    }
}

/// A xorshift generator, so the mutations are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

/// A raw item of the engine (``RawItem`` is not `Equatable`) or an item of a stream.
enum ComparableItem: Hashable {
    case run(Run)
    case series(Series)
    case point(Point)
    case rewind(Rewind)
    case problem(ReadProblem)
    case streamed(RunReader.Item)

    init(_ item: RawItem) {
        switch item {
        case .run(let run): self = .run(run)
        case .series(let series): self = .series(series)
        case .point(let point): self = .point(point)
        case .rewind(let rewind): self = .rewind(rewind)
        case .problem(let problem): self = .problem(problem)
        }
    }
}
