import TFEvents

/// Redraws a frame of lines in place on a terminal, below whatever was on the screen before.
///
/// The first frame is printed where the cursor is. Each later frame moves the cursor back up to
/// the frame's first line and rewrites the lines, clearing what is left of each and everything
/// below the last. Lines are never wider than the terminal (``TailTable`` cuts them), so the
/// count of lines to go back up is exact. After a resize or a suspend the screen is cleared
/// and the frame drawn from the top. The cursor is hidden while frames are drawn and shown
/// again by ``finish()``, which leaves the last frame on the screen, like `tail -f` leaves its
/// output.
final class TerminalScreen {
    private let output: ByteOutput
    private let styled: Bool
    /// Lines of the frame on screen, counted from the cursor's line upwards.
    private var drawnLines = 0
    private var cursorHidden = false

    init(output: ByteOutput, styled: Bool) {
        self.output = output
        self.styled = styled
    }

    /// The terminal's size in columns and rows; 80 × 24 when unknown.
    static func size() -> (columns: Int, rows: Int) {
        if let size = Terminal.size(of: .standardOutput), size.columns > 0 && size.rows > 0 {
            return (size.columns, size.rows)
        }
        return (80, 24)
    }

    /// Replaces the frame on screen with `lines`; `fromTop` clears the whole screen first.
    func draw(_ lines: [TailTable.Line], fromTop: Bool) throws {
        var text = ""
        if !cursorHidden {
            text += "\u{1B}[?25l"
            cursorHidden = true
        }
        if fromTop {
            text += "\u{1B}[H\u{1B}[2J"
        } else if drawnLines > 0 {
            text += "\r\u{1B}[\(drawnLines)A"
        }
        for line in lines {
            text += (styled ? line.styled : line.text) + "\u{1B}[K\n"
        }
        text += "\u{1B}[J"
        try output.write(text)
        try output.flush()
        drawnLines = lines.count
    }

    /// Removes the frame, so that a message written to standard error (often the same terminal)
    /// lands where the frame was; the next ``draw(_:fromTop:)`` draws it again below the message.
    func erase() throws {
        guard drawnLines > 0 else { return }
        try output.write("\r\u{1B}[\(drawnLines)A\u{1B}[J")
        try output.flush()
        drawnLines = 0
    }

    /// Shows the cursor again; the last frame stays on the screen.
    func finish() throws {
        guard cursorHidden else { return }
        cursorHidden = false
        try output.write("\u{1B}[?25h")
        try output.flush()
    }
}
