extension PluginContent {
    /// `MeshPluginData` (EventFileFormat.md §7.9): the metadata of one part of a mesh. Each part
    /// (vertices, faces, colors) is its own summary value, and the dashboard puts the parts of
    /// one mesh back together by ``name``.
    struct Mesh: Sendable, Hashable {
        var version: Int32 = 0
        /// The mesh's name, which the dashboard shows as its tag.
        var name: String
        /// Which part this value holds.
        var contentType: ContentType
        /// three.js settings as JSON text (camera, lights, material); TensorFlow writes `{}`.
        var jsonConfig: String
        /// The shape of this part's tensor, `[B, N, 3]`.
        var shape: [Int32]
        /// Bit `1 << contentType` for each part the mesh has. 0 means all three (TensorBoard's
        /// reading of older data).
        var components: UInt32

        /// The part of a mesh a value holds (`MeshPluginData.ContentType`).
        struct ContentType: RawRepresentable, Sendable, Hashable {
            var rawValue: Int32
            static let undefined = ContentType(rawValue: 0)
            /// `DT_FLOAT` vertex coordinates.
            static let vertex = ContentType(rawValue: 1)
            /// `DT_INT32` vertex indices, three per triangle.
            static let face = ContentType(rawValue: 2)
            /// `DT_UINT8` RGB colors, one per vertex.
            static let color = ContentType(rawValue: 3)

            /// TensorBoard's name for the part, the suffix of its tag (`VERTEX`, `FACE`, `COLOR`).
            var name: String {
                switch self {
                case .vertex: "VERTEX"
                case .face: "FACE"
                case .color: "COLOR"
                default: "UNDEFINED"
                }
            }
        }
    }
}
