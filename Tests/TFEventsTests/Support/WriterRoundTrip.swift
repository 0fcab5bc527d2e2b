import Foundation
import TestSupport

@testable import TFEvents

/// Runs a SummaryWriter in a fresh temporary log directory and reads back what it wrote.
enum WriterRoundTrip {
    /// The events of the file `body` wrote, after the first (`file_version`) event.
    static func events(_ body: (SummaryWriter) throws -> Void) throws -> [Event] {
        let logdir = FileManager.default.temporaryDirectory
            .appendingPathComponent("tfevents-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let writer = try SummaryWriter(logdir: logdir)
        try body(writer)
        try writer.close()
        let reader = RecordReader(path: writer.path)
        var events: [Event] = []
        while let record = try reader.next() {
            guard let event = ProtobufDecoder.decodeEvent(record.payload) else {
                throw SummaryWriterError.invalidInput("record at \(record.offset) is not an Event")
            }
            events.append(event)
        }
        guard events.first?.fileVersion == Event.currentFileVersion else {
            throw SummaryWriterError.invalidInput("the file does not start with a file_version event")
        }
        return Array(events.dropFirst())
    }

    /// The single summary value of `event`, or nil.
    static func value(_ event: Event) -> Summary.Value? {
        guard let values = event.summary?.values, values.count == 1 else { return nil }
        return values[0]
    }

    /// The tensor of a summary value, or nil.
    static func tensor(_ value: Summary.Value?) -> TensorProto? {
        if case .tensor(let tensor) = value?.content { return tensor }
        return nil
    }
}
