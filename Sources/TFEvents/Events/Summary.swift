/// A set of tagged values recorded at one step: TensorBoard's `tensorboard.Summary`.
public struct Summary: Sendable, Hashable {
    /// The values; writers usually put one value in each summary.
    public var values: [Value]

    /// Creates a summary holding `values`.
    public init(values: [Value] = []) {
        self.values = values
    }

    /// One tagged value (`Summary.Value`).
    public struct Value: Sendable, Hashable {
        /// The series name; `/` groups series into sections in TensorBoard.
        public var tag: String
        /// The legacy node name, used by readers when ``tag`` is empty.
        public var nodeName: String
        /// Which plugin the value is for and how to show it. Readers take it from a tag's first value.
        public var metadata: SummaryMetadata?
        /// The data itself.
        public var content: Content?

        /// Creates a value.
        public init(tag: String, nodeName: String = "", metadata: SummaryMetadata? = nil, content: Content?) {
            self.tag = tag
            self.nodeName = nodeName
            self.metadata = metadata
            self.content = content
        }

        /// The data of a value: one of the legacy forms or a tensor.
        public enum Content: Sendable, Hashable {
            /// A legacy scalar, always 32-bit.
            case simpleValue(Float)
            /// An obsolete histogram encoding that every reader ignores, kept as bytes.
            case obsoleteOldStyleHistogram([UInt8])
            /// A legacy encoded image.
            case image(Image)
            /// A legacy histogram.
            case histogram(HistogramProto)
            /// A legacy encoded audio clip.
            case audio(Audio)
            /// A tensor: how TensorFlow 2 stores every kind of summary.
            case tensor(TensorProto)
        }
    }

    /// A legacy encoded image (`Summary.Image`).
    public struct Image: Sendable, Hashable {
        /// Height in pixels.
        public var height: Int32
        /// Width in pixels.
        public var width: Int32
        /// 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA, 5 YUV, 6 BGRA; informational only.
        public var colorspace: Int32
        /// The PNG, JPEG or GIF bytes.
        public var encodedImage: [UInt8]

        /// Creates a legacy image.
        public init(height: Int32, width: Int32, colorspace: Int32, encodedImage: [UInt8]) {
            self.height = height
            self.width = width
            self.colorspace = colorspace
            self.encodedImage = encodedImage
        }
    }

    /// A legacy encoded audio clip (`Summary.Audio`).
    public struct Audio: Sendable, Hashable {
        /// Samples per second.
        public var sampleRate: Float
        /// The number of channels.
        public var channelCount: Int64
        /// The number of frames.
        public var frameCount: Int64
        /// The encoded clip, usually a WAV file.
        public var encodedAudio: [UInt8]
        /// The MIME type, for example `"audio/wav"`.
        public var contentType: String

        /// Creates a legacy audio clip.
        public init(
            sampleRate: Float, channelCount: Int64, frameCount: Int64, encodedAudio: [UInt8], contentType: String
        ) {
            self.sampleRate = sampleRate
            self.channelCount = channelCount
            self.frameCount = frameCount
            self.encodedAudio = encodedAudio
            self.contentType = contentType
        }
    }
}

extension Summary.Value {
    /// The plugin TensorBoard files this value under: `scalars`, `images`, `histograms` or `audio`
    /// for the legacy kinds, which it converts, otherwise the plugin the value's metadata names
    /// (`""` when the metadata names none); `nil` for a value with neither.
    public var pluginName: String? {
        DataCompat.metadata(of: self).map { $0.pluginData?.pluginName ?? "" }
    }
}
