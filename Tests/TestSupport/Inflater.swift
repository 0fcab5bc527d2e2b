internal import CZlib

/// One-shot zlib decompression, the inverse of ``Deflater``.
///
/// The library writes images but never reads them; the tests decode the PNGs that `PNGEncoder`
/// makes with the same zlib.
package enum Inflater {
    /// The data in the zlib stream `input`, or `nil` when the stream is corrupt, is cut short,
    /// or has bytes after its end.
    package static func inflate(_ input: [UInt8]) -> [UInt8]? {
        input.withUnsafeBytes { inflate($0) }
    }

    /// The data in the zlib stream `input`, or `nil` when the stream is corrupt, is cut short,
    /// or has bytes after its end.
    package static func inflate(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        guard input.count <= Int(UInt32.max), let inputStart = input.baseAddress else { return nil }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard czlib_inflate_init(stream) == Z_OK else { return nil }
        defer { inflateEnd(stream) }

        stream.pointee.next_in = UnsafeMutablePointer(mutating: inputStart.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let (result, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                let result = CZlib.inflate(stream, Z_NO_FLUSH)
                return (result, buffer.count - Int(stream.pointee.avail_out))
            }
            output.append(contentsOf: chunk[..<produced])
            switch result {
            case Z_STREAM_END:
                return stream.pointee.avail_in == 0 ? output : nil
            case Z_OK:
                continue
            default:
                // Z_BUF_ERROR here means the input ended before the stream did.
                return nil
            }
        }
    }
}
