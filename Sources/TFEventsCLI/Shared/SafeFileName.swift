/// Turns run names, tags and steps into file names that stay inside the export directory.
///
/// A component made by ``component(_:)`` is never empty, never `.` or `..`, never starts with a
/// dot or a dash, holds no `/`, `\`, NUL or other control or invisible formatting character, and
/// is at most ``maximumBytes`` bytes of UTF-8 (file systems allow 255). Letters and digits of any
/// script are kept, so names stay readable: the tag `img/rgb` becomes `img_rgb`.
///
/// The mapping loses information (`a/b` and `a_b` give the same component), so ``Registry``
/// makes the components in one directory unique.
enum SafeFileName {
    /// The longest component in bytes, leaving room for a `~N` suffix and an extension.
    static let maximumBytes = 120

    /// A safe file-name component for `name`.
    static func component(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            text.unicodeScalars.append(isSafe(scalar) ? scalar : "_")
        }
        // No hidden files, no `.`/`..`, nothing that looks like a command-line option.
        if let first = text.unicodeScalars.first, first == "." || first == "-" {
            text = "_" + text.dropFirst()
        }
        // Windows drops trailing dots and spaces; keep names the same everywhere.
        if let last = text.unicodeScalars.last, last == "." || last == " " {
            text = text.dropLast() + "_"
        }
        if text.isEmpty { text = "_" }
        if text.utf8.count > maximumBytes {
            // Cut at a character boundary and add a hash of the whole name, so long names that
            // share a beginning stay apart.
            let hash = "-" + hexFNV1a(name)
            var cut = ""
            for character in text {
                if cut.utf8.count + String(character).utf8.count > maximumBytes - hash.utf8.count { break }
                cut.append(character)
            }
            text = cut + hash
        }
        return text
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    /// 16 hex digits of the 64-bit FNV-1a hash of the name's UTF-8.
    private static func hexFNV1a(_ name: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Hands out unique components within each directory: the same name always gets the same
    /// component, and different names never share one, even on a case-insensitive file system.
    struct Registry {
        /// Directory key → lowercased component → the name it was given to.
        private var taken: [String: [String: String]] = [:]

        /// Reserves a component in a directory, for a file the exporter writes itself.
        mutating func reserve(_ component: String, in directory: String) {
            taken[directory, default: [:]][component.lowercased()] = "\u{0}reserved"
        }

        /// The component for `name` in `directory`: ``SafeFileName/component(_:)``, with `~2`,
        /// `~3`, ... added when another name already has it.
        mutating func component(for name: String, in directory: String) -> String {
            let base = SafeFileName.component(name)
            var candidate = base
            var number = 1
            while let owner = taken[directory]?[candidate.lowercased()], owner != name {
                number += 1
                candidate = base + "~\(number)"
            }
            taken[directory, default: [:]][candidate.lowercased()] = name
            return candidate
        }
    }
}
