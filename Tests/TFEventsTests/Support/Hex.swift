import TestSupport

/// Bytes from a hex string such as `"09 00 1a 0d"` (spaces optional), as EventFileFormat.md writes them.
func hex(_ text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace && $0 != "|" }
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        bytes.append(UInt8(digits[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}

/// `bytes` as lowercase hex pairs separated by spaces, for readable failure messages.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
}
