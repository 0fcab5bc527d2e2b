internal import Glibc
internal import CProtobufC

/// Memory for building protobuf-c message structs from Swift values, freed all at once.
///
/// protobuf-c packs from plain C structs that point at C strings and arrays. Building one means
/// many small allocations whose lifetime is exactly one `pack` call, so they are tracked here and
/// released together when the arena goes away.
final class CArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    init() {}

    deinit {
        for block in blocks { free(block) }
    }

    /// Uninitialized memory for `count` values of `T`.
    func allocate<T>(_ type: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
        let size = max(1, MemoryLayout<T>.stride * count)
        guard let raw = malloc(size) else { fatalError("out of memory allocating \(size) bytes") }
        blocks.append(raw)
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// A message struct initialized by protobuf-c's generated `init` function.
    func message<T>(_ type: T.Type, _ initialize: (UnsafeMutablePointer<T>) -> Void) -> UnsafeMutablePointer<T> {
        let pointer = allocate(T.self)
        initialize(pointer)
        return pointer
    }

    /// A NUL-terminated copy of `string`. protobuf-c measures strings with `strlen`, so a string
    /// holding NUL is cut there (TensorBoard tags never hold one).
    func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        var string = string
        return string.withUTF8 { utf8 in
            let pointer = allocate(CChar.self, count: utf8.count + 1)
            if let base = utf8.baseAddress {
                UnsafeMutableRawPointer(pointer).copyMemory(from: base, byteCount: utf8.count)
            }
            pointer[utf8.count] = 0
            return pointer
        }
    }

    /// A copy of `values`, or `nil` when there are none (protobuf-c's representation of empty).
    func array<T>(_ values: [T]) -> UnsafeMutablePointer<T>? {
        guard !values.isEmpty else { return nil }
        let pointer = allocate(T.self, count: values.count)
        _ = UnsafeMutableBufferPointer(start: pointer, count: values.count).initialize(from: values)
        return pointer
    }

    /// A copy of `bytes` as protobuf-c binary data.
    func binary(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        guard !bytes.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let pointer = allocate(UInt8.self, count: bytes.count)
        _ = UnsafeMutableBufferPointer(start: pointer, count: bytes.count).initialize(from: bytes)
        return ProtobufCBinaryData(len: bytes.count, data: pointer)
    }
}
