extension PNGEncoder {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The fields of an `IHDR` chunk that vary: always 8 bits, deflate, adaptive filtering,
    /// no interlacing.
    struct ImageHeader {
        var width: Int
        var height: Int
        var colorType: UInt8
    }

    /// A whole PNG file: signature, `IHDR`, `imageData` (a zlib stream) split into `IDAT`
    /// chunks of at most `maxIDATLength` bytes, and `IEND`.
    static func assemble(header: ImageHeader, imageData: UnsafeRawBufferPointer, maxIDATLength: Int) -> [UInt8] {
        let idatCount = max(1, (imageData.count + maxIDATLength - 1) / maxIDATLength)
        let chunkOverhead = 12  // length, type, CRC
        let total =
            signature.count + (chunkOverhead + 13) + (imageData.count + chunkOverhead * idatCount)
            + chunkOverhead
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, initializedCount in
            var writer = ChunkWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
            writer.write(signature)
            writer.writeHeader(header)

            var start = 0
            repeat {
                let end = min(start + maxIDATLength, imageData.count)
                writer.writeChunk(.idat, data: UnsafeRawBufferPointer(rebasing: imageData[start..<end]))
                start = end
            } while start < imageData.count

            writer.writeChunk(.iend, data: UnsafeRawBufferPointer(start: nil, count: 0))
            precondition(writer.offset == total, "PNG size miscounted")
            initializedCount = total
        }
    }

    /// A chunk type: four ASCII letters, stored big-endian.
    struct ChunkType: Hashable {
        var rawValue: UInt32

        static let ihdr = ChunkType(rawValue: 0x4948_4452)
        static let idat = ChunkType(rawValue: 0x4944_4154)
        static let iend = ChunkType(rawValue: 0x4945_4E44)
        /// APNG's animation control: the number of frames and of plays.
        static let actl = ChunkType(rawValue: 0x6163_544C)
        /// APNG's frame control: a frame's size, offset, delay and how it is composed.
        static let fctl = ChunkType(rawValue: 0x6663_544C)
        /// APNG's frame data: `IDAT` for a frame after the first, behind a sequence number.
        static let fdat = ChunkType(rawValue: 0x6664_4154)
    }

    /// Appends PNG chunks to a buffer sized in advance.
    struct ChunkWriter {
        let buffer: UnsafeMutableRawBufferPointer
        private(set) var offset = 0

        init(buffer: UnsafeMutableRawBufferPointer) {
            self.buffer = buffer
        }

        mutating func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { write($0) }
        }

        mutating func write(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + bytes.count]).copyMemory(from: bytes)
            offset += bytes.count
        }

        mutating func writeBigEndian(_ value: UInt32) {
            buffer.storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt32.self)
            offset += 4
        }

        /// Writes length, type, data and the CRC-32 of type and data.
        mutating func writeChunk(_ type: ChunkType, data: UnsafeRawBufferPointer) {
            writeBigEndian(UInt32(data.count))
            let typeStart = offset
            writeBigEndian(type.rawValue)
            write(data)
            let crc = ZlibCRC32.checksum(UnsafeRawBufferPointer(rebasing: buffer[typeStart..<offset]))
            writeBigEndian(crc)
        }

        /// Writes a chunk whose data starts with a sequence number (APNG's `fdAT`): length, type,
        /// the number, data, and the CRC-32 of all but the length.
        mutating func writeChunk(_ type: ChunkType, sequenceNumber: UInt32, data: UnsafeRawBufferPointer) {
            writeBigEndian(UInt32(4 + data.count))
            let typeStart = offset
            writeBigEndian(type.rawValue)
            writeBigEndian(sequenceNumber)
            write(data)
            let crc = ZlibCRC32.checksum(UnsafeRawBufferPointer(rebasing: buffer[typeStart..<offset]))
            writeBigEndian(crc)
        }

        /// Writes the `IHDR` chunk: always 8 bits, deflate, adaptive filtering, no interlacing.
        mutating func writeHeader(_ header: ImageHeader) {
            var ihdr = [UInt8](repeating: 0, count: 13)
            ihdr.withUnsafeMutableBytes { bytes in
                bytes.storeBytes(of: UInt32(header.width).bigEndian, toByteOffset: 0, as: UInt32.self)
                bytes.storeBytes(of: UInt32(header.height).bigEndian, toByteOffset: 4, as: UInt32.self)
            }
            ihdr[8] = 8  // bit depth
            ihdr[9] = header.colorType
            // compression method 0, filter method 0, interlace method 0
            ihdr.withUnsafeBytes { writeChunk(.ihdr, data: $0) }
        }
    }
}
