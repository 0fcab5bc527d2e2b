internal import Glibc

/// What the fuzzer (`Scripts/fuzz.sh`) feeds every input to, and what the regression test replays
/// every saved finding through: the decoders, the hand-written fast paths checked against
/// protobuf-c, the plugin content decoders and the whole reader over a file of the input's bytes.
///
/// The first byte chooses the target (so one fuzzer explores them all); a failed check traps,
/// which the fuzzer reports as a crash with the input that caused it.
package enum FuzzHarness {
    /// The targets, by the first byte of the input modulo their count.
    package enum Target: UInt8, CaseIterable {
        /// An `Event` payload: reference decoder, fast decoders (which must agree with it).
        case eventPayload = 0
        /// Plugin content messages, hparams (recursive) included.
        case pluginContent = 1
        /// A whole event file read by `TFRecordReader` and `LogdirReader`.
        case eventFile = 2
        /// A scalar to encode: the fast encoder must give protobuf-c's bytes.
        case scalarRecord = 3
    }

    /// Runs `input` through the target its first byte names. `directory` must exist and be
    /// writable; the event-file target writes its file there.
    package static func run(_ input: UnsafeRawBufferPointer, directory: String) {
        guard let first = input.first else { return }
        let rest = UnsafeRawBufferPointer(rebasing: input[1...])
        switch Target(rawValue: first % UInt8(Target.allCases.count))! {
        case .eventPayload: checkEventPayload(rest)
        case .pluginContent: checkPluginContent(Array(rest))
        case .eventFile: checkEventFile(rest, directory: directory)
        case .scalarRecord: checkScalarRecord(rest)
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
                for kind in LogdirReader.Series.Kind.allCases { _ = PointDecoder.value(data, kind: kind) }
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

    static func checkEventFile(_ bytes: UnsafeRawBufferPointer, directory: String) {
        let path = directory + "/events.out.tfevents.fuzz"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        _ = write(fd, bytes.baseAddress, bytes.count)
        close(fd)
        defer { unlink(path) }
        // The record reader alone, skipping damage to the end.
        if let reader = try? TFRecordReader(path: path, maximumRecordLength: UInt64(Int32.max)) {
            var steps = 0
            while steps < bytes.count + 2 {
                steps += 1
                do {
                    guard try reader.next() != nil else { break }
                } catch {
                    guard (try? reader.skipDamage(final: true)) ?? nil != nil else { break }
                }
            }
            precondition(steps <= bytes.count + 1, "the record reader did not make progress")
        }
        // The whole reader: as complete files, fast paths on then off (the live mode differs only
        // in waiting for an incomplete tail, which the record reader above already exercised).
        for fast in [true, false] {
            let final = true
            guard let reader = try? LogdirReader(logdir: directory, filesAreComplete: final) else { return }
            reader.usesFastPaths = fast
            var items = 0
            while let item = reader.next() {
                items += 1
                precondition(items <= 4 * bytes.count + 16, "the reader produced more items than bytes")
                if case .purge(let purge) = item { reader.replaySurvivingPoints(before: purge) { _ in } }
            }
        }
    }

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
