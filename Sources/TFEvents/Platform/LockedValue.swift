internal import Glibc

/// A value behind a pthread mutex.
///
/// Two reasons not to use the standard library's `Mutex` here. First, the writer's hot critical
/// section (appending one framed record) takes tens of nanoseconds; a plain futex lock pays a
/// system call and a context switch for every contended unlock, and with more writing threads
/// than cores throughput fell from 5 million to 0.3 million scalars per second (16 threads, 2 cores,
/// `tfevents-bench concurrent`). glibc's *adaptive* mutex spins briefly before sleeping and kept
/// 7 million. Second, ThreadSanitizer understands pthread mutexes, so `Scripts/tsan.sh` can check
/// the writer without false reports (`package` for the same reason: TFEventsSQLite's channel
/// between its reading and inserting threads uses it too).
package final class LockedValue<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// - Parameter spinning: Spin briefly before sleeping: right for locks held for nanoseconds,
    ///   wrong for locks held across system calls.
    package init(_ value: Value, spinning: Bool = false) {
        self.value = value
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        if spinning {
            pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        }
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    @inline(__always)
    package func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
