@testable import TFEvents

/// What the fuzzer (`Scripts/fuzz.sh`, target `TFEventsFuzz`) feeds every input to, and what the
/// regression test replays every saved finding through: the decoders, the hand-written fast paths
/// checked against protobuf-c, the plugin content decoders, and the whole reader over event files
/// held in memory (a ``MemorySource``: no file is written, so an input costs microseconds).
///
/// The first byte chooses the target (so one fuzzer explores them all), and for the reader's
/// targets how the reader is checked; a failed check traps, which the fuzzer reports as a crash
/// with the input that caused it.
package enum FuzzHarness {
    /// The targets, by the first byte of the input modulo their count.
    package enum Target: UInt8, CaseIterable {
        /// An `Event` payload: reference decoder, fast decoders (which must agree with it).
        case eventPayload = 0
        /// Plugin content messages, hparams (recursive) included.
        case pluginContent = 1
        /// The rest of the input is one event file, read by `EventFileReader` and `SummaryReader`.
        case eventFile = 2
        /// A scalar to encode: the fast encoder must give protobuf-c's bytes.
        case scalarRecord = 3
        /// The rest of the input is a log directory of several files in two runs (see ``logdir(_:)``),
        /// read by `SummaryReader`.
        case logdir = 4
    }

    /// The log directory the event-file targets read from memory.
    static let root = "/fuzz"

    /// Runs `input` through the target its first byte names.
    package static func run(_ input: UnsafeRawBufferPointer) {
        guard let first = input.first else { return }
        let rest = UnsafeRawBufferPointer(rebasing: input[1...])
        let targets = UInt8(Target.allCases.count)
        let variant = Int(first / targets) % variantCount
        switch Target(rawValue: first % targets)! {
        case .eventPayload: checkEventPayload(rest)
        case .pluginContent: checkPluginContent(Array(rest))
        case .eventFile: checkEventFile(Array(rest), variant: variant)
        case .scalarRecord: checkScalarRecord(rest)
        case .logdir: checkLogdir(logdir(rest), variant: variant)
        }
    }

    static func checkEventPayload(_ payload: UnsafeRawBufferPointer) {
        let reference = ProtobufDecoder.decodeEvent(payload)
        if let fast = FastEventDecoder.decode(payload) {
            guard let reference, sameBits(reference, fast) else {
                fatalError("FastEventDecoder disagrees with protobuf-c")
            }
        }
        if let view = ScalarRecordParser.parse(payload) {
            guard let reference, let value = reference.summary?.values.first, reference.summary?.values.count == 1,
                reference.step == view.step, reference.wallTime.bitPattern == view.wallTime.bitPattern,
                value.tag == String(decoding: view.tag, as: UTF8.self)
            else { fatalError("ScalarRecordParser disagrees with protobuf-c") }
            switch value.content {
            case .simpleValue(let number):
                precondition(number.bitPattern == view.value.bitPattern, "simple_value differs")
            case .tensor(let tensor):
                precondition(tensor.scalarValue?.bitPattern == Double(view.value).bitPattern, "tensor value differs")
            default:
                fatalError("ScalarRecordParser took a value that is not a scalar")
            }
        }
        // Every value through the conversions the reader applies.
        for value in reference?.summary?.values ?? [] {
            let (data, _) = DataCompat.data(of: value)
            _ = DataCompat.metadata(of: value)
            if let data {
                for kind in Series.Kind.allCases { _ = PointDecoder.value(data, kind: kind) }
            }
        }
    }

    static func checkPluginContent(_ bytes: [UInt8]) {
        _ = PluginContentCodec.decodeHParams(bytes)
        _ = PluginContentCodec.decodeVersioned(bytes)
        _ = PluginContentCodec.decodeImage(bytes)
        _ = PluginContentCodec.decodeAudio(bytes)
        _ = PluginContentCodec.decodePrCurve(bytes)
    }

    /// One event file, alone in the log directory's top run.
    static func checkEventFile(_ bytes: [UInt8], variant: Int) {
        let path = root + "/events.out.tfevents.1.fuzz"
        let source = MemorySource(files: [path: bytes])
        if variant == 0 {
            // The single-file reader: bounded output, offsets that only grow.
            let reader = EventFileReader(path: path, source: source)
            var entries = 0
            var lastOffset: Int64 = -1
            while let entry = reader.next() {
                entries += 1
                precondition(entries <= bytes.count + 2, "EventFileReader produced more entries than bytes")
                if case .event(_, let offset) = entry {
                    precondition(offset > lastOffset && offset < bytes.count, "event offsets go forward within the file")
                    lastOffset = offset
                }
            }
            precondition(reader.offset <= bytes.count, "EventFileReader read past the end")
        }
        checkLogdir(source, variant: variant, byteCount: bytes.count)
    }

    /// The number of ways ``checkLogdir(_:variant:byteCount:)`` checks a log directory. Each input
    /// is checked one way (chosen by the first byte's upper bits), so that an input costs one to
    /// three readings of it, not all of them; the fuzzer varies that byte like any other.
    package static let variantCount = 4

    /// The whole reader over `source`, one way:
    /// - 0: the stream, with the files taken to be still written (incomplete tails waited for);
    /// - 1: `contents()` holds what the stream gives;
    /// - 2: `summarize()` holds statistics of what the stream gives;
    /// - 3: the two-pass stream with protobuf-c alone gives the buffered stream's items (fast paths),
    ///   and so does the stream read in parallel chunks.
    static func checkLogdir(_ source: MemorySource, variant: Int, byteCount: Int? = nil) {
        let byteCount = byteCount ?? source.files.values.reduce(0) { $0 + $1.count }
        var options = SummaryReader.Options(source: source, filesAreComplete: variant != 0)
        guard let reader = try? SummaryReader(logdir: root, options: options) else { return }
        options.usesFastPaths = false
        for run in reader.runs {
            // One run at a time: several would be read on threads, whose start-up costs more than
            // reading the input, and whose memory looks to the fuzzer like a leak to look into.
            var single = reader.options
            single.runs = .named([run.name])
            let one = variant == 1 || variant == 2 ? try? SummaryReader(logdir: root, options: single) : nil
            let contents = variant == 1 ? one?.contents().runs.first : nil
            let summary = variant == 2 ? one?.summarize().runs.first : nil
            let stream = reader.read(run)
            let buffered = items(stream)
            precondition(buffered.count <= 4 * byteCount + 16, "the reader produced more items than bytes")
            var points: [Int: [Point]] = [:]
            var series: [Int: Series] = [:]
            for item in buffered {
                switch item {
                case .point(let point): points[point.series, default: []].append(point)
                case .series(let new): series[new.id] = new
                case .problem: break
                }
            }
            if variant == 3 {
                let twoPass = RunReader(run, options: options, bufferedByteLimit: 0)
                precondition(
                    same(buffered, items(twoPass)) && twoPass.droppedPointCounts == stream.droppedPointCounts,
                    "the two-pass stream (protobuf-c only) differs from the buffered one (fast paths)")
                // Read in parallel chunks small enough for the input to make several.
                var chunked = reader.options
                // No helper threads: a thread's memory is freed after the input's run returns, which
                // libFuzzer takes for a possible leak and checks with a full LeakSanitizer scan
                // (two thirds of the fuzzer's time, measured); the reader reads each chunk itself.
                chunked.chunking = ChunkPlan(
                    chunkSize: Int64(max(16, byteCount / 5)), minimumSize: 0, evenOnOneCore: true, usesHelpers: false)
                let parallel = RunReader(run, options: chunked)
                precondition(
                    same(buffered, items(parallel)) && parallel.droppedPointCounts == stream.droppedPointCounts,
                    "the stream read in parallel chunks differs from the sequential one")
            }
            if let contents {
                precondition(
                    contents.series.allSatisfy { same(points[$0.series.id] ?? [], $0.points) },
                    "contents() differs from read()")
            }
            if let summary {
                for (id, series) in series where series.kind == .scalars {
                    var statistics = ScalarStatistics()
                    for point in points[id] ?? [] {
                        if case .scalar(let value) = point.value { statistics.add(value, step: point.step) }
                    }
                    precondition(
                        summary.scalars[series.tag] ?? ScalarStatistics() == statistics,
                        "summarize() differs from read()")
                }
            }
        }
    }

    /// The items of a stream, to the end.
    static func items(_ reader: RunReader) -> [RunReader.Item] {
        var items: [RunReader.Item] = []
        while let item = reader.next() { items.append(item) }
        return items
    }

    /// Whether `a` and `b` hold equal elements, NaN equal to NaN: by `==`, and only where that
    /// fails (a NaN, or a real difference) by their text, which is slow.
    static func same<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || String(reflecting: x) == String(reflecting: y) }
    }

    /// A log directory made of `bytes`: a sequence of files, each a byte whose low bit chooses the
    /// run (`a` or `b`), a 2-byte little-endian length and that many bytes (or the rest). Files are
    /// named in order, so a run reads them in the order they come. After ``maximumFileCount``
    /// files the rest is the last file's (thousands of tiny files would only make the fuzzer slow).
    static func logdir(_ bytes: UnsafeRawBufferPointer) -> MemorySource {
        var files: [String: [UInt8]] = [:]
        var position = 0
        while position + 3 <= bytes.count {
            let run = bytes[position] & 1 == 0 ? "a" : "b"
            let length = Int(bytes[position + 1]) | Int(bytes[position + 2]) << 8
            let start = position + 3
            let end = files.count == maximumFileCount - 1 ? bytes.count : min(bytes.count, start + length)
            let name = "events.out.tfevents.\(1_000 + files.count).fuzz"
            files[root + "/" + run + "/" + name] = Array(bytes[start..<end])
            position = end
        }
        return MemorySource(files: files)
    }

    /// The most files ``logdir(_:)`` makes.
    static let maximumFileCount = 8

    static func checkScalarRecord(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 24 else { return }
        let value = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let step = Int64(bitPattern: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let wallTime = Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let tag = String(decoding: bytes[24...], as: UTF8.self)
        var fast: [UInt8] = []
        var contiguous = tag
        let taken = contiguous.withUTF8 {
            ScalarRecordEncoder.append(
                tag: UnsafeRawBufferPointer($0), value: Float(value), step: step, wallTime: wallTime, to: &fast)
        }
        guard taken else { return }
        let reference = TFRecordFraming.frame(
            ProtobufEncoder.encode(SummaryWriter.scalarEvent(tag, Float(value), step: step, wallTime: wallTime)))
        precondition(fast == reference, "ScalarRecordEncoder disagrees with protobuf-c")
    }

    /// Equality of events with floating-point fields compared by bits (NaN equals NaN).
    static func sameBits(_ a: Event, _ b: Event) -> Bool {
        var a = a
        var b = b
        guard a.wallTime.bitPattern == b.wallTime.bitPattern else { return false }
        a.wallTime = 0
        b.wallTime = 0
        let aValues = a.summary?.values ?? []
        let bValues = b.summary?.values ?? []
        guard aValues.count == bValues.count else { return false }
        for (x, y) in zip(aValues, bValues) {
            if case .simpleValue(let p) = x.content, case .simpleValue(let q) = y.content {
                guard p.bitPattern == q.bitPattern, x.tag == y.tag, x.nodeName == y.nodeName, x.metadata == y.metadata
                else { return false }
            } else if case .tensor(let p) = x.content, case .tensor(let q) = y.content {
                guard x.tag == y.tag, x.nodeName == y.nodeName, x.metadata == y.metadata, p.dtype == q.dtype,
                    p.shape == q.shape, p.tensorContent == q.tensorContent,
                    p.floatValues.map(\.bitPattern) == q.floatValues.map(\.bitPattern)
                else { return false }
            } else if x != y {
                return false
            }
        }
        a.what = nil
        b.what = nil
        return a == b
    }
}
