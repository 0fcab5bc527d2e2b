/// One audio clip to log: floating-point samples in `[-1, 1]` at a sample rate, mono or with
/// several channels.
///
/// The samples are converted to 16-bit PCM when the clip is made, exactly as TensorFlow's
/// `tf.audio.encode_wav` (behind `tf.summary.audio`) converts them: each value is multiplied by
/// 32,768, rounded to the nearest integer (halves away from zero) and clipped to
/// `-32768...32767`, so `1.0` becomes 32,767, `-1.0` becomes -32,768, values beyond the range
/// (infinities included) take the nearest end, and `0.5 / 32768` becomes 1. NaN is refused. The
/// clip is written as a 16-bit PCM WAV file.
///
/// ```swift
/// let tone = (0..<16_000).map { sin(2 * Float.pi * 440 * Float($0) / 16_000) * 0.5 }
/// let mono = try AudioData(samples: tone, sampleRate: 16_000)
/// let stereo = try AudioData(channels: [left, right], sampleRate: 44_100)
/// let interleaved = try AudioData(samples: frames, channelCount: 2, sampleRate: 44_100)
/// ```
///
/// Samples may be any collection of any floating-point type: `[Float]`, `[Double]`,
/// `ArraySlice`, `ContiguousArray`, `[Float16]`, ... A `Float` sample gives exactly the value
/// TensorFlow gives it; other types are scaled in `Double`.
public struct AudioData: Sendable, Hashable {
    /// Frames per second, in hertz.
    public let sampleRate: Int
    /// The number of channels: 1 for mono, 2 for stereo, ...
    public let channelCount: Int
    /// The 16-bit samples, frame by frame, each frame's channels together (interleaved), as a
    /// WAV file holds them.
    @usableFromInline let pcm: [Int16]

    /// The number of frames (samples per channel).
    public var frameCount: Int { pcm.count / channelCount }

    /// The length of the clip in seconds.
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// Creates a clip from samples, one channel after another within each frame.
    ///
    /// - Parameters:
    ///   - samples: For mono, the samples in time order. For several channels, the frames in
    ///     time order, each frame's channels together: left, right, left, right, ... for stereo.
    ///     At least one frame; NaN is refused, and other values are clipped to `[-1, 1]`.
    ///   - channelCount: The number of channels, from 1 (the default) to 32,767.
    ///   - sampleRate: Frames per second, in hertz, at least 1.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there are no samples, when
    ///   their number is not a multiple of `channelCount`, when a sample is NaN, or when the
    ///   sample rate, the channel count or the clip's length is out of WAV's range.
    @inlinable
    public init<Sample: BinaryFloatingPoint>(
        samples: some Collection<Sample>, channelCount: Int = 1, sampleRate: Int
    ) throws(SummaryWriterError) {
        try Self.checkFormat(sampleCount: samples.count, channelCount: channelCount, sampleRate: sampleRate)
        // Inlined into the caller, where the element type is known: the dispatch below folds to
        // one call of a converter compiled once for Float or Double.
        let converted =
            samples.withContiguousStorageIfAvailable { Self.pcm($0) }
            ?? Array(samples).withUnsafeBufferPointer { Self.pcm($0) }
        switch converted {
        case .success(let pcm):
            self.init(checkedPCM: pcm, channelCount: channelCount, sampleRate: sampleRate)
        case .failure(let nan):
            throw Self.nanSample(frame: nan.index / channelCount, channel: nan.index % channelCount, of: channelCount)
        }
    }

