import TFEvents

/// Reads lines from standard input in large chunks, and says when it is about to wait for more
/// input, so the caller can flush what it has before blocking.
struct InputLines {
    /// One line, without its newline, numbered from 1.
    struct Line {
        var number: Int
        /// The text, or `nil` when the bytes are not valid UTF-8 or the line is longer than
        /// ``maximumLineLength``.
        var text: Substring?
        /// Why ``text`` is `nil`.
        var problem: String?
    }

    /// Longer lines are reported and skipped rather than held in memory.
    static let maximumLineLength = 1 << 20
    static let chunkSize = 1 << 16

    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts, and how far it was searched for a newline.
    private var start = 0
    private var searched = 0
    private var atEnd = false
    private var number = 0
    /// Set while skipping the rest of a line that was too long.
    private var discarding = false

    /// The next line, or `nil` at the end of the input. `beforeWaiting` is called when no more
    /// input is ready and the next read would block.
    mutating func next(beforeWaiting: () throws -> Void) throws -> Line? {
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let bytes = buffer[start..<newline]
                start = newline + 1
                searched = start
                if discarding {
                    discarding = false
                    continue
                }
                number += 1
                if bytes.count > Self.maximumLineLength { return tooLong() }
                return line(bytes)
            }
            searched = buffer.count
            if discarding {
                start = buffer.count
                searched = start
            } else if buffer.count - start > Self.maximumLineLength {
                number += 1
                discarding = true
                start = buffer.count
                searched = start
                return tooLong()
            }
            if atEnd {
                guard start < buffer.count, !discarding else { return nil }
                let bytes = buffer[start...]
                start = buffer.count
                number += 1
                if bytes.count > Self.maximumLineLength { return tooLong() }
                return line(bytes)
            }
            if start > 0 {
                buffer.removeFirst(start)
                searched -= start
                start = 0
            }
            if !StandardInput.isReady() { try beforeWaiting() }
            try read()
        }
    }

    private func tooLong() -> Line {
        Line(number: number, text: nil, problem: "longer than \(Self.maximumLineLength) bytes")
    }

    private func line(_ bytes: ArraySlice<UInt8>) -> Line {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Line(number: number, text: nil, problem: "not valid UTF-8")
        }
        return Line(number: number, text: Substring(text), problem: nil)
    }

    private mutating func read() throws {
        let count = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        do {
            let result = try buffer.withUnsafeMutableBytes { raw throws(StandardInput.Failure) in
                try StandardInput.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
            }
            buffer.removeLast(Self.chunkSize - result)
            if result == 0 { atEnd = true }
        } catch {
            buffer.removeLast(Self.chunkSize)
            throw CommandFailure("standard input: \(error)")
        }
    }
}
