import Foundation
import TFEvents
import Testing
import TestSupport

@testable import TFEventsCLI

/// The compression against TensorBoard 2.21's own `compress_histogram`, on the cases of
/// `Fixtures/distributions/reference.json` (made by `Scripts/distribution_reference.py`): every
/// value must be the same double.
@Suite struct HistogramCompressionTests {
    struct Reference: Decodable {
        var tensorboard: String
        var basis_points: [Double]
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var buckets: [[String]]
        var compressed: [String]
    }

    static let reference: Reference = {
        let path = Fixtures.packageRoot + "/Fixtures/distributions/reference.json"
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            fatalError("cannot read \(path): \(error)")
        }
    }()

    static func number(_ text: String) -> Double {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text)!
        }
    }

    static func buckets(_ item: Case) -> [Histogram.Bucket] {
        item.buckets.map { Histogram.Bucket(left: number($0[0]), right: number($0[1]), count: number($0[2])) }
    }

    @Test func basisPointsAreTensorBoards() {
        #expect(Self.reference.tensorboard == "2.21.0")
        #expect(HistogramCompression.basisPoints == Self.reference.basis_points)
        #expect(Self.reference.cases.count >= 24)
    }

    @Test(arguments: reference.cases.map(\.name))
    func equalsTensorBoardBitForBit(_ name: String) {
        let item = Self.reference.cases.first { $0.name == name }!
        let ours = HistogramCompression.compress(Self.buckets(item))
        let theirs = item.compressed.map(Self.number)
        #expect(ours.count == theirs.count)
        for (index, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "\(name)[\(index)]: \(a) != \(b)")
        }
    }

    @Test func pairwiseSumIsNumpysNotARunningSum() {
        // 1 + 1e-16 * 16 sums to 1 one by one, but numpy adds the small ones together first.
        let values = [1.0] + Array(repeating: 1e-16, count: 15)
        #expect(values.reduce(0, +) == 1)
        #expect(HistogramCompression.pairwiseSum(values) > 1)
        #expect(HistogramCompression.pairwiseSum([]) == 0)
    }

    @Test func searchIsNumpysRightSidedBinarySearch() {
        #expect(HistogramCompression.searchSortedRight([1, 2, 2, 3], 2) == 3)
        #expect(HistogramCompression.searchSortedRight([1, 2, 2, 3], 0) == 0)
        #expect(HistogramCompression.searchSortedRight([1, 2, 2, 3], 5) == 4)
        #expect(HistogramCompression.searchSortedRight([1, .nan], 5) == 1)
    }
}
