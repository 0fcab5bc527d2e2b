internal import Glibc

/// Whether the process's standard streams are terminals, and a terminal's size: what the
/// command-line tool asks before it colours, redraws or draws progress.
package enum Terminal {
    /// Standard output or standard error.
    package enum Stream: Sendable, Hashable {
        case standardOutput
        case standardError

        fileprivate var descriptor: Int32 {
            switch self {
            case .standardOutput: STDOUT_FILENO
            case .standardError: STDERR_FILENO
            }
        }
    }

    /// A terminal's size in character cells.
    package struct Size: Sendable, Hashable {
        package var columns: Int
        package var rows: Int
    }

    /// Whether `stream` is a terminal. The corresponding C function is `isatty`.
    package static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream.descriptor) == 1
    }

    /// The size of the terminal `stream` is, or `nil` when it is not a terminal. Either number
    /// may be 0 when the terminal does not know it (a pseudo-terminal nobody sized). The
    /// corresponding C call is `ioctl` with `TIOCGWINSZ`.
    package static func size(of stream: Stream) -> Size? {
        var size = winsize()
        guard ioctl(stream.descriptor, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return Size(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }
}
