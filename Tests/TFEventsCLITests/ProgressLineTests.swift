import Testing
import TestSupport

@testable import TFEventsCLI

@Suite struct ProgressLineTests {
    /// A progress line that writes into an array.
    private final class Output: @unchecked Sendable {
        var writes: [String] = []
    }

    @Test func theLineRewritesItselfAndIsErasedBeforeMessagesAndAtTheEnd() {
        let output = Output()
        let line = ProgressLine(isEnabled: true, delay: 0) { output.writes.append($0) }
        line.update { "reading: 1 run" }
        line.update { "not drawn: less than 0.2 s since the last draw" }
        line.printMessage("warning: damage")
        line.clear()
        #expect(output.writes == ["\r" + "reading: 1 run" + "\u{1B}[K", "\r\u{1B}[K", "warning: damage\n"])
    }

    @Test func nothingIsDrawnBeforeTheDelayOrWhenDisabled() {
        let output = Output()
        let slow = ProgressLine(isEnabled: true, delay: 3600) { output.writes.append($0) }
        slow.update { "too early" }
        slow.clear()
        let disabled = ProgressLine(isEnabled: false, delay: 0) { output.writes.append($0) }
        disabled.update { "disabled" }
        disabled.printMessage("still printed")
        #expect(output.writes == ["still printed\n"])
    }
}
