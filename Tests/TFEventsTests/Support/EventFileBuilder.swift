import Foundation
import TestSupport

@testable import TFEvents

/// Builds event files for reader tests: events encoded with ``ProtobufEncoder`` and framed with
/// ``TFRecordFraming``, written or appended in whole or in part, or held in memory.
struct EventFileBuilder {
    var bytes: [UInt8] = []

    /// Appends a framed event.
    mutating func append(_ event: Event) {
        TFRecordFraming.append(ProtobufEncoder.encode(event), to: &bytes)
    }

    /// Appends a framed record holding any payload.
    mutating func appendRecord(_ payload: [UInt8]) {
        TFRecordFraming.append(payload, to: &bytes)
    }

    static func fileVersion(_ version: String = "brain.Event:2", wallTime: Double = 1) -> Event {
        Event(wallTime: wallTime, what: .fileVersion(version))
    }

    static func scalar(_ tag: String, _ value: Float, step: Int64, wallTime: Double? = nil) -> Event {
        Event(
            wallTime: wallTime ?? 1000 + Double(step), step: step,
            what: .summary(Summary(values: [.init(tag: tag, content: .simpleValue(value))])))
    }

    static func tensor(
        _ tag: String, _ tensor: TensorProto, plugin: String? = "scalars", step: Int64, nodeName: String = ""
    ) -> Event {
        Event(
            wallTime: 1000 + Double(step), step: step,
            what: .summary(
                Summary(values: [
                    .init(
                        tag: tag, nodeName: nodeName, metadata: plugin.map { SummaryMetadata(pluginName: $0) },
                        content: .tensor(tensor))
                ])))
    }

    static func sessionStart(step: Int64) -> Event {
        Event(
            wallTime: 1000 + Double(step), step: step,
            what: .sessionLog(.init(status: .start, checkpointPath: "", message: "")))
    }

    /// One framed event.
    static func record(_ event: Event) -> [UInt8] {
        TFRecordFraming.frame(ProtobufEncoder.encode(event))
    }

    func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// Appends `bytes` to the file at `path`, creating it when missing.
func append(_ bytes: some Sequence<UInt8>, to path: String) throws {
    if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
}
