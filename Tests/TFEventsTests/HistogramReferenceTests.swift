import Foundation
import Testing
import TestSupport

@testable import TFEvents

/// Our bucketing against the reference implementations, on the inputs of
/// `Fixtures/histograms/reference.json` (made by `Scripts/histogram_reference.py` with
/// TensorBoard 2.21.0's `histogram_pb`, tensorboardX 2.6.5 and numpy 2.4.6). Every number must
/// be bit-for-bit the same.
@Suite struct HistogramReferenceTests {
    struct Reference: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var float32: Bool
        var values: [String]
        var nonfinite: Int
        var tf2: [[String]]
        var tf2_sound: Bool
        var tbx: TensorboardX?
        var edges: [EdgeCase]
    }

    struct TensorboardX: Decodable {
        var limits: [String]
        var counts: [String]
    }

    struct EdgeCase: Decodable {
        var edges: [String]
        var counts: [Int]
    }

    /// The committed fixture, or the file named by `TFEVENTS_HISTOGRAM_REFERENCE` (for example
    /// one made with `Scripts/histogram_reference.py --random N`).
    static let reference: Reference = {
        let path =
            ProcessInfo.processInfo.environment["TFEVENTS_HISTOGRAM_REFERENCE"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/histograms/reference.json")
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: path))
        } catch {
            fatalError("cannot read \(path.path): \(error)")
        }
    }()

    static func number(_ text: String) -> Double {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard let value = Double(text) else { fatalError("not a number: \(text)") }
            return value
        }
    }

    static func histogram(_ item: Case, _ bucketing: Histogram.Bucketing) throws -> Histogram {
        let values = item.values.map(number)
        if item.float32 {
            let floats = values.map { Float($0) }
            #expect(floats.map { Double($0) }.elementsEqual(values) { $0.bitPattern == $1.bitPattern })
            return try Histogram(floats, bucketing: bucketing)
        }
        return try Histogram(values, bucketing: bucketing)
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a == 0 && b == 0) }

    static var caseNames: [String] { reference.cases.map(\.name) }

    static func item(_ name: String) -> Case { reference.cases.first { $0.name == name }! }

    @Test func coversTheEdgeCases() {
        let isOtherFile = ProcessInfo.processInfo.environment["TFEVENTS_HISTOGRAM_REFERENCE"] != nil
        #expect(Self.reference.cases.count >= 30 || isOtherFile)
        #expect(HistogramBucketer.tensorboardXEdges.count == 1549)
    }

    @Test(arguments: caseNames) func tensorFlowBucketingMatchesHistogramPB(_ name: String) throws {
        let item = Self.item(name)
        let histogram = try Self.histogram(item, .tensorFlow)
        #expect(histogram.nonFiniteCount == item.nonfinite)
        #expect(histogram.outOfRangeCount == 0)
        let expected = item.tf2.map { $0.map(Self.number) }
        #expect(histogram.buckets.count == expected.count)
        guard item.tf2_sound else {
            // TensorFlow loses every count here (see the script); ours are all kept, between the
            // smallest and the largest value, on increasing finite edges.
            let finite = item.values.map(Self.number).filter(\.isFinite)
            #expect(histogram.totalCount == Double(finite.count))
            #expect(histogram.buckets.first?.left == finite.min())
            #expect(histogram.buckets.last?.right == finite.max())
            #expect(histogram.buckets.allSatisfy { $0.left.isFinite && $0.right.isFinite && $0.left <= $0.right })
            #expect(zip(histogram.buckets, histogram.buckets.dropFirst()).allSatisfy { $0.right == $1.left })
            return
        }
        for (index, (bucket, row)) in zip(histogram.buckets, expected).enumerated() {
            let got = [bucket.left, bucket.right, bucket.count]
            #expect(zip(got, row).allSatisfy { Self.same($0, $1) }, "\(name) bucket \(index): \(got) vs \(row)")
        }
    }

    @Test(arguments: caseNames) func tensorboardXBucketingMatchesMakeHistogram(_ name: String) throws {
        let item = Self.item(name)
        let histogram = try Self.histogram(item, .tensorboardX)
        let values = item.values.map(Self.number)
        let edges = HistogramBucketer.tensorboardXEdges
        #expect(histogram.nonFiniteCount == item.nonfinite)
        let outside = values.filter { $0.isFinite && ($0 < edges.first! || $0 > edges.last!) }.count
        #expect(histogram.outOfRangeCount == outside)
        guard let tbx = item.tbx else {
            #expect(histogram.buckets.isEmpty, "\(name): tensorboardX found no value inside its edges")
            return
        }
        let limits = tbx.limits.map(Self.number)
        let counts = tbx.counts.map(Self.number)
        #expect(histogram.buckets.map(\.right).elementsEqual(limits) { Self.same($0, $1) }, "\(name): right edges")
        #expect(histogram.buckets.map(\.count) == counts, "\(name): counts")
        // Each left edge is the right edge before it; the first is the edge left of the first limit.
        if let first = histogram.buckets.first, let index = edges.firstIndex(of: first.right) {
            #expect(first.left == edges[max(0, index - 1)])
        }
        for (previous, bucket) in zip(histogram.buckets, histogram.buckets.dropFirst()) {
            #expect(bucket.left == previous.right)
        }
    }

    @Test(arguments: caseNames) func explicitEdgesMatchNumpy(_ name: String) throws {
        let item = Self.item(name)
        for edgeCase in item.edges {
            let edges = edgeCase.edges.map(Self.number)
            let histogram = try Self.histogram(item, .edges(edges))
            #expect(histogram.buckets.map(\.count) == edgeCase.counts.map(Double.init), "\(name) \(edges)")
            #expect(histogram.buckets.map(\.left) == Array(edges.dropLast()))
            #expect(histogram.buckets.map(\.right) == Array(edges.dropFirst()))
            let values = item.values.map(Self.number)
            let inside = values.filter { $0 >= edges.first! && $0 <= edges.last! }.count
            #expect(histogram.nonFiniteCount == item.nonfinite)
            #expect(histogram.outOfRangeCount == values.count - item.nonfinite - inside)
        }
    }
}
