import Testing

@testable import TFEventsS3

@Suite struct PercentEncodingTests {
    @Test func encodesAllButUnreservedBytes() {
        #expect(PercentEncoding.encode("a-b_c.d~e", keepingSlashes: false) == "a-b_c.d~e")
        #expect(PercentEncoding.encode("a b/c+d=e&ü", keepingSlashes: false) == "a%20b%2Fc%2Bd%3De%26%C3%BC")
        #expect(PercentEncoding.encode("run 1/events", keepingSlashes: true) == "run%201/events")
    }

    @Test func decodesPercentAndOptionallyPlus() {
        #expect(PercentEncoding.decode("a%20b%2Fc+d", plusIsSpace: true) == "a b/c d")
        #expect(PercentEncoding.decode("a%2Bb+c", plusIsSpace: false) == "a+b+c")
        #expect(PercentEncoding.decode("100%", plusIsSpace: false) == "100%")
        #expect(PercentEncoding.decode("%zz%C3%BC", plusIsSpace: false) == "%zzü")
    }

    @Test func queriesAreSortedAndFullyEncoded() {
        let query = PercentEncoding.query([
            ("prefix", "exp/run 1/"), ("list-type", "2"), ("continuation-token", "1a/B+c=="),
        ])
        #expect(query == "continuation-token=1a%2FB%2Bc%3D%3D&list-type=2&prefix=exp%2Frun%201%2F")
    }
}
