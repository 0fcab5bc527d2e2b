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

    /// How many columns wide output printed once on `stream` may be: the `COLUMNS` environment
    /// variable when it is a positive number, else the width of the terminal `stream` is, else 80.
    ///
    /// `COLUMNS` comes first, as in git and Python's `shutil.get_terminal_size`, so that a user
    /// or a test can ask for a width whatever the terminal says. A display that redraws itself
    /// follows ``size(of:)`` instead, since a variable cannot follow a resize.
    package static func columns(of stream: Stream) -> Int {
        columns(variable: getenv("COLUMNS").map { String(cString: $0) }, terminal: size(of: stream)?.columns)
    }

    /// The rule of ``columns(of:)`` given what it reads: the value of `COLUMNS` and the
    /// terminal's width (0 or `nil` when unknown).
    package static func columns(variable: String?, terminal: Int?) -> Int {
        if let variable, let columns = Int(variable), columns > 0 { return columns }
        if let terminal, terminal > 0 { return terminal }
        return 80
    }
}
