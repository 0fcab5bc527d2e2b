import TFEvents

/// Buffered output to standard output or a file opened for writing.
///
/// Writes are gathered in a block of 1 MiB and handed to the kernel when it is full, and on
/// ``flush()``: large writes, few system calls. Rows (``ByteRow``) are formatted with no `String`
/// made for them: on a machine with more than one core, thousands at a time on other threads
/// (``OrderedBlocks``), while the command goes on reading, and written in order. A failed write
/// throws a ``CommandFailure`` naming the destination; a closed pipe (the reader went away, as in
/// `tfevents export runs | head`) throws ``ByteOutput/PipeClosed`` so that the command can end
/// quietly.
final class ByteOutput {
    /// The reader of a pipe went away.
    struct PipeClosed: Error {}

    private let file: OutputFile
    private var ownsFile: Bool
    /// How the destination is named in messages.
    let name: String
    /// What waits to be written: one stored property, so that a write costs one exclusivity check.
    private var block = Block()
    static let blockSize = 1 << 20
    /// Rows waiting to be formatted together on another thread.
    private var rows: (any PendingRows)?
    /// Blocks being made on other threads, once rows have been.
    private var blocks: OrderedBlocks?
    /// Rows formatted together.
    static let rowsPerBlock = 8_192
    /// Whether rows are formatted on other threads: when there are other cores.
    private static let formatsInParallel = AvailableCores.count > 1

    /// Bytes waiting to be written: the first ``filled`` of ``bytes``, which is always
    /// ``ByteOutput/blockSize`` long (so rows are written into it in place).
    private struct Block {
        var bytes = [UInt8](repeating: 0, count: ByteOutput.blockSize)
        var filled = 0

        var room: Int { bytes.count - filled }

        mutating func append(_ text: UnsafeRawBufferPointer) {
            bytes.withUnsafeMutableBytes { raw in
                raw.baseAddress!.advanced(by: filled).copyMemory(from: text.baseAddress!, byteCount: text.count)
            }
            filled += text.count
        }

        @inline(__always)
        mutating func append<Row: ByteRow>(_ row: Row, shared: Row.Shared) {
            let count = bytes.withUnsafeMutableBufferPointer { bytes in
                row.write(to: bytes.baseAddress! + filled, shared: shared)
            }
            filled += count
        }

        /// The bytes waiting, leaving the block empty (with fresh storage).
        mutating func take() -> [UInt8] {
            var taken = [UInt8](repeating: 0, count: ByteOutput.blockSize)
            swap(&taken, &bytes)
            taken.removeLast(taken.count - filled)
            filled = 0
            return taken
        }

