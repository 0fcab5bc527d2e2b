import Testing
import TestSupport

@testable import TFEvents

@Suite struct MeshSummaryTests {
    static let vertices: [SIMD3<Float>] = [[0, 0, 0], [1, 0, 0], [0, 1, 0]]
    static let faces: [SIMD3<Int32>] = [[0, 1, 2]]
    static let colors: [SIMD3<UInt8>] = [[255, 0, 0], [0, 255, 0], [0, 0, 255]]

    /// What TensorBoard's `mesh.summary_v2.mesh_pb("tri", ...)` builds for this triangle (its
    /// metadata and `tensor_util.make_tensor_proto` calls, run without TensorFlow), serialized by
    /// the official protobuf runtime.
    static let tensorBoardSummary = hex(
        "0a770a0a7472695f56455254455842360801120c12020801120208031202080322240000000000000000000000000000803f"
            + "0000000000000000000000000000803f000000004a310a2f0a046d6573681227120374726918012a177b2263616d657261"
            + "223a207b22666f76223a2037357d7d3203010303380e0a5d0a087472695f46414345421e0803120c1202080112020801"
            + "12020803220c0000000001000000020000004a310a2f0a046d6573681227120374726918022a177b2263616d657261"
            + "223a207b22666f76223a2037357d7d3203010103380e0a5b0a097472695f434f4c4f52421b0804120c120208011202"
            + "0803120208032209ff000000ff000000ff4a310a2f0a046d6573681227120374726918032a177b2263616d657261223a"
            + "207b22666f76223a2037357d7d3203010303380e")

    @Test func writesWhatTensorBoardsMeshSummaryWrites() throws {
        let values = try MeshSummary.values(
            tag: "tri", vertices: [Self.vertices], faces: [Self.faces], colors: [Self.colors],
            config: "{\"camera\": {\"fov\": 75}}")
        let payload = ProtobufEncoder.encode(Event(wallTime: 0, step: 0, what: .summary(Summary(values: values))))
        // Event field 5 (summary), its length as a varint, then the summary.
        let summary = Self.tensorBoardSummary
        let length: [UInt8] = [UInt8(summary.count & 0x7F | 0x80), UInt8(summary.count >> 7)]
        #expect(hexString(payload) == hexString([0x2A] + length + summary))
    }

