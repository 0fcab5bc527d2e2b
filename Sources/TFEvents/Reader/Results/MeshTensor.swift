/// One part of a mesh at one step, as TensorBoard's mesh plugin stores it: a `[B, N, 3]`
/// tensor of `B` meshes with `N` rows of three numbers each.
///
/// What the rows are depends on the part (``Series/meshComponent``): vertex coordinates
/// (float32), triangles as three vertex indices (int32), or RGB colors, one per vertex (uint8).
public struct MeshTensor: Sendable, Hashable {
    /// The tensor's shape, `[B, N, 3]`.
    public var shape: [Int]
    /// The numbers in row-major order, widened to `Double` (exact for every stored type).
    public var values: [Double]

    /// Creates a mesh tensor; `values` must hold the product of `shape` numbers.
    init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// `B`: the number of meshes in the batch.
    public var batchSize: Int { shape.first ?? 0 }

    /// `N`: vertices, triangles or colors per mesh.
    public var rowCount: Int { shape.count > 1 ? shape[1] : 0 }
}
