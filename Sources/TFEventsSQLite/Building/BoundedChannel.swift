internal import Dispatch
import TFEvents

/// A queue between one sending thread and one receiving thread that holds at most `capacity`
/// elements: the sender waits while it is full, so reading never runs far ahead of writing and
/// memory stays bounded.
///
/// The receiver can ``cancel()`` (after a failure): the sender's next ``send(_:)`` returns
/// `false` instead of waiting, so it stops and ``close()``s.
///
/// The lock is TFEvents' pthread `LockedValue`, not the standard library's `Mutex`, whose futex
/// ThreadSanitizer cannot see (it reported every hand-over as a race).
final class BoundedChannel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element?] = []
        var head = 0
        var closed = false
        var cancelled = false
    }

    private let state = LockedValue(State())
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Adds an element, waiting while the channel is full; `false` when the receiver cancelled.
    func send(_ element: Element) -> Bool {
        free.wait()
        let accepted = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.buffer.append(element)
            return true
        }
        if accepted {
            filled.signal()
        } else {
            free.signal()  // let the next send see the cancellation too
        }
        return accepted
    }

    /// Says that nothing more will be sent.
    func close() {
        state.withLock { $0.closed = true }
        filled.signal()
    }

    /// The next element, waiting for it; `nil` once the channel is closed and empty.
    func receive() -> Element? {
        filled.wait()
        let element = state.withLock { state -> Element? in
            guard state.head < state.buffer.count else { return nil }
            let element = state.buffer[state.head]
            state.buffer[state.head] = nil
            state.head += 1
            if state.head == state.buffer.count {
                state.buffer.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return element
        }
        if element == nil {
            filled.signal()  // closed: every later receive returns nil at once
        } else {
            free.signal()
        }
        return element
    }

    /// Stops the sender: its waiting or next send returns `false`.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
    }
}
