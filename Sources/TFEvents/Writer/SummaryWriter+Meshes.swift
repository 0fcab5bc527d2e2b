extension SummaryWriter {
    /// Records one 3-D mesh or point cloud at a step, which TensorBoard's MESH tab draws with
    /// three.js.
    ///
    /// ```swift
    /// let vertices: [SIMD3<Float>] = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]]
    /// let faces: [SIMD3<Int32>] = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]]
    /// let colors: [SIMD3<UInt8>] = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0]]
    /// try writer.addMesh("tetrahedron", vertices: vertices, faces: faces, colors: colors, step: 0)
    /// ```
    ///
    /// Stored as TensorBoard's own `mesh` summary writes it (EventFileFormat.md §7.9): a value per
    /// part, `<tag>_VERTEX` (`DT_FLOAT [1, N, 3]`), `<tag>_FACE` (`DT_INT32 [1, F, 3]`) and
    /// `<tag>_COLOR` (`DT_UINT8 [1, N, 3]`), each with metadata naming the mesh `tag`, its shape,
    /// the parts present and the settings; the dashboard puts the parts back together by name.
    ///
    /// - Parameters:
    ///   - tag: The mesh's name, shown by the dashboard.
    ///   - vertices: The points' coordinates, of any floating-point type; stored as 32-bit floats,
    ///     which must be finite.
    ///   - faces: Triangles as three indices into `vertices` each; `nil` for a point cloud.
    ///   - colors: An RGB color per vertex; `nil` for the dashboard's default color.
    ///   - config: three.js settings as a JSON object, such as
    ///     `{"camera": {"cls": "PerspectiveCamera", "fov": 75}, "material": {"cls": "PointsMaterial", "size": 0.1}}`;
    ///     `nil` writes `{}`, as TensorBoard does. Stored as given, once checked to be JSON.
    ///   - step: The step, of any integer type. The dashboard has a slider over the steps.
    ///   - wallTime: Seconds since the Unix epoch; now when `nil`.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` when there is no vertex, a
    ///   coordinate is not finite as a 32-bit float, a face refers to a vertex that does not
    ///   exist, the colors are not one per vertex, `config` is not a JSON object, the step is
    ///   outside the 64-bit range or the tag holds NUL (nothing is written then); when the
    ///   writer is closed, or when an earlier flush failed.
    @inlinable
    public func addMesh<Coordinate: BinaryFloatingPoint & SIMDScalar>(
        _ tag: String, vertices: [SIMD3<Coordinate>], faces: [SIMD3<Int32>]? = nil, colors: [SIMD3<UInt8>]? = nil,
        config: String? = nil, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try recordMeshes(
            tag, vertices: Self.singlePrecision([vertices]), faces: faces.map { [$0] }, colors: colors.map { [$0] },
            config: config, step: step, wallTime: wallTime)
    }

    /// Records a batch of meshes of the same size at one step, shown as samples of one mesh
    /// (the tensors' first dimension, `B`).
    ///
    /// Every mesh must have the same number of vertices, and of faces when there are faces, since
    /// each part is one `[B, N, 3]` tensor; either every mesh has faces (colors) or none does.
    ///
    /// - Throws: As ``addMesh(_:vertices:faces:colors:config:step:wallTime:)``, and when the
    ///   meshes' vertex or face counts differ, or the batches of vertices, faces and colors have
    ///   different sizes.
    @inlinable
    public func addMeshes<Coordinate: BinaryFloatingPoint & SIMDScalar>(
        _ tag: String, vertices: [[SIMD3<Coordinate>]], faces: [[SIMD3<Int32>]]? = nil,
        colors: [[SIMD3<UInt8>]]? = nil, config: String? = nil, step: some BinaryInteger, wallTime: Double? = nil
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try recordMeshes(
            tag, vertices: Self.singlePrecision(vertices), faces: faces, colors: colors, config: config,
            step: step, wallTime: wallTime)
    }

    /// Coordinates as stored: 32-bit floats, rounded to nearest (too large a value becomes
    /// infinite, which the checks then refuse).
    @inlinable
    static func singlePrecision<Coordinate: BinaryFloatingPoint & SIMDScalar>(
        _ batch: [[SIMD3<Coordinate>]]
    ) -> [[SIMD3<Float>]] {
        var converted: [[SIMD3<Float>]] = []
        converted.reserveCapacity(batch.count)
        for mesh in batch {
            var vertices: [SIMD3<Float>] = []
            vertices.reserveCapacity(mesh.count)
            for vertex in mesh { vertices.append(SIMD3(Float(vertex.x), Float(vertex.y), Float(vertex.z))) }
            converted.append(vertices)
        }
        return converted
    }

    /// The one mesh path under the generic entry points: every part of the batch in one event.
    @usableFromInline
    func recordMeshes(
        _ tag: String, vertices: [[SIMD3<Float>]], faces: [[SIMD3<Int32>]]?, colors: [[SIMD3<UInt8>]]?,
        config: String?, step: Int64, wallTime: Double?
    ) throws(SummaryWriterError) {
        try Self.checkTag(tag)
        let values = try MeshSummary.values(tag: tag, vertices: vertices, faces: faces, colors: colors, config: config)
        // All parts in one event, as TensorBoard's `mesh_pb` puts them in one summary.
        let event = Event(wallTime: resolveWallTime(wallTime), step: step, what: .summary(Summary(values: values)))
        let payload = ProtobufEncoder.encode(event)
        try append { buffer in TFRecordFraming.append(payload, to: &buffer) }
    }
}
