internal import CZlib

/// One-shot zlib compression: a whole buffer in, a complete zlib stream (RFC 1950 header,
/// deflate data, Adler-32 trailer) out.
///
/// A thin wrapper over zlib's `deflateInit2`, `deflateBound`, `deflate` and `deflateEnd`; the
/// `z_stream` lives on the heap for the length of one call, because zlib keeps a pointer back to it.
///
/// Parameters are checked with preconditions, so the only way zlib can fail is by running out of
/// memory, which traps, as every other allocation in Swift does.
struct Deflater: Sendable, Hashable {
    /// How zlib's match finder treats the data (`Z_*_STRATEGY`).
    enum Strategy: Sendable, Hashable, CaseIterable {
        /// `Z_DEFAULT_STRATEGY`: for general data.
        case `default`
        /// `Z_FILTERED`: favours literals over short matches, for data made of small values
        /// spread somewhat randomly, such as PNG-filtered image rows.
        case filtered
        /// `Z_HUFFMAN_ONLY`: no string matching at all.
        case huffmanOnly
        /// `Z_RLE`: matches only at distance one (run-length encoding).
        case rle
        /// `Z_FIXED`: no dynamic Huffman codes.
        case fixed

        var zlibValue: Int32 {
            switch self {
            case .default: Z_DEFAULT_STRATEGY
            case .filtered: Z_FILTERED
            case .huffmanOnly: Z_HUFFMAN_ONLY
            case .rle: Z_RLE
            case .fixed: Z_FIXED
            }
        }
    }

    /// Overrides of the match-search limits that `level` sets (`deflateTune`).
    struct Tuning: Sendable, Hashable {
        /// Above this match length, the search of the next position is cut to a quarter.
        var goodLength: Int
        /// No lazy search for a better match once one is at least this long.
        var maxLazy: Int
        /// The search stops at the first match at least this long (at most 258).
        var niceLength: Int
        /// How many earlier positions with the same hash are tried.
        var maxChain: Int
    }

    /// 0 (store only) to 9 (smallest output, slowest).
    var level: Int
    /// 1 to 9: how much memory zlib uses for its internal state; more is faster and smaller.
    var memoryLevel: Int
    /// The match-finding strategy.
    var strategy: Strategy
    /// Search limits replacing those of `level`; `nil` keeps zlib's.
    var tuning: Tuning?

    /// Creates a compressor with zlib's parameters.
    init(level: Int = 6, memoryLevel: Int = 8, strategy: Strategy = .default, tuning: Tuning? = nil) {
        precondition((0...9).contains(level), "zlib compression level must be in 0...9, got \(level)")
        precondition((1...9).contains(memoryLevel), "zlib memory level must be in 1...9, got \(memoryLevel)")
        self.level = level
        self.memoryLevel = memoryLevel
        self.strategy = strategy
        self.tuning = tuning
    }

    /// The zlib stream of `input`.
    func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        withCompressed(input) { (compressed) -> [UInt8] in Array(compressed) }
    }

    /// The zlib stream of `input`.
    func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBytes { compress($0) }
    }

    /// Compresses `input` and lends the zlib stream to `body`; the buffer is valid only inside it.
    ///
    /// This saves a copy when the caller puts the stream inside a larger buffer of its own.
    func withCompressed<Result, Failure: Error>(
        _ input: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }

        let status = czlib_deflate_init2(
            stream, Int32(level), Z_DEFLATED, MAX_WBITS, Int32(memoryLevel), strategy.zlibValue)
        guard status == Z_OK else { Self.fail("deflateInit2", status, stream) }
        defer { deflateEnd(stream) }
        if let tuning {
            let status = deflateTune(
                stream, Int32(tuning.goodLength), Int32(tuning.maxLazy), Int32(tuning.niceLength),
                Int32(tuning.maxChain))
            guard status == Z_OK else { Self.fail("deflateTune", status, stream) }
        }

        // Enough for one deflate(Z_FINISH) call; the loop below still grows the buffer if zlib
        // ever needs more (inputs over 4 GiB go in several calls, which the bound does not cover).
        var capacity = Int(deflateBound(stream, uLong(input.count)))
        var output = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { output.deallocate() }

        let inputStart = input.baseAddress ?? UnsafeRawPointer(output.baseAddress!)
        var consumed = 0
        var produced = 0
        while true {
            if stream.pointee.avail_in == 0 {
                let chunk = min(input.count - consumed, Int(UInt32.max))
                stream.pointee.next_in = UnsafeMutablePointer(
                    mutating: (inputStart + consumed).assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = uInt(chunk)
                consumed += chunk
            }
            if produced == capacity {
                let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 1)
                grown.copyMemory(from: UnsafeRawBufferPointer(output))
                output.deallocate()
                output = grown
                capacity *= 2
            }
            let room = min(capacity - produced, Int(UInt32.max))
            stream.pointee.next_out = (output.baseAddress! + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(room)

            let flush = consumed == input.count ? Z_FINISH : Z_NO_FLUSH
            let result = deflate(stream, flush)
            produced += room - Int(stream.pointee.avail_out)
            if result == Z_STREAM_END { break }
            // Z_BUF_ERROR only says no progress was possible with the buffers given; new ones follow.
            guard result == Z_OK || result == Z_BUF_ERROR else { Self.fail("deflate", result, stream) }
        }
        return try body(UnsafeRawBufferPointer(rebasing: output[..<produced]))
    }

    private static func fail(_ function: String, _ status: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> Never {
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
        preconditionFailure("zlib \(function) failed: \(message)")
    }
}
