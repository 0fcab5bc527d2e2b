import Dispatch
import TFEvents

/// Blocks of output made on other threads and handed back in the order they were asked for:
/// what lets ``ByteOutput`` format rows on every core while the command reads on one.
///
/// Used from one thread (the command's); only the making of a block runs elsewhere.
final class OrderedBlocks {
    /// Blocks made and not yet taken, by number: their storage and how much of it they fill.
    private let made = LockedValue<[Int: (bytes: [UInt8], count: Int)]>([:])
    /// One per block asked for and not yet taken, signalled when it is made.
    private var signals: [Int: DispatchSemaphore] = [:]
    /// The number of the next block asked for, and of the next to hand back.
    private var next = 0
    private var oldest = 0
    /// Finished blocks' storage, for the next blocks to be made in.
    private let spare = LockedValue<[[UInt8]]>([])

    /// How many blocks may be under way before ``takeReady(waitingAbove:_:)`` waits.
    static let maximumPending = 4

    /// How many blocks are asked for and not yet taken.
    var pending: Int { next - oldest }

    /// Asks for a block made by `make` on another thread, into storage it may reuse (which holds
    /// an earlier block's bytes, and may be longer than the block); `make` returns how many bytes
    /// from the start it filled.
    func make(_ make: @escaping @Sendable (inout [UInt8]) -> Int) {
        let number = next
        next += 1
        let signal = DispatchSemaphore(value: 0)
        signals[number] = signal
        let made = self.made
        let spare = self.spare
        DispatchQueue.global().async {
            var bytes = spare.withLock { $0.popLast() } ?? []
            let count = make(&bytes)
            made.withLock { $0[number] = (bytes, count) }
            signal.signal()
        }
    }

    /// Adds a block already made, after those asked for.
    func add(_ bytes: [UInt8]) {
        let number = next
        next += 1
        made.withLock { $0[number] = (bytes, bytes.count) }
    }

    /// Hands the blocks that are made to `body`, oldest first, stopping at the first that is not,
    /// unless more than `limit` are under way: then it waits for the oldest until `limit` are left.
    func takeReady(waitingAbove limit: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        while oldest < next {
            if pending > limit, let signal = signals[oldest] { signal.wait() }
            guard let block = made.withLock({ $0.removeValue(forKey: oldest) }) else { return }
            signals[oldest] = nil
            oldest += 1
            defer { recycle(block.bytes) }
            try block.bytes.withUnsafeBytes { raw in try body(UnsafeRawBufferPointer(rebasing: raw[..<block.count])) }
        }
    }

    private func recycle(_ bytes: [UInt8]) {
        spare.withLock { spare in
            if spare.count < Self.maximumPending { spare.append(bytes) }
        }
    }
}
