internal import Glibc

/// Access to the C library's error numbers and messages.
enum SystemError {
    /// The calling thread's current `errno`.
    static var current: Int32 { errno }

    /// Whether `code` is `ENOTDIR`: a path component is not a directory.
    static func isNotADirectory(_ code: Int32) -> Bool { code == ENOTDIR }

    /// `strerror` for `code`, e.g. "No space left on device".
    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