        /// Forgets the first `count` bytes waiting.
        mutating func removeFirst(_ count: Int) {
            bytes.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + count, byteCount: filled - count)
            }
            filled -= count
        }
    }

    /// Standard output.
    static func standardOutput() -> ByteOutput {
        ByteOutput(file: .standardOutput, ownsFile: false, name: "standard output")
    }

    private init(file: OutputFile, ownsFile: Bool, name: String) {
        self.file = file
        self.ownsFile = ownsFile
        self.name = name
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
        // Blocks still being written (after a command failed midway) must not outlive the file:
        // its descriptor could be reused by then.
        try? blocks?.waitUntilWritten(above: 0)
        if ownsFile { try? file.close() }
    }

    /// Appends text; writes the block once it is full.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { utf8 in try write(UnsafeRawBufferPointer(utf8)) }
    }

    /// Appends bytes; writes the block once it is full.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        // After the rows before them.
        if rows != nil { submitRows() }
        if block.room < bytes.count { try flush() }
        if bytes.count > Self.blockSize {
            try writeNow(bytes)
        } else {
            block.append(bytes)
        }
    }

    /// Formats `row` (with what the rows share, `shared`) into the block, or (with other cores)
    /// keeps it to be formatted with the rows that follow it on another thread.
    @inline(__always)
    func write<Row: ByteRow>(_ row: Row, shared: Row.Shared) throws {
        let maximum = row.maximumLength
        guard maximum <= Self.blockSize else { return try write(row.text(shared: shared)) }
        guard Self.formatsInParallel else {
            if block.room < maximum { try flush() }
            block.append(row, shared: shared)
            return
        }
        let batch: RowBatch<Row>
        if let pending = rows, pending.rowType == ObjectIdentifier(Row.self) {
            batch = unsafeDowncast(pending, to: RowBatch<Row>.self)
            batch.share(shared)
        } else {
            if rows != nil { submitRows() }
            batch = RowBatch<Row>(shared: shared)
            rows = batch
        }
        if batch.append(row) >= Self.rowsPerBlock {
            submitRows()
            try writeMadeBlocks(waitingAbove: OrderedBlocks.maximumPending)
        }
    }

    /// Has the rows waiting formatted on another thread, after the bytes waiting in the block.
    private func submitRows() {
        guard let pending = rows else { return }
        rows = nil
        let file = self.file
        let name = self.name
        let blocks = self.blocks ?? OrderedBlocks { bytes in try Self.write(bytes, to: file, name: name) }
        self.blocks = blocks
        if block.filled > 0 {
            blocks.add(block.take())
        }
        pending.submit(to: blocks)
    }

    /// Waits while more than `limit` blocks are being made or written; throws a failed write.
    private func writeMadeBlocks(waitingAbove limit: Int) throws {
        try blocks?.waitUntilWritten(above: limit)
    }

    /// Writes everything waiting.
    func flush() throws {
        if rows != nil { submitRows() }
        if let blocks, blocks.pending > 0 {
            if block.filled > 0 { blocks.add(block.take()) }
            try writeMadeBlocks(waitingAbove: 0)
        }
        var written = 0
        // What was written goes; the rest (after a failure) stays for the next attempt.
        defer { block.removeFirst(written) }
        let filled = block.filled
        do throws(SystemCallFailure) {
            let file = self.file
            let result = block.bytes.withUnsafeBytes { raw in
                Result { () throws(SystemCallFailure) in
                    try file.write(UnsafeRawBufferPointer(rebasing: raw[..<filled]), written: &written)
                }
            }
            try result.get()
        } catch where error.isBrokenPipe {
            written = filled
            throw PipeClosed()
        } catch {
            throw CommandFailure("cannot write to \(name): \(error.reason)")
        }
    }

    /// Writes `bytes` at once, after what waits (which must have been flushed).
    private func writeNow(_ bytes: UnsafeRawBufferPointer) throws {
        try Self.write(bytes, to: file, name: name)
    }

    /// Writes `bytes` to `file` (named `name` in messages), on any thread.
    private static func write(_ bytes: UnsafeRawBufferPointer, to file: OutputFile, name: String) throws {
        var written = 0
        do throws(SystemCallFailure) {
            try file.write(bytes, written: &written)
        } catch where error.isBrokenPipe {
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

/// A line of output that formats itself into bytes: what ``ByteOutput`` takes without making a
/// `String`.
///
/// A row should hold no reference: it is made on the reading core and formatted on another, and a
/// reference counted from both cores costs more than formatting. What rows refer to (the export's
/// run-and-tag prefixes) lives in ``Shared``, which a block of rows takes once.
protocol ByteRow: Sendable {
    /// What the rows share.
    associatedtype Shared: ByteRowShared
    /// The most bytes ``write(to:shared:)`` writes.
    var maximumLength: Int { get }
    /// Writes the row at `start`, where ``maximumLength`` bytes are free, and returns how many
    /// bytes it wrote.
    func write(to start: UnsafeMutablePointer<UInt8>, shared: Shared) -> Int
}

/// What the rows written to a ``ByteOutput`` share: a value that only grows, so that a newer one
/// serves every row an older one served.
protocol ByteRowShared: Sendable {
    /// Grows when the value does.
    var generation: Int { get }
}

extension ByteRow {
    /// The row as text, for a row longer than a block.
    func text(shared: Shared) -> String {
        String(unsafeUninitializedCapacity: maximumLength) { buffer in write(to: buffer.baseAddress!, shared: shared) }
    }
}

/// Rows of one type waiting in a ``ByteOutput`` to be formatted together.
private protocol PendingRows: AnyObject {
    /// The type of the rows.
    var rowType: ObjectIdentifier { get }
    /// Has the rows formatted into a block on another thread.
    func submit(to blocks: OrderedBlocks)
}

private final class RowBatch<Row: ByteRow>: PendingRows {
    /// The rows, and the most bytes they take: one stored property, one exclusivity check per row.
    private var state = State()
    /// What the rows share, the newest given.
    private var shared: Row.Shared

    private struct State {
        var rows: [Row] = []
        var length = 0

        @inline(__always)
        mutating func append(_ row: Row) -> Int {
            length += row.maximumLength
            rows.append(row)
            return rows.count
        }
    }

    init(shared: Row.Shared) {
        self.shared = shared
        state.rows.reserveCapacity(ByteOutput.rowsPerBlock)
    }

    /// Takes `newer` when it has grown since the batch took its copy (rarely: a new series).
    @inline(__always)
    func share(_ newer: Row.Shared) {
        if newer.generation != shared.generation { shared = newer }
    }

    var rowType: ObjectIdentifier { ObjectIdentifier(Row.self) }

    /// Keeps `row`; returns how many rows are kept.
    @inline(__always)
    func append(_ row: Row) -> Int {
        state.append(row)
    }

    func submit(to blocks: OrderedBlocks) {
        let rows = state.rows
        let length = state.length
        let shared = self.shared
        blocks.make { bytes in
            // Reused storage keeps its length: only what it lacks is added (and zeroed).
            if bytes.count < length { bytes.append(contentsOf: repeatElement(0, count: length - bytes.count)) }
            var filled = 0
            bytes.withUnsafeMutableBufferPointer { buffer in
                let start = buffer.baseAddress!
                // Each row borrowed in place: a copy would retain and release its strings.
                rows.withUnsafeBufferPointer { rows in
                    for index in rows.indices { filled += rows[index].write(to: start + filled, shared: shared) }
                }
            }
            return filled
        }
    }
}
