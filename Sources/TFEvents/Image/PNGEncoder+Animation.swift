extension PNGEncoder {
    /// Encodes frames of 8-bit pixels as an animated PNG (APNG) that loops forever.
    ///
    /// Browsers play the file as an animation, and viewers that know only still PNG show its
    /// first frame. Every frame is a whole image, filtered and compressed like a still image and
    /// shown for `1 / framesPerSecond` seconds (as a fraction of two 16-bit numbers, exact for
    /// rates such as 24, 25, 30 and 29.97).
    ///
    /// ```swift
    /// let apng = try PNGEncoder().encodeAnimation(
    ///     frames: frames, width: 64, height: 64, channels: 3, framesPerSecond: 8)
    /// ```
    ///
    /// - Parameters:
    ///   - frames: The frames in order, at least one; each holds `height × width × channels`
    ///     bytes, row by row from the top, each pixel's channels together (HWC).
    ///   - width: The number of columns, at least 1.
    ///   - height: The number of rows, at least 1.
    ///   - channels: 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA), with alpha not premultiplied.
    ///   - framesPerSecond: The frame rate, from 1/65535 to 65535.
    /// - Returns: The bytes of the APNG file.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there are no frames, a size
    ///   is out of range, a frame does not hold exactly `height × width × channels` bytes, or the
    ///   frame rate is out of range.
    public func encodeAnimation(
        frames: [[UInt8]], width: Int, height: Int, channels: Int, framesPerSecond: Double
    ) throws(SummaryWriterError) -> [UInt8] {
        let count = try ImageData.pixelValueCount(width: width, height: height, channels: channels)
        for (name, size) in [("width", width), ("height", height)] where size > Int(Int32.max) {
            throw .invalidInput("image \(name) \(size) is larger than PNG's limit of \(Int32.max)")
        }
        guard !frames.isEmpty else { throw .invalidInput("an animation needs at least one frame, but none were given") }
        // Two sequence numbers per frame at least, in a 32-bit field.
        guard frames.count <= Int(UInt32.max / 4) else {
            throw .invalidInput("an animation of \(frames.count) frames is longer than APNG allows")
        }
        if let index = frames.firstIndex(where: { $0.count != count }) {
            throw .invalidInput(
                "every frame of an animation of height \(height) × width \(width) × \(channels) channels needs "
                    + "\(count) pixel values, but frame \(index) has \(frames[index].count)")
        }
        let delay = try FrameDelay(framesPerSecond: framesPerSecond)
        let compressed = frames.map { frame in
            frame.withUnsafeBytes { pixels in
                withFilteredScanlines(pixels, width: width, height: height, channels: channels) { filtered in
                    deflater.compress(filtered)
                }
            }
        }
        return Self.assembleAnimation(
            header: ImageHeader(width: width, height: height, colorType: Self.colorType(channels: channels)),
            frames: compressed, delay: delay, maxIDATLength: maxIDATLength)
    }

    /// A whole APNG file: signature, `IHDR`, `acTL`, then per frame an `fcTL` and its zlib stream
    /// (`IDAT` chunks for the first frame, which is also the still image, `fdAT` chunks for the
    /// others), and `IEND`.
    ///
    /// `fcTL` and `fdAT` chunks share one sequence, numbered from 0 in file order; every frame
    /// covers the whole image (offset 0, 0), leaves its area as it is when done (dispose op
    /// `NONE`) and replaces the pixels under it, alpha included (blend op `SOURCE`).
    static func assembleAnimation(
        header: ImageHeader, frames: [[UInt8]], delay: FrameDelay, maxIDATLength: Int
    ) -> [UInt8] {
        let chunkOverhead = 12  // length, type, CRC
        func chunkCount(_ data: [UInt8]) -> Int { max(1, (data.count + maxIDATLength - 1) / maxIDATLength) }
        var total = signature.count + (chunkOverhead + 13) + (chunkOverhead + 8) + chunkOverhead
        for (index, data) in frames.enumerated() {
            let perChunk = index == 0 ? chunkOverhead : chunkOverhead + 4  // fdAT adds a sequence number
            total += (chunkOverhead + 26) + data.count + perChunk * chunkCount(data)
        }
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, initializedCount in
            var writer = ChunkWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
            writer.write(signature)
            writer.writeHeader(header)

            var actl = [UInt8](repeating: 0, count: 8)  // frame count, then 0 plays: loop forever
            actl.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(frames.count).bigEndian, as: UInt32.self) }
            actl.withUnsafeBytes { writer.writeChunk(.actl, data: $0) }

            var sequenceNumber: UInt32 = 0
            for (index, data) in frames.enumerated() {
                var fctl = [UInt8](repeating: 0, count: 26)
                fctl.withUnsafeMutableBytes { bytes in
                    bytes.storeBytes(of: sequenceNumber.bigEndian, toByteOffset: 0, as: UInt32.self)
                    bytes.storeBytes(of: UInt32(header.width).bigEndian, toByteOffset: 4, as: UInt32.self)
                    bytes.storeBytes(of: UInt32(header.height).bigEndian, toByteOffset: 8, as: UInt32.self)
                    // x and y offsets 0 (bytes 12 to 19)
                    bytes.storeBytes(of: delay.numerator.bigEndian, toByteOffset: 20, as: UInt16.self)
                    bytes.storeBytes(of: delay.denominator.bigEndian, toByteOffset: 22, as: UInt16.self)
                    // dispose op 0 (NONE), blend op 0 (SOURCE)
                }
                fctl.withUnsafeBytes { writer.writeChunk(.fctl, data: $0) }
                sequenceNumber += 1

                data.withUnsafeBytes { imageData in
                    var start = 0
                    repeat {
                        let end = min(start + maxIDATLength, imageData.count)
                        let piece = UnsafeRawBufferPointer(rebasing: imageData[start..<end])
                        if index == 0 {
                            writer.writeChunk(.idat, data: piece)
                        } else {
                            writer.writeChunk(.fdat, sequenceNumber: sequenceNumber, data: piece)
                            sequenceNumber += 1
                        }
                        start = end
                    } while start < imageData.count
                }
            }

            writer.writeChunk(.iend, data: UnsafeRawBufferPointer(start: nil, count: 0))
            precondition(writer.offset == total, "APNG size miscounted")
            initializedCount = total
        }
    }
}
