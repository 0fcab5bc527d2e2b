/// A failed file-system call on the database's files: which call, on which path, and `errno`.
struct FileFailure: Error, Sendable, Hashable {
    var operation: String
    var path: String
    var errno: Int32
    var reason: String
}
