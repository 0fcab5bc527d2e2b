import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Input built to hurt: every case ends in a clear error or a bounded result, never a crash, a
/// hang or an allocation sized by a claim in the data. (Framing-level cases: ReaderHostileTests.)
@Suite struct HostileInputTests {
    let directory = TemporaryDirectory()

    /// A log directory with one run holding `values`, each at its own step.
    func run(_ values: [Summary.Value]) throws -> LogdirRead {
        let writer = try SummaryWriter(logdir: directory.path + "/run")
        for (step, value) in values.enumerated() {
            try writer.add(Event(wallTime: 1, step: Int64(step), what: .summary(Summary(values: [value]))))
        }
        try writer.close()
        return try LogdirRead(directory.path)
    }

    func histogramValue(_ tag: String, _ tensor: TensorProto) -> Summary.Value {
        Summary.Value(tag: tag, metadata: SummaryMetadata(pluginName: "histograms"), content: .tensor(tensor))
    }

    @Test func aShapeClaimingTrillionsOfElementsIsNotAllocated() throws {
        // [2^20, 2^20, 3] with one double: broadcasting it would take 25 TB.
        let huge = TensorProto(dtype: .double, shape: TensorShapeProto([1 << 20, 1 << 20, 3]), doubleValues: [1])
        let text = TensorProto(dtype: .string, shape: TensorShapeProto([1 << 40]), stringValues: [Array("x".utf8)])
        let read = try run([
            histogramValue("hist", huge),
            Summary.Value(tag: "text", metadata: SummaryMetadata(pluginName: "text"), content: .tensor(text)),
        ])
        let hist = try #require(read.points(run: "run", tag: "hist").first)
        guard case .tensor = hist.value else {
            Issue.record("expected the raw tensor, got \(hist.value)")
            return
        }
        let note = try #require(read.points(run: "run", tag: "text").first)
        guard case .tensor = note.value else {
            Issue.record("expected the raw tensor, got \(note.value)")
            return
        }
    }

    @Test func aHistogramWithAMillionBucketsReadsInFull() throws {
        let count = 1_000_000
        var content: [UInt8] = []
        content.reserveCapacity(count * 24)
        for index in 0..<count {
            for number in [Double(index), Double(index + 1), 1.0] {
                withUnsafeBytes(of: number.bitPattern.littleEndian) { content.append(contentsOf: $0) }
            }
        }
        let tensor = TensorProto(dtype: .double, shape: TensorShapeProto([Int64(count), 3]), tensorContent: content)
        let read = try run([histogramValue("big", tensor)])
        let point = try #require(read.points(run: "run", tag: "big").first)
        guard case .histogram(let histogram) = point.value else {
            Issue.record("not a histogram: \(point.value)")
            return
        }
        #expect(histogram.buckets.count == count)
        #expect(histogram.buckets.last == Histogram.Bucket(left: Double(count - 1), right: Double(count), count: 1))
    }

    @Test func anImageClaiming2To31PixelsSquareIsKeptAsBytesNotDecoded() throws {
        let png = try PNGEncoder().encode(pixels: [1, 2, 3], width: 1, height: 1, channels: 3)
        let tensor = TensorProto(
            dtype: .string, shape: TensorShapeProto([3]),
            stringValues: [Array("2147483648".utf8), Array("2147483648".utf8), png])
        let value = Summary.Value(tag: "img", metadata: SummaryMetadata(pluginName: "images"), content: .tensor(tensor))
        let read = try run([value])
        let point = try #require(read.points(run: "run", tag: "img").first)
        #expect(point.value == .images(width: 1 << 31, height: 1 << 31, images: [png]))
    }

    @Test func invalidUTF8InATagIsReadWithReplacementCharacters() throws {
        // A legacy scalar whose tag bytes are "a", 0xFF, "b" (written by hand: Swift strings are valid UTF-8).
        let value: [UInt8] = [0x0A, 0x03, 0x61, 0xFF, 0x62, 0x15, 0, 0, 0x80, 0x3F]
        let summary = [0x0A, UInt8(value.count)] + value
        let payload = [0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x2A, UInt8(summary.count)] + summary
        let path = directory.path + "/run/events.out.tfevents.1.h"
        try FileManager.default.createDirectory(atPath: directory.path + "/run", withIntermediateDirectories: true)
        writeFile(path, TFRecordFraming.frame(ProtobufEncoder.encode(Event(wallTime: 1, what: .fileVersion("brain.Event:2"))))
            + TFRecordFraming.frame(payload) + TFRecordFraming.frame(payload))
        let read = try LogdirRead(directory.path)
        #expect(read.points(run: "run", tag: "a\u{FFFD}b").map(\.value) == [.scalar(1), .scalar(1)])
        #expect(read.problems.isEmpty)
    }

    @Test func anAbsurdBucketCountIsRefusedByTheWriter() throws {
        let error = #expect(throws: SummaryWriterError.self) {
            try Histogram([1, 2, 3] as [Double], bucketing: .equalWidth(bucketCount: 1 << 40))
        }
        #expect(error?.description.contains("at most 1048576 buckets") == true)
    }

    @Test func aLogdirThatIsAFileIsAClearError() throws {
        let file = directory.path + "/not-a-directory"
        writeFile(file, [1, 2, 3])
        let error = #expect(throws: SummaryReaderError.self) { try SummaryReader(logdir: file) }
        #expect(error?.description.contains(file) == true)
    }
}
