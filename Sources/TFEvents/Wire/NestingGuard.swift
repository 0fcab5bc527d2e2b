/// Refuses hparams plugin content nested deeper than protobuf's usual limit of 100 levels
/// before protobuf-c sees it.
///
/// `google.protobuf.Value` can hold lists and structs of `Value`s without end, and protobuf-c
/// decodes recursively: a crafted 1.6 MB value nested 200,000 deep overflowed the stack. Python's
/// protobuf, which TensorBoard uses, stops at 100 levels with a decode error, so content deeper
/// than that is content TensorBoard cannot read either. The walk follows only the fields that can
/// nest (the schema's recursive paths) with an explicit stack, so it reads each byte at most once
/// and never recurses itself.
enum NestingGuard {
    /// Python protobuf's default recursion limit.
    static let limit = 100

    private enum Message {
        case hparamsPluginData, experiment, hparamInfo, sessionStartInfo, mapEntry, value, listValue, structValue
    }

    /// Whether `bytes`, an `HParamsPluginData`, nests messages at most ``limit`` deep along the
    /// paths that can recurse. Malformed bytes pass: protobuf-c rejects them itself.
    static func hparamsContentIsShallowEnough(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var stack: [(Message, Range<Int>, depth: Int)] = [(.hparamsPluginData, 0..<bytes.count, 1)]
        while let (message, range, depth) = stack.popLast() {
            guard depth <= limit else { return false }
            var reader = WireReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
            while !reader.isAtEnd {
                guard let (field, type) = reader.readKey() else { break }
                guard type == .lengthDelimited else {
                    guard reader.skip(type) else { break }
                    continue
                }
                guard let content = reader.readLengthDelimited() else { break }
                let child = range.lowerBound + content.lowerBound..<range.lowerBound + content.upperBound
                if let next = childMessage(of: message, field: field) {
                    stack.append((next, child, depth + 1))
                }
            }
        }
        return true
    }

    /// The message type a length-delimited field holds, on the paths that lead to `Value`.
    private static func childMessage(of message: Message, field: UInt64) -> Message? {
        switch (message, field) {
        case (.hparamsPluginData, 2): .experiment
        case (.hparamsPluginData, 3): .sessionStartInfo
        case (.experiment, 4): .hparamInfo
        case (.hparamInfo, 5): .listValue  // domain_discrete
        case (.sessionStartInfo, 1): .mapEntry  // hparams map entry
        case (.mapEntry, 2): .value
        case (.value, 5): .structValue
        case (.value, 6): .listValue
        case (.structValue, 1): .mapEntry  // fields map entry
        case (.listValue, 1): .value
        default: nil
        }
    }
}
