import TFEvents

/// Buffered output to standard output or a file opened for writing.
///
/// Writes are gathered in memory and handed to the kernel in blocks of 64 KiB, and on
/// ``flush()``. A failed write throws a ``CommandFailure`` naming the destination; a closed pipe
/// (the reader went away, as in `tfevents export runs | head`) throws ``ByteOutput/PipeClosed``
/// so that the command can end quietly.
final class ByteOutput {
    /// The reader of a pipe went away.
    struct PipeClosed: Error {}

    private let file: OutputFile
    private var ownsFile: Bool
    /// How the destination is named in messages.
    let name: String
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    /// Standard output.
    static func standardOutput() -> ByteOutput {
        ByteOutput(file: .standardOutput, ownsFile: false, name: "standard output")
    }

    private init(file: OutputFile, ownsFile: Bool, name: String) {
        self.file = file
        self.ownsFile = ownsFile
        self.name = name
        buffer.reserveCapacity(Self.blockSize)
    }

    /// Creates or truncates the file at `path`.
    convenience init(creatingFile path: String) throws {
        let file: OutputFile
        do throws(SystemCallFailure) {
            file = try OutputFile(creatingOrTruncating: path)
        } catch {
            throw CommandFailure("\(path): cannot create the output file: \(error.reason)")
        }
        self.init(file: file, ownsFile: true, name: path)
    }

    deinit {
        if ownsFile { try? file.close() }
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
        do throws(SystemCallFailure) {
            try file.write(buffer, written: &written)
        } catch where error.isBrokenPipe {
            written = buffer.count
            throw PipeClosed()
        } catch {
            throw CommandFailure("cannot write to \(name): \(error.reason)")
        }
    }

    /// Writes everything waiting and closes a file (not standard output).
    func close() throws {
        try flush()
        guard ownsFile else { return }
        ownsFile = false
        do throws(SystemCallFailure) {
            try file.close()
        } catch {
            throw CommandFailure("cannot write to \(name): \(error.reason)")
        }
    }
}
