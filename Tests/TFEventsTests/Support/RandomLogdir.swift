@testable import TFEvents

/// Seeded random log directories held in memory, with everything that makes TensorBoard's rules
/// matter: writer restarts (`SessionLog` `START`s), steps that go back in runs without a file
/// version, metadata that arrives after a series' first points, several kinds of series, several
/// files per run, and damage (bytes cut out and bytes changed at random places).
enum RandomLogdir {
    /// The log directory's path in the ``MemorySource``.
    static let root = "/random"

    /// Files by path below ``root``.
    static func files(seed: UInt64, damage: Bool = true) -> [String: [UInt8]] {
        var random = TestRandom(seed: seed)
        var files: [String: [UInt8]] = [:]
        for run in ["train", "eval", "nested/deep"].prefix(1 + random.next(below: 3)) {
            let hasFileVersion = random.next(below: 4) != 0
            var step: Int64 = 0
            var seenLate = false
            for index in 0..<(1 + random.next(below: 3)) {
                var file = EventFileBuilder()
                if hasFileVersion { file.append(EventFileBuilder.fileVersion(wallTime: Double(index))) }
                if index == 0 || random.next(below: 2) == 0 { file.append(EventFileBuilder.sessionStart(step: step)) }
                for _ in 0..<(20 + random.next(below: 150)) {
                    switch random.next(below: 40) {
                    case 0, 1:
                        // A restart: purges with a file version, harmless without one.
                        step = max(0, step - Int64(random.next(below: 15)))
                        file.append(EventFileBuilder.sessionStart(step: step))
                    case 2, 3:
                        // A step that goes back: purges its tags without a file version.
                        step = max(0, step - Int64(random.next(below: 10)))
                    case 4, 5:
                        // "late" has no metadata at first, then gets it: its raw points are decoded again.
                        let plugin: String? = seenLate && random.next(below: 2) == 0 ? "scalars" : nil
                        if plugin != nil { seenLate = false } else { seenLate = true }
                        file.append(
                            EventFileBuilder.tensor(
                                "late", TensorProto(dtype: .float, floatValues: [Float(step)]), plugin: plugin,
                                step: step))
                    case 6:
                        let text = TensorProto(dtype: .string, stringValues: [Array("step \(step)".utf8)])
                        file.append(EventFileBuilder.tensor("note", text, plugin: "text", step: step))
                    case 7:
                        let buckets = TensorProto(
                            dtype: .double, shape: TensorShapeProto([2, 3]),
                            doubleValues: [0, 1, Double(step), 1, 2, 1])
                        file.append(EventFileBuilder.tensor("weights", buckets, plugin: "histograms", step: step))
                    case 8:
                        let tf2 = TensorProto(dtype: .float, floatValues: [Float(step) / 2])
                        file.append(EventFileBuilder.tensor("tf2", tf2, plugin: "scalars", step: step))
                    case 9:
                        file.append(EventFileBuilder.scalar("nan", .nan, step: step))
                    default:
                        let tag = ["loss", "accuracy", "lr"][random.next(below: 3)]
                        file.append(EventFileBuilder.scalar(tag, Float(step) * 0.25, step: step))
                    }
                    step += Int64(random.next(below: 3))
                }
                var bytes = file.bytes
                if damage && random.next(below: 3) == 0 {
                    for _ in 0..<(1 + random.next(below: 3)) {
                        switch random.next(below: 3) {
                        case 0:
                            bytes[random.next(below: bytes.count)] ^= UInt8(1 + random.next(below: 255))
                        case 1:
                            let cut = random.next(below: bytes.count)
                            bytes.removeSubrange(cut..<min(bytes.count, cut + 1 + random.next(below: 60)))
                        default:
                            // The end cut off, inside a record or not.
                            bytes.removeLast(random.next(below: min(bytes.count, 50)))
                        }
                        if bytes.isEmpty { break }
                    }
                }
                files[root + "/" + run + "/events.out.tfevents.\(1_700_000_000 + index * 100).host"] = bytes
            }
        }
        return files
    }
}