    /// Creates a clip from one array of samples per channel.
    ///
    /// - Parameters:
    ///   - channels: The channels, for stereo `[left, right]`, each holding the same number of
    ///     samples (at least one) in time order. NaN is refused, and other values are clipped to
    ///     `[-1, 1]`. From 1 to 32,767 channels.
    ///   - sampleRate: Frames per second, in hertz, at least 1.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there are no channels,
    ///   when a channel is empty or its length differs from the first one's, when a sample is
    ///   NaN, or when the sample rate, the channel count or the clip's length is out of WAV's
    ///   range.
    @inlinable
    public init<Channel: Collection>(channels: [Channel], sampleRate: Int) throws(SummaryWriterError)
    where Channel.Element: BinaryFloatingPoint {
        let frameCount = channels.first?.count ?? 0
        if let index = channels.firstIndex(where: { $0.count != frameCount }) {
            throw Self.channelLengthMismatch(channel: index, count: channels[index].count, firstCount: frameCount)
        }
        let (sampleCount, overflow) = frameCount.multipliedReportingOverflow(by: channels.count)
        try Self.checkFormat(
            sampleCount: overflow ? Int.max : sampleCount, channelCount: channels.count, sampleRate: sampleRate)
        var planes: [[Int16]] = []
        planes.reserveCapacity(channels.count)
        for (index, channel) in channels.enumerated() {
            let converted =
                channel.withContiguousStorageIfAvailable { Self.pcm($0) }
                ?? Array(channel).withUnsafeBufferPointer { Self.pcm($0) }
            switch converted {
            case .success(let plane):
                planes.append(plane)
            case .failure(let nan):
                throw Self.nanSample(frame: nan.index, channel: index, of: channels.count)
            }
        }
        self.init(
            checkedPCM: Self.interleave(planes, frameCount: frameCount), channelCount: channels.count,
            sampleRate: sampleRate)
    }

    /// Creates a clip from 16-bit samples whose format has been checked.
    @usableFromInline
    init(checkedPCM pcm: [Int16], channelCount: Int, sampleRate: Int) {
        self.pcm = pcm
        self.channelCount = channelCount
        self.sampleRate = sampleRate
    }

    /// The clip as a WAV file: 16-bit PCM, little-endian.
    var wav: [UInt8] {
        WAVEncoder.encode(pcm: pcm, channelCount: channelCount, sampleRate: sampleRate)
    }
}

// MARK: - Conversion

extension AudioData {
    /// The position of the first NaN sample, which makes a clip unrecordable.
    @usableFromInline
    struct NaNSample: Error {
        /// The sample's index in the buffer converted.
        @usableFromInline var index: Int

        @usableFromInline
        init(index: Int) {
            self.index = index
        }
    }

    /// Converts contiguous samples with the converter compiled for their type: `Float` and
    /// `Double` as they are, any other type widened to `Double`.
    @inlinable
    static func pcm<Sample: BinaryFloatingPoint>(
        _ samples: UnsafeBufferPointer<Sample>
    ) -> Result<[Int16], NaNSample> {
        if Sample.self == Float.self {
            return pcm(floats: UnsafeRawBufferPointer(samples).assumingMemoryBound(to: Float.self))
        }
        if Sample.self == Double.self {
            return pcm(doubles: UnsafeRawBufferPointer(samples).assumingMemoryBound(to: Double.self))
        }
        return samples.map { Double($0) }.withUnsafeBufferPointer { pcm(doubles: $0) }
    }

    /// The converter for `Float` samples, compiled once in this module.
    @usableFromInline
    static func pcm(floats samples: UnsafeBufferPointer<Float>) -> Result<[Int16], NaNSample> {
        convert(samples, truncate: { Int32($0) }, widen: { Float($0) })
    }

    /// The converter for `Double` samples, compiled once in this module.
    @usableFromInline
    static func pcm(doubles samples: UnsafeBufferPointer<Double>) -> Result<[Int16], NaNSample> {
        convert(samples, truncate: { Int32($0) }, widen: { Double($0) })
    }

    /// Scales by 32,768, rounds halves away from zero and clips to `Int16`'s range, as
    /// TensorFlow's `FloatToInt16Sample` does in `float` arithmetic (`tensorflow/core/lib/wav/
    /// wav_io.cc`). The scaling is exact in binary floating point, so for `Float` samples this is
    /// bit for bit TensorFlow's result.
    ///
    /// `truncate` and `widen` are the conversions between `Sample` and `Int32` of the concrete
    /// type: generic code would call the generic ones, which take the value apart bit by bit.
    @inline(__always)
    static func convert<Sample: BinaryFloatingPoint>(
        _ samples: UnsafeBufferPointer<Sample>, truncate: (Sample) -> Int32, widen: (Int32) -> Sample
    ) -> Result<[Int16], NaNSample> {
        // Clipping first and rounding after gives the same result, since the bounds are whole
        // numbers; then the truncating conversion and the fraction it left decide the rounding,
        // exactly and without a call to libm's `round` per sample. NaN is noted, not branched on;
        // it is looked for only when seen. (About 4 ns a sample in release builds.)
        var sawNaN = false
        let pcm = [Int16](unsafeUninitializedCapacity: samples.count) { buffer, count in
            for index in samples.indices {
                let scaled = samples[index] * 32768
                sawNaN = sawNaN || scaled.isNaN
                // A NaN fails both comparisons and lands on -32768; it is refused below anyway.
                let clipped: Sample = scaled <= 32767 ? (scaled >= -32768 ? scaled : -32768) : 32767
                let truncated = truncate(clipped)
                let fraction = clipped - widen(truncated)  // exact
                let away: Int32 = fraction >= 0.5 ? 1 : (fraction <= -0.5 ? -1 : 0)
                buffer[index] = Int16(truncatingIfNeeded: truncated &+ away)
            }
            count = samples.count
        }
        if sawNaN, let index = samples.firstIndex(where: { $0.isNaN }) {
            return .failure(NaNSample(index: index))
        }
        return .success(pcm)
    }

