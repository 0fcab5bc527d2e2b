/// Builds mesh summaries as TensorBoard's `mesh.summary_v2.mesh_pb` writes them, which the
/// `mesh` plugin reads (EventFileFormat.md §7.9).
///
/// A batch of `B` meshes of `N` vertices (and `F` triangles) becomes up to three values, each
/// with its own ``PluginContent/Mesh`` metadata naming the mesh and the parts present:
/// `<tag>_VERTEX` (`DT_FLOAT [B, N, 3]`), `<tag>_FACE` (`DT_INT32 [B, F, 3]`) and `<tag>_COLOR`
/// (`DT_UINT8 [B, N, 3]`), all in `tensor_content` as TensorFlow writes tensors.
enum MeshSummary {
    /// The TensorBoard plugin that shows these values.
    static let pluginName = "mesh"
    /// What TensorBoard's `mesh_pb` stores when it is given no settings.
    static let defaultConfig = "{}"

    /// The values of one batch of meshes, checked first.
    ///
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for an empty batch or mesh, a
    ///   coordinate that is not finite as a 32-bit float, a face index outside the mesh, a color
    ///   count other than the vertex count, parts whose batch sizes or counts disagree, or a
    ///   `config` that is not a JSON object.
    static func values(
        tag: String, vertices: [[SIMD3<Float>]], faces: [[SIMD3<Int32>]]?, colors: [[SIMD3<UInt8>]]?,
        config: String?
    ) throws(SummaryWriterError) -> [Summary.Value] {
        let (batch, vertexCount, faceCount) = try check(
            tag: tag, vertices: vertices, faces: faces, colors: colors)
        let config = config ?? defaultConfig
        guard JSONSyntax.isObject(config) else {
            throw .invalidInput(
                "the settings of mesh '\(tag)' must be a JSON object such as {\"camera\": {\"fov\": 75}}, "
                    + "but they are \(config.prefix(80).debugDescription)")
        }

        var parts: [(PluginContent.Mesh.ContentType, DataType, count: Int, bytes: [UInt8])] = []
        var vertexBytes: [UInt8] = []
        vertexBytes.reserveCapacity(batch * vertexCount * 12)
        for mesh in vertices {
            for vertex in mesh {
                for axis in 0..<3 { appendLittleEndian(vertex[axis].bitPattern, to: &vertexBytes) }
            }
        }
        parts.append((.vertex, .float, vertexCount, vertexBytes))
        if let faces {
            var faceBytes: [UInt8] = []
            faceBytes.reserveCapacity(batch * faceCount * 12)
            for mesh in faces {
                for face in mesh {
                    for corner in 0..<3 { appendLittleEndian(UInt32(bitPattern: face[corner]), to: &faceBytes) }
                }
            }
            parts.append((.face, .int32, faceCount, faceBytes))
        }
        if let colors {
            var colorBytes: [UInt8] = []
            colorBytes.reserveCapacity(batch * vertexCount * 3)
            for mesh in colors {
                for color in mesh { colorBytes += [color.x, color.y, color.z] }
            }
            parts.append((.color, .uint8, vertexCount, colorBytes))
        }

        let components = parts.reduce(UInt32(0)) { $0 | (1 << UInt32($1.0.rawValue)) }
        return parts.map { contentType, dtype, count, bytes in
            let shape = [batch, count, 3]
            let content = PluginContent.Mesh(
                name: tag, contentType: contentType, jsonConfig: config, shape: shape.map { Int32($0) },
                components: components)
            return Summary.Value(
                tag: tag + "_" + contentType.name,
                metadata: SummaryMetadata(pluginName: pluginName, content: PluginContentCodec.encode(content)),
                content: .tensor(TensorProto(dtype: dtype, shape: shape.map { Int64($0) }, bytes: bytes)))
        }
    }

    /// Checks the parts against each other; returns `B`, `N` and `F` (0 without faces).
    private static func check(
        tag: String, vertices: [[SIMD3<Float>]], faces: [[SIMD3<Int32>]]?, colors: [[SIMD3<UInt8>]]?
    ) throws(SummaryWriterError) -> (batch: Int, vertexCount: Int, faceCount: Int) {
        guard let first = vertices.first else {
            throw .invalidInput("mesh summary '\(tag)' needs at least one mesh, but none were given")
        }
        let vertexCount = first.count
        guard vertexCount > 0 else { throw .invalidInput("mesh '\(tag)' needs at least one vertex, but has none") }
        // The shape is stored as 32-bit integers, and face indices are 32-bit.
        guard vertices.count <= Int(Int32.max), vertexCount <= Int(Int32.max) else {
            throw .invalidInput("mesh '\(tag)' is too large: at most \(Int32.max) meshes and vertices per mesh")
        }
        for (index, mesh) in vertices.enumerated() {
            guard mesh.count == vertexCount else {
                throw .invalidInput(
                    "the meshes of one summary must have the same number of vertices, but in '\(tag)' mesh 0 has "
                        + "\(vertexCount) and mesh \(index) has \(mesh.count)")
            }
            if let vertex = mesh.firstIndex(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) {
                throw .invalidInput(
                    "vertex \(vertex) of mesh \(index) of '\(tag)' is \(mesh[vertex]), which is not finite "
                        + "as a 32-bit float")
            }
        }

        var faceCount = 0
        if let faces {
            guard faces.count == vertices.count else {
                throw .invalidInput(
                    "mesh summary '\(tag)' has \(vertices.count) meshes of vertices but \(faces.count) of faces")
            }
            faceCount = faces[0].count
            guard faceCount > 0, faceCount <= Int(Int32.max) else {
                throw .invalidInput(
                    "the faces of mesh '\(tag)' must hold 1 to \(Int32.max) triangles, but they hold \(faceCount); "
                        + "leave faces out (nil) for a point cloud")
            }
            for (index, mesh) in faces.enumerated() {
                guard mesh.count == faceCount else {
                    throw .invalidInput(
                        "the meshes of one summary must have the same number of faces, but in '\(tag)' mesh 0 has "
                            + "\(faceCount) and mesh \(index) has \(mesh.count)")
                }
                for (number, face) in mesh.enumerated() {
                    for corner in 0..<3 where face[corner] < 0 || Int(face[corner]) >= vertexCount {
                        throw .invalidInput(
                            "face \(number) of mesh \(index) of '\(tag)' refers to vertex \(face[corner]), but the "
                                + "mesh has \(vertexCount) vertices (0 to \(vertexCount - 1))")
                    }
                }
            }
        }

        if let colors {
            guard colors.count == vertices.count else {
                throw .invalidInput(
                    "mesh summary '\(tag)' has \(vertices.count) meshes of vertices but \(colors.count) of colors")
            }
            for (index, mesh) in colors.enumerated() where mesh.count != vertexCount {
                throw .invalidInput(
                    "mesh \(index) of '\(tag)' has \(vertexCount) vertices but \(mesh.count) colors; "
                        + "give one color per vertex")
            }
        }
        return (vertices.count, vertexCount, faceCount)
    }

    private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
