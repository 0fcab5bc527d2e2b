import Testing

@testable import TFEvents

/// The reader's per-file tag table finds exactly the tags entered, whatever their lengths and
/// however alike they are.
@Suite struct TagCacheTests {
    static let tags: [String] = {
        var tags = ["", "a", "ab", "loss", "1234567", "12345678", "123456789", "train/metric_0", "train/metric_1"]
        tags += (0..<300).map { "tag/\($0)" }
        tags += (0..<40).map { String(repeating: "x", count: $0 + 1) }
        tags += (0..<40).map { String(repeating: "é", count: $0 + 1) + "/end" }
        return tags
    }()

    @Test func findsEveryTagEnteredAndNothingElse() {
        var cache = TagCache()
        for (index, tag) in Self.tags.enumerated() where index % 2 == 0 {
            cache.insert(Array(tag.utf8), series: index)
        }
        for (index, tag) in Self.tags.enumerated() {
            let found = Array(tag.utf8).withUnsafeBytes { cache.series(for: $0) }
            #expect(found == (index % 2 == 0 ? index : nil), "\(tag)")
        }
    }

    @Test func enteringATagAgainUpdatesItsSeries() {
        var cache = TagCache()
        cache.insert(Array("loss".utf8), series: 1)
        cache.insert(Array("loss".utf8), series: 2)
        #expect(Array("loss".utf8).withUnsafeBytes { cache.series(for: $0) } == 2)
    }
}