    @Test func eachPartCarriesItsOwnMetadata() throws {
        let events = try WriterRoundTrip.events { writer in
            try writer.addMesh("cloud", vertices: [SIMD3<Double>(1, 2, 3), SIMD3(4, 5, 6)], step: 7, wallTime: 9)
        }
        #expect(events.count == 1 && events[0].step == 7 && events[0].wallTime == 9)
        let values = try #require(events[0].summary?.values)
        #expect(values.map(\.tag) == ["cloud_VERTEX"])
        let content = try #require(values[0].metadata?.pluginData)
        #expect(content.pluginName == "mesh")
        #expect(PluginContentCodec.decodeMesh(content.content) == PluginContent.Mesh(
            name: "cloud", contentType: .vertex, jsonConfig: "{}", shape: [1, 2, 3], components: 2))
        let tensor = try #require(WriterRoundTrip.tensor(values[0]))
        #expect(tensor.dtype == .float && tensor.dimensions == [1, 2, 3])
        #expect(tensor.numericElements?.map { $0 } == [1, 2, 3, 4, 5, 6])
    }

    @Test func aBatchIsOneTensorPerPart() throws {
        let second: [SIMD3<Float>] = Self.vertices.map { $0 * 2 }
        let values = try MeshSummary.values(
            tag: "batch", vertices: [Self.vertices, second], faces: [Self.faces, [[2, 1, 0]]],
            colors: nil, config: nil)
        #expect(values.map(\.tag) == ["batch_VERTEX", "batch_FACE"])
        let faces = try #require(WriterRoundTrip.tensor(values[1]))
        #expect(faces.dtype == .int32 && faces.dimensions == [2, 1, 3])
        #expect(faces.tensorContent == [0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        let metadata = try #require(values[1].metadata?.pluginData?.content)
        #expect(PluginContentCodec.decodeMesh(metadata)?.components == 0b110)
        #expect(PluginContentCodec.decodeMesh(metadata)?.shape == [2, 1, 3])
    }

    static func error(_ body: () throws(SummaryWriterError) -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func refusesInconsistentMeshes() {
        func values(
            _ vertices: [[SIMD3<Float>]], faces: [[SIMD3<Int32>]]? = nil, colors: [[SIMD3<UInt8>]]? = nil,
            config: String? = nil
        ) -> String {
            Self.error { () throws(SummaryWriterError) in
                _ = try MeshSummary.values(tag: "m", vertices: vertices, faces: faces, colors: colors, config: config)
            }
        }
        #expect(values([]) == "mesh summary 'm' needs at least one mesh, but none were given")
        #expect(values([[]]) == "mesh 'm' needs at least one vertex, but has none")
        #expect(values([Self.vertices, [[0, 0, 0]]])
            == "the meshes of one summary must have the same number of vertices, but in 'm' mesh 0 has 3 and mesh 1 has 1")
        #expect(values([[[0, 0, 0], [.nan, 0, 0]]])
            == "vertex 1 of mesh 0 of 'm' is SIMD3<Float>(nan, 0.0, 0.0), which is not finite as a 32-bit float")
        #expect(values([Self.vertices], faces: [[[0, 1, 3]]])
            == "face 0 of mesh 0 of 'm' refers to vertex 3, but the mesh has 3 vertices (0 to 2)")
        #expect(values([Self.vertices], faces: [[[0, -1, 2]]])
            == "face 0 of mesh 0 of 'm' refers to vertex -1, but the mesh has 3 vertices (0 to 2)")
        #expect(values([Self.vertices], faces: [[]]).hasPrefix("the faces of mesh 'm' must hold 1 to"))
        #expect(values([Self.vertices], faces: [Self.faces, Self.faces])
            == "mesh summary 'm' has 1 meshes of vertices but 2 of faces")
        #expect(values([Self.vertices, Self.vertices], faces: [Self.faces, Self.faces + Self.faces])
            == "the meshes of one summary must have the same number of faces, but in 'm' mesh 0 has 1 and mesh 1 has 2")
        #expect(values([Self.vertices], colors: [[[1, 2, 3]]])
            == "mesh 0 of 'm' has 3 vertices but 1 colors; give one color per vertex")
        #expect(values([Self.vertices], colors: [])
            == "mesh summary 'm' has 1 meshes of vertices but 0 of colors")
        #expect(values([Self.vertices], config: "[1]").hasPrefix("the settings of mesh 'm' must be a JSON object"))
        #expect(values([Self.vertices], config: "{\"a\": }").hasPrefix("the settings of mesh 'm' must be a JSON object"))
    }

    @Test func aDoubleBeyondFloatRangeIsRefusedAndNothingIsWritten() throws {
        let events = try WriterRoundTrip.events { writer in
            #expect(throws: SummaryWriterError.self) {
                try writer.addMesh("big", vertices: [SIMD3<Double>(1e300, 0, 0)], step: 0)
            }
            #expect(throws: SummaryWriterError.self) {
                try writer.addMeshes("bad", vertices: [[SIMD3<Float>(0, 0, 0)]], colors: [[]], step: 0)
            }
        }
        #expect(events.isEmpty)
    }
}

@Suite struct JSONSyntaxTests {
    @Test func acceptsObjectsOnly() {
        for text in [
            "{}", " { } ", "{\"a\": 1}", "{\"a\": [1, -2.5e+3, 0.0, true, false, null, \"x\\n\\u00e9\"], \"b\": {\"c\": {}}}",
            "{\"camera\": {\"cls\": \"PerspectiveCamera\", \"fov\": 75}}", "{\"é\": \"😀\"}",
        ] {
            #expect(JSONSyntax.isObject(text), "\(text)")
        }
        for text in [
            "", "[]", "1", "\"x\"", "{", "{\"a\"}", "{\"a\": 1,}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}",
            "{\"a\": tru}", "{\"a\": \"\u{1}\"}", "{\"a\": \"\\x\"}", "{} {}", "{a: 1}", "{\"a\": NaN}",
            "{\"a\": \"\\u12\"}", "{'a': 1}",
        ] {
            #expect(!JSONSyntax.isObject(text), "\(text)")
        }
        let deep = String(repeating: "{\"a\": ", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(!JSONSyntax.isObject(deep))
        let fine = String(repeating: "{\"a\": ", count: 100) + "1" + String(repeating: "}", count: 100)
        #expect(JSONSyntax.isObject(fine))
    }
}
