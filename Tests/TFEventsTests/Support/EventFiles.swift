import Testing
import TestSupport

@testable import TFEvents

/// Every event in the event file at `path`, read as complete by ``EventFileReader``; the first
/// problem (damage, an incomplete last record, a payload that is not an event) is thrown.
func readEvents(_ path: String) throws -> [Event] {
    let reader = EventFileReader(path: path)
    var events: [Event] = []
    while let entry = reader.next() {
        switch entry {
        case .event(let event, _): events.append(event)
        case .problem(let problem) where problem.kind == .empty: break
        case .problem(let problem): throw problem
        }
    }
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

/// A complete TFRecord: its payload and the offset of its length field.
struct Record: Hashable {
    var offset: Int64
    var payload: [UInt8]
}

extension RecordReader {
    /// Reads the file at `path` on the local file system.
    convenience init(path: String, maximumRecordLength: UInt64? = nil) {
        self.init(path: path, source: FileSystemSource(), maximumRecordLength: maximumRecordLength)
    }

    /// The next complete record, copied; `nil` when none is complete now.
    func next() throws(RecordDamage) -> Record? {
        try withNextRecord { payload, offset in Record(offset: offset, payload: Array(payload)) }
    }
}
