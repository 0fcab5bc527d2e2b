import Foundation

/// Buffered output to a file descriptor: standard output or a file opened for writing.
///
/// Writes are gathered in memory and handed to the kernel in blocks of 64 KiB, and on
/// ``flush()``. A failed write throws a ``CommandFailure`` naming the destination; a closed pipe
/// (the reader went away, as in `tfevents export runs | head`) throws ``ByteOutput/PipeClosed``
/// so that the command can end quietly.
final class ByteOutput {
    /// The reader of a pipe went away.
    struct PipeClosed: Error {}

    private let descriptor: Int32
    private var ownsDescriptor: Bool
    /// How the destination is named in messages.
    let name: String
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    /// Standard output.
    static func standardOutput() -> ByteOutput {
        ByteOutput(descriptor: STDOUT_FILENO, ownsDescriptor: false, name: "standard output")
    }

    private init(descriptor: Int32, ownsDescriptor: Bool, name: String) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.name = name
        buffer.reserveCapacity(Self.blockSize)
    }

    /// Creates or truncates the file at `path`.
    convenience init(creatingFile path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure("\(path): cannot create the output file: \(String(cString: strerror(errno)))")
        }
        self.init(descriptor: descriptor, ownsDescriptor: true, name: path)
    }

    deinit {
        if ownsDescriptor { _ = Foundation.close(descriptor) }
    }

    /// Appends text; writes a block once 64 KiB are waiting.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes everything waiting.
    func flush() throws {
        var written = 0
        defer { buffer.removeFirst(written) }
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + written, bytes.count - written)
            }
            if result >= 0 {
                written += result
            } else if errno == EINTR {
                continue
            } else if errno == EPIPE {
                written = buffer.count
                throw PipeClosed()
            } else {
                throw CommandFailure("cannot write to \(name): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes everything waiting and closes a file (not standard output).
    func close() throws {
        try flush()
        guard ownsDescriptor else { return }
        ownsDescriptor = false
        if Foundation.close(descriptor) != 0 {
            throw CommandFailure("cannot write to \(name): \(String(cString: strerror(errno)))")
        }
    }
}
