import Dispatch
import TFEvents

/// Blocks of output made on other threads and written in the order they were asked for: what lets
/// ``ByteOutput`` format rows on every core while the command reads on one.
///
/// The thread that finishes the block next in line writes it, and then any made after it, so the
/// command's thread neither formats nor writes rows: the kernel's copy of the output (a fifth of
/// the reading thread's time when it wrote) happens beside the reading. A failed write is kept,
/// stops the writing, and is thrown to the command by its next ``waitUntilWritten(above:)``.
///
/// ``make(_:)``, ``add(_:)`` and ``waitUntilWritten(above:)`` are called from one thread (the
/// command's).
final class OrderedBlocks {
    private struct State {
        /// Blocks made and not yet written, by number: their storage and how much of it they fill.
        var made: [Int: (bytes: [UInt8], count: Int)] = [:]
        /// The number of the next block to write.
        var nextToWrite = 0
        /// Whether a thread is writing (it writes every block it finds next in line).
        var isWriting = false
        /// The first failed write; nothing is written after it.
        var failure: (any Error)?
    }

    private let state = LockedValue(State())
    /// Signalled once per block written (or dropped after a failure).
    private let written = DispatchSemaphore(value: 0)
    /// Finished blocks' storage, for the next blocks to be made in.
    private let spare = LockedValue<[[UInt8]]>([])
    /// Writes a block; called on whichever thread writes.
    private let write: @Sendable (UnsafeRawBufferPointer) throws -> Void

    /// The number of the next block asked for, and how many written ones the command has seen.
    private var next = 0
    private var acknowledged = 0

    /// How many blocks may be under way before ``waitUntilWritten(above:)`` waits.
    static let maximumPending = 4

    /// Blocks written with `write`, in order.
    init(write: @escaping @Sendable (UnsafeRawBufferPointer) throws -> Void) {
        self.write = write
    }

    /// How many blocks are asked for and not known to be written.
    var pending: Int { next - acknowledged }

    /// Asks for a block made by `make` on another thread, into storage it may reuse (which holds
    /// an earlier block's bytes, and may be longer than the block); `make` returns how many bytes
    /// from the start it filled.
    func make(_ make: @escaping @Sendable (inout [UInt8]) -> Int) {
        let number = next
        next += 1
        let spare = self.spare
        DispatchQueue.global().async { [self] in
            var bytes = spare.withLock { $0.popLast() } ?? []
            let count = make(&bytes)
            deposit(number, bytes: bytes, count: count)
        }
    }

    /// Adds a block already made, after those asked for.
    func add(_ bytes: [UInt8]) {
        let number = next
        next += 1
        deposit(number, bytes: bytes, count: bytes.count)
    }

    /// Waits until at most `limit` blocks are under way; throws the first failed write, if any.
    func waitUntilWritten(above limit: Int) throws {
        while pending > limit {
            written.wait()
            acknowledged += 1
        }
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Puts block `number` with the others made, and writes every block next in line unless
    /// another thread is doing so (which will then find this one).
    private func deposit(_ number: Int, bytes: [UInt8], count: Int) {
        let writes = state.withLock { state -> Bool in
            state.made[number] = (bytes, count)
            guard !state.isWriting else { return false }
            state.isWriting = true
            return true
        }
        guard writes else { return }
        while true {
            let taken = state.withLock { state -> (block: (bytes: [UInt8], count: Int), failed: Bool)? in
                guard let block = state.made.removeValue(forKey: state.nextToWrite) else {
                    state.isWriting = false
                    return nil
                }
                state.nextToWrite += 1
                return (block, state.failure != nil)
            }
            guard let taken else { return }
            if !taken.failed {
                do {
                    try taken.block.bytes.withUnsafeBytes { raw in
                        try write(UnsafeRawBufferPointer(rebasing: raw[..<taken.block.count]))
                    }
                } catch {
                    state.withLock { $0.failure = $0.failure ?? error }
                }
            }
            recycle(taken.block.bytes)
            written.signal()
        }
    }

    private func recycle(_ bytes: [UInt8]) {
        spare.withLock { spare in
            if spare.count < Self.maximumPending { spare.append(bytes) }
        }
    }
}

extension OrderedBlocks: @unchecked Sendable {}
// @unchecked: `next` and `acknowledged` are only touched by the command's thread; what other
// threads touch is behind `state` and `spare` (locks) or is the semaphore.
