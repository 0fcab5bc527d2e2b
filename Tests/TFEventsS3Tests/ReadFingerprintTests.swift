import Testing

@testable import TFEventsS3

@Suite struct ReadFingerprintTests {
    @Test func keepsTheHeadAndTheBytesBeforeTheEnd() {
        var fingerprint = ReadFingerprint()
        #expect(fingerprint.isEmpty)
        let bytes = (0..<20_000).map { UInt8($0 % 251) }
        for start in stride(from: 0, to: bytes.count, by: 3000) {
            let end = min(start + 3000, bytes.count)
            fingerprint.record(bytes[start..<end], at: Int64(start))
        }
        let samples = fingerprint.samples
        #expect(samples.count == 2)
        #expect(samples[0].offset == 0 && samples[0].bytes == Array(bytes[0..<4096]))
        #expect(samples[1].offset == 20_000 - 4096 && samples[1].bytes == Array(bytes[(20_000 - 4096)...]))
        #expect(fingerprint.end == 20_000)
    }

    @Test func smallObjectsAreOneSample() {
        var fingerprint = ReadFingerprint()
        let bytes: [UInt8] = Array(0..<100)
        fingerprint.record(bytes[0..<60], at: 0)
        fingerprint.record(bytes[60..<100], at: 60)
        #expect(fingerprint.samples.count == 1)
        #expect(fingerprint.samples[0].bytes == bytes)
    }

    @Test func aJumpStartsANewTail() {
        var fingerprint = ReadFingerprint()
        fingerprint.record([1, 2, 3][...], at: 0)
        fingerprint.record([9, 9][...], at: 10_000)
        #expect(fingerprint.samples.map(\.offset) == [0, 10_000])
        #expect(fingerprint.samples[1].bytes == [9, 9])
    }
}