    /// Interleaves equally long channels into frames.
    @usableFromInline
    static func interleave(_ planes: [[Int16]], frameCount: Int) -> [Int16] {
        if planes.count == 1 { return planes[0] }
        let channelCount = planes.count
        return [Int16](unsafeUninitializedCapacity: frameCount * channelCount) { buffer, count in
            for (channel, plane) in planes.enumerated() {
                for frame in 0..<frameCount {
                    buffer[frame * channelCount + channel] = plane[frame]
                }
            }
            count = frameCount * channelCount
        }
    }
}

// MARK: - Checking the format

extension AudioData {
    /// The most channels a 16-bit WAV file can hold: its frame size, 2 bytes per channel, is a
    /// 16-bit field.
    static let maxChannelCount = Int(UInt16.max) / 2

    /// Checks the sample rate, the channel count and the number of samples against each other
    /// and against the 32- and 16-bit fields of a WAV header.
    @usableFromInline
    static func checkFormat(sampleCount: Int, channelCount: Int, sampleRate: Int) throws(SummaryWriterError) {
        guard (1...maxChannelCount).contains(channelCount) else {
            throw .invalidInput(
                "an audio clip must have from 1 to \(maxChannelCount) channels, but it has \(channelCount)")
        }
        guard sampleRate >= 1 else {
            throw .invalidInput("an audio clip's sample rate must be at least 1 Hz, but it is \(sampleRate)")
        }
        // The header's byte rate, sample rate × 2 bytes × channels, is a 32-bit field.
        let (byteRate, overflow) = sampleRate.multipliedReportingOverflow(by: 2 * channelCount)
        guard !overflow, byteRate <= Int(UInt32.max) else {
            throw .invalidInput(
                "an audio clip of \(channelCount) channels at \(sampleRate) Hz has a byte rate beyond a WAV "
                    + "file's limit of \(UInt32.max) bytes per second")
        }
        guard sampleCount > 0 else {
            throw .invalidInput("an audio clip needs at least one frame, but no samples were given")
        }
        guard sampleCount % channelCount == 0 else {
            throw .invalidInput(
                "\(sampleCount) samples do not make whole frames of \(channelCount) channels; interleaved "
                    + "samples must hold the same number for every channel")
        }
        // The RIFF size, 36 header bytes plus 2 bytes per sample, is a 32-bit field.
        guard sampleCount <= (Int(UInt32.max) - WAVEncoder.headerSize + 8) / 2 else {
            throw .invalidInput(
                "an audio clip of \(sampleCount) samples is too long for a WAV file, which holds at most "
                    + "\((Int(UInt32.max) - WAVEncoder.headerSize + 8) / 2) 16-bit samples")
        }
    }

    /// The error for a NaN sample.
    @usableFromInline
    static func nanSample(frame: Int, channel: Int, of channelCount: Int) -> SummaryWriterError {
        let position = channelCount == 1 ? "sample \(frame)" : "frame \(frame), channel \(channel),"
        return .invalidInput("audio \(position) is NaN; samples must be numbers in [-1, 1]")
    }

    /// The error for channels of different lengths.
    @usableFromInline
    static func channelLengthMismatch(channel: Int, count: Int, firstCount: Int) -> SummaryWriterError {
        .invalidInput(
            "the channels of an audio clip must be equally long, but channel 0 has \(firstCount) samples "
                + "and channel \(channel) has \(count)")
    }
}
