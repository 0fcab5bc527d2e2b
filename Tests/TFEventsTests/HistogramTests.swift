import Testing
import TestSupport

@testable import TFEvents

@Suite struct HistogramTests {
    typealias Bucket = Histogram.Bucket

    static func rows(_ histogram: Histogram) -> [[Double]] {
        histogram.buckets.map { [$0.left, $0.right, $0.count] }
    }

    // MARK: TensorFlow 2 bucketing

    @Test func oneValueFillsOnlyTheLastBucket() throws {
        let histogram = try Histogram([0.3] as [Double])
        #expect(histogram.buckets.count == 30)
        #expect(histogram.buckets.dropLast().allSatisfy { $0 == Bucket(left: 0.3, right: 0.3, count: 0) })
        #expect(histogram.buckets.last == Bucket(left: 0.3, right: 0.3, count: 1))
        #expect(histogram.nonFiniteCount == 0 && histogram.outOfRangeCount == 0)
    }

    @Test func equalValuesFillOnlyTheLastBucket() throws {
        let histogram = try Histogram([Float](repeating: -2.5, count: 7), bucketing: .equalWidth(bucketCount: 4))
        #expect(Self.rows(histogram) == [[-2.5, -2.5, 0], [-2.5, -2.5, 0], [-2.5, -2.5, 0], [-2.5, -2.5, 7]])
    }

    @Test func emptyInputGivesTensorFlowsZeroRows() throws {
        let histogram = try Histogram([Double]())
        #expect(histogram.buckets == Array(repeating: Bucket(left: 0, right: 0, count: 0), count: 30))
        #expect(histogram.totalCount == 0 && histogram.nonFiniteCount == 0)
    }

    @Test func nonFiniteValuesAreCountedApartAndLeftOut() throws {
        let values: [Double] = [1, .nan, 2, .infinity, -.infinity, 3, .nan, 5]
        let histogram = try Histogram(values, bucketing: .equalWidth(bucketCount: 4))
        #expect(histogram.nonFiniteCount == 4)
        // Edges from the finite values only: 1 to 5 in steps of 1.
        #expect(Self.rows(histogram) == [[1, 2, 1], [2, 3, 1], [3, 4, 1], [4, 5, 1]])
        #expect(try Histogram(values.map(Float.init), bucketing: .equalWidth(bucketCount: 4)) == histogram)
    }

    @Test func onlyNonFiniteValuesGiveZeroRows() throws {
        let histogram = try Histogram([Float.nan, .infinity], bucketing: .equalWidth(bucketCount: 3))
        #expect(Self.rows(histogram) == [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
        #expect(histogram.nonFiniteCount == 2)
    }

    @Test func valuesOnEdgesGoRightAndTheMaximumGoesLast() throws {
        let histogram = try Histogram((0...30).map(Double.init))
        #expect(histogram.buckets.map(\.left) == (0..<30).map(Double.init))
        #expect(histogram.buckets.map(\.right) == (1...30).map(Double.init))
        #expect(histogram.buckets.map(\.count) == Array(repeating: 1, count: 29) + [2])
    }

    @Test func negativeOnlyValues() throws {
        let histogram = try Histogram([-4, -3, -2, -1] as [Double], bucketing: .equalWidth(bucketCount: 3))
        #expect(Self.rows(histogram) == [[-4, -3, 1], [-3, -2, 1], [-2, -1, 2]])
    }

    @Test func rangesBeyondTheLargestDoubleAreStillBucketed() throws {
        let values: [Double] = [-1.5e308, 0, 1.5e308]
        let histogram = try Histogram(values, bucketing: .equalWidth(bucketCount: 2))
        #expect(Self.rows(histogram) == [[-1.5e308, 0, 1], [0, 1.5e308, 2]])
    }

    @Test func tinyRangesAreStillBucketed() throws {
        let tiny = Double.leastNonzeroMagnitude
        let histogram = try Histogram([0, tiny, 2 * tiny, 4 * tiny], bucketing: .equalWidth(bucketCount: 4))
        let rows: [[Double]] = [[0, tiny, 1], [tiny, 2 * tiny, 1], [2 * tiny, 3 * tiny, 1], [3 * tiny, 4 * tiny, 1]]
        #expect(Self.rows(histogram) == rows)
    }

    @Test func floatAndDoubleInputAgree() throws {
        var random = SplitMix(seed: 7)
        let floats = (0..<5000).map { _ in Float(random.nextDouble() * 200 - 100) } + [.nan, .infinity, 1e30, -1e-30]
        let doubles = floats.map(Double.init)
        for bucketing in [Histogram.Bucketing.tensorFlow, .tensorboardX, .edges([-50, -1, 0, 1, 50])] {
            #expect(try Histogram(floats, bucketing: bucketing) == Histogram(doubles, bucketing: bucketing))
        }
    }

    // MARK: Explicit edges

