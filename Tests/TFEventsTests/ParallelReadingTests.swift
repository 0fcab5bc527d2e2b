import Testing
import TestSupport

@testable import TFEvents

/// A file read in parallel chunks (``ChunkPipeline``) gives exactly what the sequential reader
/// gives: the same points in the same order, the same series and metadata, the same purges and
/// problems at the same offsets, on every fixture and on files cut and corrupted at random
/// places. Chunks are made tiny here, so that their edges fall inside headers, payloads and CRCs,
/// inside damage, and inside records many chunks long.
@Suite struct ParallelReadingTests {
    /// Chunk sizes that put chunk edges everywhere, for every file, however small.
    static let plans: [ChunkPlan] = [37, 1000, 16_384].map {
        ChunkPlan(chunkSize: $0, minimumSize: 0, evenOnOneCore: true)
    }

    @Test(arguments: Fixtures.logdirNames)
    func fixturesReadTheSameInChunks(_ name: String) throws {
        let logdir = Fixtures.logdir(name)
        let sequential = try reading(logdir, options: options(chunking: nil))
        for plan in Self.plans.prefix(2) {
            expectSame(try reading(logdir, options: options(chunking: plan)), sequential, "\(name), chunks of \(plan.chunkSize)")
        }
    }

    /// Seeded log directories with restarts, steps going back, late metadata, several files per
    /// run, and bytes changed, cut out and cut off at random places (``RandomLogdir``).
    @Test func randomDamagedLogdirsReadTheSameInChunks() throws {
        for seed in 0..<16 as Range<UInt64> {
            let source = MemorySource(files: RandomLogdir.files(seed: seed))
            let sequential = try reading(RandomLogdir.root, options: options(source: source, chunking: nil))
            for plan in Self.plans.prefix(2) {
                expectSame(
                    try reading(RandomLogdir.root, options: options(source: source, chunking: plan)), sequential,
                    "seed \(seed), chunks of \(plan.chunkSize)")
            }
        }
    }

    /// One larger file of mixed records (scalars of several tags, TF2 scalars, text holding whole
    /// framed records, so that a chunk can start at a false boundary inside a payload, records
    /// longer than a chunk, restarts), damaged at random places.
    @Test func aLargeFileCutAndCorruptedAtRandomReadsTheSameInChunks() throws {
        let clean = Self.mixedFile
        for seed in 0..<10 as Range<UInt64> {
            var random = TestRandom(seed: seed)
            var bytes = clean
            for _ in 0..<(seed == 0 ? 0 : 1 + random.next(below: 4)) {
                switch random.next(below: 4) {
                case 0: bytes[random.next(below: bytes.count)] ^= UInt8(1 + random.next(below: 255))
                case 1:
                    let cut = random.next(below: bytes.count)
                    bytes.removeSubrange(cut..<min(bytes.count, cut + 1 + random.next(below: 300)))
                case 2:
                    let at = random.next(below: bytes.count)
                    bytes.insert(contentsOf: (0..<(1 + random.next(below: 40))).map { _ in UInt8(random.next(below: 256)) }, at: at)
                default: bytes.removeLast(random.next(below: min(bytes.count, 200)))
                }
            }
            let source = MemorySource(files: ["/big/run/events.out.tfevents.1700000000.host": bytes])
            let sequential = try reading("/big", options: options(source: source, chunking: nil))
            for plan in Self.plans.suffix(2) {
                expectSame(
                    try reading("/big", options: options(source: source, chunking: plan)), sequential,
                    "seed \(seed), chunks of \(plan.chunkSize)")
            }
        }
    }

    /// The statistics ``SummaryReader/summarize(progress:)`` gives are bit for bit the same.
    @Test func summariesAreTheSameInChunks() throws {
        let source = MemorySource(files: ["/big/run/events.out.tfevents.1700000000.host": Self.mixedFile])
        let sequential = try SummaryReader(logdir: "/big", options: options(source: source, chunking: nil)).summarize()
        let chunked = try SummaryReader(logdir: "/big", options: options(source: source, chunking: Self.plans[1]))
            .summarize()
        #expect(chunked.runs.map(\.scalars) == sequential.runs.map(\.scalars))
        #expect(chunked.runs.map(\.problems) == sequential.runs.map(\.problems))
        #expect(chunked.pointCount == sequential.pointCount)
    }

    // MARK: Support

    private func options(source: any ByteSource = FileSystemSource(), chunking: ChunkPlan?) -> SummaryReader.Options {
        var options = SummaryReader.Options(source: source)
        options.chunking = chunking
        return options
    }

    /// Everything a reading gives, run after run: the engine's raw items (points, series with
    /// their metadata, rewinds and problems with their offsets), how far each file was read and
    /// how many records verified, then the settled stream read once and read twice.
    private func reading(_ logdir: String, options: SummaryReader.Options) throws -> [ComparableItem] {
        let reader = try SummaryReader(logdir: logdir, options: options)
        var items: [ComparableItem] = []
        for run in reader.runs {
            let raw = RawRun(run, options: options)
            items += raw.items.map(ComparableItem.init)
            for (path, end) in raw.loader.readEnds.sorted(by: { $0.key < $1.key }) {
                items.append(.problem(ReadProblem(kind: .io, path: path, offset: end, message: "read this far")))
            }
            items += streamedItems(RunReader(run, options: options)).map(ComparableItem.streamed)
            items += streamedItems(RunReader(run, options: options, bufferedByteLimit: 0)).map(ComparableItem.streamed)
        }
        return items
    }

    /// Items compared with `==`, and where that fails by their full text, so that NaN equals NaN.
    private func expectSame(_ chunked: [ComparableItem], _ sequential: [ComparableItem], _ label: String) {
        #expect(chunked.count == sequential.count, "\(label): \(chunked.count) items, sequentially \(sequential.count)")
        for (index, (a, b)) in zip(chunked, sequential).enumerated() where a != b && fullText(a) != fullText(b) {
            Issue.record("\(label), item \(index):\n chunked:    \(a)\n sequential: \(b)")
            return
        }
    }

    /// About 60 KB of records of every shape the chunks meet.
    static let mixedFile: [UInt8] = {
        var file = EventFileBuilder()
        file.append(EventFileBuilder.fileVersion())
        file.append(EventFileBuilder.sessionStart(step: 0))
        var step: Int64 = 0
        for index in 0..<1_200 {
            switch index % 50 {
            case 7:
                // A text value holding two framed records back to back: a boundary a chunk may
                // find inside the payload, confirmed by the record that follows it there.
                let inner = EventFileBuilder.record(EventFileBuilder.scalar("loss", 9, step: 1))
                let text = TensorProto(dtype: .string, stringValues: [inner + inner + inner])
                file.append(EventFileBuilder.tensor("note", text, plugin: "text", step: step))
            case 19:
                // A record several small chunks long.
                let blob = TensorProto(dtype: .string, stringValues: [(0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }])
                file.append(EventFileBuilder.tensor("blob", blob, plugin: "text", step: step))
            case 31:
                file.append(EventFileBuilder.tensor("tf2", TensorProto(dtype: .float, floatValues: [Float(step)]), step: step))
            case 43 where index % 400 == 43:
                step -= 5
                file.append(EventFileBuilder.sessionStart(step: step))
            default:
                file.append(EventFileBuilder.scalar(["loss", "accuracy", "lr", "a/long/tag/name/of/a/metric"][index % 4], Float(index) * 0.5, step: step))
            }
            step += Int64(index % 3 == 0 ? 1 : 0)
        }
        return file.bytes
    }()
}
