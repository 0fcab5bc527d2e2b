internal import CProtobufC
internal import CTensorBoardProto

extension PluginContentCodec {
    /// The wire bytes of `MeshPluginData`.
    static func encode(_ content: PluginContent.Mesh) -> [UInt8] {
        let arena = CArena()
        let message = arena.message(Tensorboard__MeshPluginData.self, tensorboard__mesh_plugin_data__init)
        message.pointee.version = content.version
        message.pointee.name = arena.cString(content.name)
        message.pointee.content_type = Tensorboard__MeshPluginData__ContentType(
            rawValue: UInt32(bitPattern: content.contentType.rawValue))
        message.pointee.json_config = arena.cString(content.jsonConfig)
        message.pointee.n_shape = content.shape.count
        message.pointee.shape = arena.array(content.shape)
        message.pointee.components = content.components
        return ProtobufEncoder.pack(message)
    }

    /// The `MeshPluginData` in `bytes`, or `nil` when they are not a valid message.
    static func decodeMesh(_ bytes: [UInt8]) -> PluginContent.Mesh? {
        bytes.withUnsafeBufferPointer { buffer -> PluginContent.Mesh? in
            guard let message = tensorboard__mesh_plugin_data__unpack(nil, buffer.count, buffer.baseAddress)
            else { return nil }
            defer { tensorboard__mesh_plugin_data__free_unpacked(message, nil) }
            let c = message.pointee
            return PluginContent.Mesh(
                version: c.version, name: ProtobufDecoder.string(c.name),
                contentType: .init(rawValue: Int32(bitPattern: c.content_type.rawValue)),
                jsonConfig: ProtobufDecoder.string(c.json_config),
                shape: Array(UnsafeBufferPointer(start: c.shape, count: c.n_shape)), components: c.components)
        }
    }
}
