import Foundation
import Testing
import TFEventsFuzzHarness
import TestSupport

@testable import TFEvents

/// Every input the fuzzer ever found a problem with (`Fixtures/fuzz/`), replayed through the same
/// harness (`FuzzHarness`) without the sanitizers, plus the hostile nesting it found by hand.
@Suite struct FuzzRegressionTests {
    static var findings: [String] {
        let directory = Fixtures.packageRoot + "/Fixtures/fuzz"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test func thereAreFindingsToReplay() {
        #expect(!Self.findings.isEmpty)
    }

    @Test(arguments: findings)
    func findingReplaysCleanly(_ name: String) throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.packageRoot + "/Fixtures/fuzz/" + name)))
        bytes.withUnsafeBytes { FuzzHarness.run($0) }
    }

    /// The harness's checks hold on the fixtures: every event file alone (target 2, as the
    /// fuzzer's seeds start), and every run's files together as a log directory (target 4).
    @Test(arguments: Fixtures.logdirNames)
    func fixturesPassTheHarness(_ name: String) throws {
        let listing = try LogdirListing(logdir: Fixtures.logdir(name))
        for run in listing.runs {
            for variant in 0..<FuzzHarness.variantCount {
                let targets = FuzzHarness.Target.allCases.count
                var logdir = [UInt8(4 + targets * variant)]
                for (index, file) in run.readFiles.enumerated() {
                    let bytes = readFile(file.path)
                    ([UInt8(2 + targets * variant)] + bytes).withUnsafeBytes { FuzzHarness.run($0) }
                    logdir += [UInt8(index % 2), UInt8(bytes.count & 0xFF), UInt8(bytes.count >> 8 & 0xFF)] + bytes
                }
                logdir.withUnsafeBytes { FuzzHarness.run($0) }
            }
        }
    }

    /// `Value{list_value{values: Value{list_value{...}}}}`, `depth` levels around a number, as the
    /// `hparams` map value of a session start: built back to front in one pass.
    static func nestedHParams(depth: Int) -> [UInt8] {
        func varint(_ value: Int) -> [UInt8] {
            var value = UInt64(value)
            var out: [UInt8] = []
            while value >= 0x80 {
                out.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            out.append(UInt8(value))
            return out
        }
        // Lengths from the inside out, then bytes from the outside in.
        var lengths: [Int] = []
        var inner = 9  // number_value: key and 8 bytes
        for _ in 0..<depth {
            let list = 1 + varint(inner).count + inner  // ListValue{values: inner}
            inner = 1 + varint(list).count + list  // Value{list_value: ...}
            lengths.append(list)
        }
        var value: [UInt8] = []
        value.reserveCapacity(inner)
        for level in stride(from: depth - 1, through: 0, by: -1) {
            let list = lengths[level]
            value.append(0x32)
            value += varint(list)
            let valueLength = level == 0 ? 9 : (1 + varint(lengths[level - 1]).count + lengths[level - 1])
            value.append(0x0A)
            value += varint(valueLength)
        }
        value += [0x11, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F]  // 1.0
        let entry = [0x0A, 0x01, 0x6B, 0x12] + varint(value.count) + value  // {key "k", value}
        let start = [0x0A] + varint(entry.count) + entry
        return [0x1A] + varint(start.count) + start
    }

    @Test func shallowNestedHParamsDecode() throws {
        // 40 lists deep is 84 messages deep: within protobuf's limit of 100. (A list is not a
        // hyperparameter value TensorBoard shows, so the map keeps no entry for it.)
        let decoded = try #require(PluginContentCodec.decodeHParams(Self.nestedHParams(depth: 40)))
        guard case .sessionStartInfo = decoded.content else {
            Issue.record("not a session start: \(decoded)")
            return
        }
    }

    @Test func nestingBeyondProtobufsLimitIsRefusedNotARecursionOfDeath() {
        // 200,000 levels (1.6 MB) overflowed the stack inside protobuf-c before the guard.
        #expect(PluginContentCodec.decodeHParams(Self.nestedHParams(depth: 200_000)) == nil)
        // Each list level is two messages (Value, ListValue) under three outer ones.
        #expect(PluginContentCodec.decodeHParams(Self.nestedHParams(depth: 49)) == nil)
        #expect(PluginContentCodec.decodeHParams(Self.nestedHParams(depth: 48)) != nil)
    }
}
