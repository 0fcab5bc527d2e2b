import Foundation
import TFEvents

/// Mesh runs: a colored tetrahedron with faces and three.js settings over three steps, a batch of
/// two point clouds given as `Double`s (no settings: `{}`), and a mesh with faces but no colors.
/// The manifest holds, per mesh and step, every part's shape and values as TensorBoard must
/// serve them, the settings and the bitmask of parts.
func writeMeshRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_400.0
    let run = "mesh/shapes"
    let writer = try SummaryWriter(logdir: logdir + "/" + run)

    func record(
        _ name: String, step: Int64, config: String, vertices: [[SIMD3<Float>]], faces: [[SIMD3<Int32>]]?,
        colors: [[SIMD3<UInt8>]]?
    ) {
        func part(_ rows: [[[Double]]], count: Int) -> JSON {
            .object([
                ("shape", .array([.int(Int64(rows.count)), .int(Int64(count)), .int(3)])),
                ("values", .array(rows.map { .array($0.map { .array($0.map { .number($0) }) }) })),
            ])
        }
        var parts: [(String, JSON)] = [
            ("VERTEX", part(vertices.map { $0.map { [Double($0.x), Double($0.y), Double($0.z)] } }, count: vertices[0].count))
        ]
        var components = 1 << 1
        if let faces {
            parts.append(("FACE", part(faces.map { $0.map { [Double($0.x), Double($0.y), Double($0.z)] } }, count: faces[0].count)))
            components |= 1 << 2
        }
        if let colors {
            parts.append(("COLOR", part(colors.map { $0.map { [Double($0.x), Double($0.y), Double($0.z)] } }, count: colors[0].count)))
            components |= 1 << 3
        }
        manifest.append(
            run: run, section: "meshes", tag: name,
            .object([
                ("step", .int(step)), ("wall_time", .number(base + Double(step))), ("config", .string(config)),
                ("components", .int(Int64(components))), ("parts", .object(parts)),
            ]))
    }

    // A tetrahedron growing over three steps, with faces, colors and settings.
    let faces: [SIMD3<Int32>] = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]]
    let colors: [SIMD3<UInt8>] = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0]]
    let config = """
        {"camera": {"cls": "PerspectiveCamera", "fov": 75}, \
        "lights": [{"cls": "AmbientLight", "color": "#ffffff", "intensity": 0.75}], \
        "material": {"cls": "MeshStandardMaterial", "roughness": 1}}
        """
    for step in Int64(0)..<3 {
        let scale = Float(step + 1) * 0.5
        let vertices: [SIMD3<Float>] = [[0, 0, 0], [scale, 0, 0], [0, scale, 0], [0, 0, scale + 0.1]]
        try writer.addMesh(
            "tetrahedron", vertices: vertices, faces: faces, colors: colors, config: config, step: step,
            wallTime: base + Double(step))
        record("tetrahedron", step: step, config: config, vertices: [vertices], faces: [faces], colors: [colors])
    }

    // Two point clouds in one batch, from Doubles (rounded to float32), no settings.
    for step in Int64(0)..<2 {
        let clouds: [[SIMD3<Double>]] = (0..<2).map { cloud in
            (0..<5).map { point in
                let angle = Double(point) * 2 * .pi / 5 + Double(step)
                return SIMD3(cos(angle), sin(angle), Double(cloud) + 0.1)
            }
        }
        try writer.addMeshes("clouds", vertices: clouds, step: step, wallTime: base + Double(step))
        let stored = clouds.map { $0.map { SIMD3<Float>(Float($0.x), Float($0.y), Float($0.z)) } }
        record("clouds", step: step, config: "{}", vertices: stored, faces: nil, colors: nil)
    }

    // Faces without colors.
    let square: [SIMD3<Float>] = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]]
    let triangles: [SIMD3<Int32>] = [[0, 1, 2], [0, 2, 3]]
    try writer.addMesh("square", vertices: square, faces: triangles, config: "{}", step: 5, wallTime: base + 5)
    record("square", step: 5, config: "{}", vertices: [square], faces: [triangles], colors: nil)

    try writer.close()
    manifest.addFile(run: run, path: writer.path)
}