    @Test func explicitEdgesFollowNumpy() throws {
        let values: [Double] = [-1, 0, 0.5, 1, 1, 2, 3, 3, 4, .nan]
        let histogram = try Histogram(values, bucketing: .edges([0, 1, 1, 3]))
        // [0, 1) holds 0 and 0.5; [1, 1) nothing; [1, 3] 1, 1, 2, 3, 3; -1 and 4 are outside.
        #expect(Self.rows(histogram) == [[0, 1, 2], [1, 1, 0], [1, 3, 5]])
        #expect(histogram.outOfRangeCount == 2)
        #expect(histogram.nonFiniteCount == 1)
    }

    @Test func explicitEdgesAgreeWithABinarySearchWhateverTheirSpacing() throws {
        var random = SplitMix(seed: 11)
        let values = (0..<3000).map { _ in random.nextDouble() * 24 - 12 }
        let edgeSets: [[Double]] = [
            (0...40).map { Double($0) / 2 - 10 },  // evenly spaced
            [-10, -9.99, -5, -1, -0.5, 0, 0.001, 3, 7, 7, 7, 11],  // uneven, with repeats
            [-1e308, -1, 0, 1, 1e308],  // spanning more than the largest double
            [-12, 12],
        ]
        for edges in edgeSets {
            let histogram = try Histogram(values, bucketing: .edges(edges))
            var expected = [Double](repeating: 0, count: edges.count - 1)
            for x in values where x >= edges.first! && x <= edges.last! {
                let bucket = x == edges.last! ? edges.count - 2 : edges.lastIndex { $0 <= x }!
                expected[bucket] += 1
            }
            #expect(histogram.buckets.map(\.count) == expected, "\(edges)")
        }
    }

    @Test func explicitEdgesWithNoValues() throws {
        let histogram = try Histogram([Float](), bucketing: .edges([0, 0.5, 1]))
        #expect(Self.rows(histogram) == [[0, 0.5, 0], [0.5, 1, 0]])
    }

