/// What a mesh series holds, from its metadata (`MeshPluginData`).
///
/// TensorBoard's mesh plugin stores a mesh as up to three series, one per part, each under its
/// own tag (`<name>_VERTEX`, `<name>_FACE`, `<name>_COLOR` for TF2, numbered tags for
/// tensorboardX), and joins them again by the mesh name in the metadata.
public struct MeshComponent: Sendable, Hashable {
    /// A part of a mesh.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// Vertex coordinates, float32.
        case vertices
        /// Triangles: three vertex indices each, int32.
        case faces
        /// RGB colors, one per vertex, uint8.
        case colors
    }

    /// The mesh's name: what the MESH dashboard shows as its tag.
    public var meshName: String
    /// The part this series holds; `nil` when the metadata names none.
    public var part: Part?
    /// The parts the mesh has (all three when the metadata does not say, as TensorBoard reads
    /// older data).
    public var parts: Set<Part>
    /// three.js settings (camera, lights, material) as JSON text.
    public var configuration: String

    init(_ content: PluginContent.Mesh) {
        meshName = content.name
        part = Self.part(content.contentType)
        configuration = content.jsonConfig
        let all = Part.allCases
        parts = content.components == 0
            ? Set(all)
            : Set(all.filter { content.components & (1 << UInt32(Self.contentType($0).rawValue)) != 0 })
    }

    private static func part(_ type: PluginContent.Mesh.ContentType) -> Part? {
        switch type {
        case .vertex: .vertices
        case .face: .faces
        case .color: .colors
        default: nil
        }
    }

    private static func contentType(_ part: Part) -> PluginContent.Mesh.ContentType {
        switch part {
        case .vertices: .vertex
        case .faces: .face
        case .colors: .color
        }
    }
}

extension Series {
    /// For a ``Kind/mesh`` series: the mesh and the part it holds; `nil` for other kinds or
    /// metadata that does not decode.
    public var meshComponent: MeshComponent? {
        guard kind == .mesh, let content = PluginContentCodec.decodeMesh(metadata?.pluginData?.content ?? [])
        else { return nil }
        return MeshComponent(content)
    }
}
