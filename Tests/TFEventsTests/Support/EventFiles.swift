import TestSupport
@testable import TFEvents

/// Every event in the event file at `path`, failing the test on any damage.
func readEvents(_ path: String) throws -> [Event] {
    let reader = try TFRecordReader(path: path)
    var events: [Event] = []
    while let record = try reader.next() {
        guard let event = ProtobufDecoder.decodeEvent(record.payload) else {
            throw TFRecordError(.notAnEvent, path: path, offset: record.offset)
        }
        events.append(event)
    }
    #expect(reader.pendingByteCount == 0, "\(path) ends with an incomplete record")
    return events
}

/// The (tag, step, value) of each legacy scalar in `events`.
func scalars(_ events: [Event]) -> [(tag: String, step: Int64, value: Float, wallTime: Double)] {
    events.flatMap { event in
        (event.summary?.values ?? []).compactMap { value in
            guard case .simpleValue(let number) = value.content else { return nil }
            return (value.tag, event.step, number, event.wallTime)
        }
    }
}

import Testing
