import Synchronization
import Testing
import TestSupport

@testable import TFEvents

/// What the reader does with a source that can tell a file was replaced (an object store: its
/// ETag changed and the bytes read no longer match), and with a source that wants more runs read
/// at once than there are cores.
@Suite struct ReplacingSourceTests {
    /// Files in memory that can be replaced; a read past the start after a replacement fails once
    /// with ``ByteSourceError/Kind/replaced``, as `S3Source` does.
    final class ReplacingSource: ByteSource {
        private struct State {
            var files: [String: [UInt8]]
            var replaced: Set<String> = []
        }
        private let state: Mutex<State>
        let readConcurrency: Int?

        init(files: [String: [UInt8]], readConcurrency: Int? = nil) {
            state = Mutex(State(files: files))
            self.readConcurrency = readConcurrency
        }

        func replace(_ path: String, with bytes: [UInt8]) {
            state.withLock {
                $0.files[path] = bytes
                $0.replaced.insert(path)
            }
        }

        private var memory: MemorySource { MemorySource(files: state.withLock { $0.files }) }

        func listFiles(under root: String) throws(ByteSourceError) -> FileListing {
            try memory.listFiles(under: root)
        }

        func size(of path: String) throws(ByteSourceError) -> Int64 {
            try memory.size(of: path)
        }

        func read(_ path: String, at offset: Int64, into buffer: inout [UInt8], from start: Int)
            throws(ByteSourceError) -> Int
        {
            let wasReplaced = state.withLock { $0.replaced.remove(path) != nil }
            if wasReplaced && offset > 0 {
                throw ByteSourceError(.replaced, path: path, message: "its version changed")
            }
            return try memory.read(path, at: offset, into: &buffer, from: start)
        }
    }

    private static func file(steps: Range<Int64>, tag: String) -> [UInt8] {
        steps.flatMap { EventFileBuilder.record(EventFileBuilder.scalar(tag, Float($0), step: $0)) }
    }

    @Test func aReplacedFileIsReportedAndReadAgainFromItsStart() throws {
        let path = "logs/run/events.out.tfevents.1.host"
        let source = ReplacingSource(files: [path: Self.file(steps: 0..<5, tag: "old")])
        let reader = EventFileReader(path: path, source: source, isComplete: false)
        var seen: [String] = []
        func drain() {
            while let entry = reader.next() {
                switch entry {
                case .event(let event, _):
                    if let value = event.summary?.values.first { seen.append("\(value.tag)@\(event.step)") }
                case .problem(let problem):
                    seen.append(problem.kind.rawValue)
                    #expect(problem.offset != nil && problem.resumedAt == 0)
                    #expect(problem.message.contains("its version changed"))
                }
            }
        }
        drain()
        source.replace(path, with: Self.file(steps: 0..<3, tag: "new") + Self.file(steps: 3..<8, tag: "new"))
        drain()
        #expect(
            seen == ["old@0", "old@1", "old@2", "old@3", "old@4", "replaced"] + (0..<8).map { "new@\($0)" })
    }

    @Test(arguments: [1, 2, 7, 40])
    func moreRunsAtOnceThanCoresGiveTheSameResults(_ concurrency: Int) throws {
        var files: [String: [UInt8]] = [:]
        for run in 0..<23 {
            files["logs/run\(run)/events.out.tfevents.1.host"] = Self.file(steps: 0..<Int64(run * 3 + 1), tag: "t")
        }
        let plain = try SummaryReader(logdir: "logs", options: .init(source: MemorySource(files: files)))
        let wide = try SummaryReader(
            logdir: "logs", options: .init(source: ReplacingSource(files: files, readConcurrency: concurrency)))
        #expect(wide.summarize().runs.map(\.scalars) == plain.summarize().runs.map(\.scalars))
        #expect(wide.contents().scalars.count == plain.contents().scalars.count)
    }
}
