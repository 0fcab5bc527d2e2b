internal import Dispatch

/// Blocks of objects read with ranged GETs: shared by the reading threads, fetched once each
/// (a thread wanting a block that is on its way waits for it), read ahead while a run parses
/// the block before, and bounded in number, so memory never holds a whole large object.
final class BlockCache: Sendable {
    /// A block of one version of an object.
    struct Key: Hashable, Sendable {
        var path: String
        var version: ObjectVersion
        var index: Int64
    }

    /// A block on its way or arrived.
    final class Entry: Sendable {
        private let arrived = DispatchGroup()
        private let result = Locked<Result<S3Client.RangeResult, S3Error>?>(nil)

        init() { arrived.enter() }

        func complete(_ outcome: Result<S3Client.RangeResult, S3Error>) {
            result.withLock { $0 = outcome }
            arrived.leave()
        }

        var isComplete: Bool { result.withLock { $0 != nil } }

        func wait() -> Result<S3Client.RangeResult, S3Error> {
            arrived.wait()
            return result.withLock { $0! }
        }
    }

    private struct Table {
        var entries: [Key: Entry] = [:]
        /// Least recently used first.
        var order: [Key] = []
    }

    private let table = Locked(Table())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(2, capacity)
    }

    /// The block `key`, fetched with `fetch` unless it is here or on its way. Failures are not
    /// kept: the next call fetches again.
    func block(_ key: Key, fetch: () throws(S3Error) -> S3Client.RangeResult) throws(S3Error) -> S3Client.RangeResult {
        let (entry, isMine) = table.withLock { table -> (Entry, Bool) in
            if let entry = table.entries[key] {
                table.order.removeAll { $0 == key }
                table.order.append(key)
                return (entry, false)
            }
            let entry = Entry()
            insert(entry, for: key, into: &table)
            return (entry, true)
        }
        if isMine {
            entry.complete(Result { () throws(S3Error) in try fetch() })
        }
        let outcome = entry.wait()
        if case .success(.bytes) = outcome {} else { remove(key, entry) }
        return try outcome.get()
    }

    /// Starts fetching `key` on another thread when it is neither here nor on its way and
    /// `reserve` grants a request slot (it returns `false` when all are busy: a read-ahead never
    /// delays a read); `fetch` runs with the slot held and must free it.
    func prefetch(
        _ key: Key, reserve: () -> Bool, fetch: @escaping @Sendable () -> Result<S3Client.RangeResult, S3Error>
    ) {
        let entry = table.withLock { table -> Entry? in
            guard table.entries[key] == nil, reserve() else { return nil }
            let entry = Entry()
            insert(entry, for: key, into: &table)
            return entry
        }
        guard let entry else { return }
        DispatchQueue.global().async {
            let outcome = fetch()
            entry.complete(outcome)
            if case .success(.bytes) = outcome {} else { self.remove(key, entry) }
        }
    }

    /// Forgets every block of `path`.
    func forget(_ path: String) {
        table.withLock { table in
            table.entries = table.entries.filter { $0.key.path != path }
            table.order.removeAll { $0.path == path }
        }
    }

    private func insert(_ entry: Entry, for key: Key, into table: inout Table) {
        table.entries[key] = entry
        table.order.append(key)
        // Drop the least recently used blocks that have arrived; blocks on their way stay.
        var index = 0
        while table.entries.count > capacity && index < table.order.count {
            let old = table.order[index]
            if old != key, let candidate = table.entries[old], candidate.isComplete {
                table.entries[old] = nil
                table.order.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    private func remove(_ key: Key, _ entry: Entry) {
        table.withLock { table in
            guard table.entries[key] === entry else { return }
            table.entries[key] = nil
            table.order.removeAll { $0 == key }
        }
    }
}