    @Test func rejectsUnusableBucketings() {
        #expect(
            throws: SummaryWriterError.invalidInput("a histogram needs at least 1 bucket, but the bucket count is 0")
        ) {
            try Histogram([1.0], bucketing: .equalWidth(bucketCount: 0))
        }
        #expect(throws: SummaryWriterError.invalidInput("histogram edges must number at least 2, but 1 were given")) {
            try Histogram([1.0], bucketing: .edges([1]))
        }
        #expect(throws: SummaryWriterError.invalidInput("histogram edges must be finite, but edge 1 is nan")) {
            try Histogram([1.0], bucketing: .edges([0, .nan, 2]))
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "histogram edges must increase, but edge 2 (1.0) is less than edge 1 (2.0)")
        ) {
            try Histogram([1.0], bucketing: .edges([0, 2, 1]))
        }
    }

    // MARK: tensorboardX bucketing

    @Test func tensorboardXEdgesAreItsDefaultBins() {
        let edges = HistogramBucketer.tensorboardXEdges
        #expect(edges.count == 1549)
        #expect(edges[774] == 0 && edges[775] == 1e-12 && edges[773] == -1e-12)
        #expect(edges.last! < 1e20 && edges.last! * 1.1 >= 1e20)
        #expect(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func tensorboardXKeepsOneEmptyBucketBeforeTheDataAndEmptyBucketsBetween() throws {
        // The example of EventFileFormat.md §7.3: 595 buckets.
        let histogram = try Histogram([-1, 0, 0.5, 0.5, 2, 3] as [Double], bucketing: .tensorboardX)
        #expect(histogram.buckets.count == 595)
        #expect(histogram.buckets[0].count == 0)
        #expect(histogram.buckets[1].count == 1 && histogram.buckets[1].left <= -1 && histogram.buckets[1].right > -1)
        #expect(histogram.totalCount == 6)
        #expect(histogram.buckets.last!.left <= 3 && histogram.buckets.last!.right > 3)
        #expect(histogram.buckets.last!.count == 1)
    }

    @Test func tensorboardXDropsValuesBeyondItsEdges() throws {
        let histogram = try Histogram([1e21, -1e20, 5, .nan] as [Double], bucketing: .tensorboardX)
        #expect(histogram.outOfRangeCount == 2)
        #expect(histogram.nonFiniteCount == 1)
        #expect(histogram.totalCount == 1)
        #expect(histogram.buckets.count == 2)
    }

    @Test func tensorboardXWithNothingInsideGivesNoBuckets() throws {
        #expect(try Histogram([Double](), bucketing: .tensorboardX).buckets.isEmpty)
        let outside = try Histogram([Float.nan, 1e25], bucketing: .tensorboardX)
        #expect(outside.buckets.isEmpty && outside.nonFiniteCount == 1 && outside.outOfRangeCount == 1)
    }

    @Test func tensorboardXZeroAndTheSmallestMagnitudes() throws {
        let histogram = try Histogram([0, -0.0, 5e-13, -5e-13, 1e-12, -1e-12] as [Double], bucketing: .tensorboardX)
        // Buckets [-1.1e-12, -1e-12) (the empty lead), [-1e-12, 0), [0, 1e-12), [1e-12, 1.1e-12).
        #expect(histogram.buckets.map(\.count) == [0, 2, 3, 1])
        #expect(histogram.buckets[1].left == -1e-12 && histogram.buckets[1].right == 0)
        #expect(histogram.buckets[2].left == 0 && histogram.buckets[2].right == 1e-12)
    }

    // MARK: The summary value and its bytes

    @Test func summaryValueIsADoubleTensorOfRows() throws {
        let histogram = Histogram(buckets: [Bucket(left: 1, right: 2, count: 3), Bucket(left: 2, right: 4, count: 0.5)])
        let value = try HistogramSummary.value(tag: "h", histogram: histogram)
        #expect(value.tag == "h")
        #expect(value.metadata == SummaryMetadata(pluginName: "histograms"))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dtype == .double)
        #expect(tensor.dimensions == [2, 3])
        let little: (Double) -> [UInt8] = { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        #expect(tensor.tensorContent == [1, 2, 3, 2, 4, 0.5].flatMap(little))
        #expect(tensor.doubleValues.isEmpty && tensor.floatValues.isEmpty)

        // The exact Summary.Value bytes: tag, tensor {dtype, shape {dim 2, dim 3}, content}, metadata.
        let event = Event(what: .summary(Summary(values: [value])))
        let bytes = ProtobufEncoder.encode(event)
        let content = [1, 2, 3, 2, 4, 0.5].flatMap(little)
        let tensorBytes: [UInt8] =
            [0x08, 0x02]  // dtype = 1: DT_DOUBLE
            + [0x12, 0x08, 0x12, 0x02, 0x08, 0x02, 0x12, 0x02, 0x08, 0x03]  // tensor_shape = 2 {dim {2}, dim {3}}
            + [0x22, 0x30] + content  // tensor_content = 4, 48 bytes
        let valueBytes: [UInt8] =
            [0x0A, 0x01, 0x68]  // tag = 1: "h"
            + [0x42, UInt8(tensorBytes.count)] + tensorBytes  // tensor = 8
            + [0x4A, 0x0E, 0x0A, 0x0C, 0x0A, 0x0A] + Array("histograms".utf8)  // metadata = 9 {plugin_data {name}}
        let summaryBytes: [UInt8] = [0x0A, UInt8(valueBytes.count)] + valueBytes
        #expect(bytes == [0x2A, UInt8(summaryBytes.count)] + summaryBytes)
        #expect(ProtobufDecoder.decodeEvent(bytes) == event)
    }

    @Test func emptyHistogramIsAZeroByThreeTensor() throws {
        let value = try HistogramSummary.value(tag: "none", histogram: Histogram(buckets: []))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dimensions == [0, 3] && tensor.tensorContent.isEmpty)
    }

    @Test func rejectsBucketsTensorBoardCannotDraw() {
        #expect(
            throws: SummaryWriterError.invalidInput(
                "histogram 'h' has a bucket edge that is not finite: bucket 1 is [1.0, inf]")
        ) {
            let buckets = [Bucket(left: 0, right: 1, count: 1), Bucket(left: 1, right: .infinity, count: 1)]
            _ = try HistogramSummary.value(tag: "h", histogram: Histogram(buckets: buckets))
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "histogram 'h' has a count that is negative or not finite: bucket 0 has -1.0")
        ) {
            try HistogramSummary.value(tag: "h", histogram: Histogram(buckets: [Bucket(left: 0, right: 1, count: -1)]))
        }
    }

    // MARK: Through the writer

    @Test func writerRecordsHistogramsAtTheirSteps() throws {
        var returned: Histogram?
        let raw = Histogram(buckets: [Bucket(left: -1, right: 1, count: 9)])
        let events = try WriterRoundTrip.events { writer in
            returned = try writer.addHistogram("w", values: [Float(1), 2, 3, .nan], step: 4, wallTime: 10.5)
            try writer.addHistogram("w", values: [0.5, 1.5], bucketing: .edges([0, 1, 2]), step: Int64(5), wallTime: 11)
            try writer.addHistogram("raw", raw, step: 6, wallTime: 12)
        }
        #expect(returned?.nonFiniteCount == 1)
        #expect(events.count == 3)
        #expect(events.map(\.step) == [4, 5, 6])
        #expect(events.map(\.wallTime) == [10.5, 11, 12])
        let values = events.compactMap(WriterRoundTrip.value)
        #expect(values.map(\.tag) == ["w", "w", "raw"])
        #expect(try values[0] == HistogramSummary.value(tag: "w", histogram: #require(returned)))
        let second = try #require(WriterRoundTrip.tensor(values[1]))
        #expect(second.dimensions == [2, 3])
        #expect(try values[2] == HistogramSummary.value(tag: "raw", histogram: raw))
    }

    @Test func writerRecordsNothingForAnUnusableBucketing() throws {
        let events = try WriterRoundTrip.events { writer in
            #expect(throws: SummaryWriterError.self) {
                try writer.addHistogram("bad", values: [1.0], bucketing: .edges([]), step: 1)
            }
        }
        #expect(events.isEmpty)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }
}
