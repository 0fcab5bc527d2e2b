/// The shared AWS files, `~/.aws/credentials` and `~/.aws/config`, as the AWS CLI and SDKs read
/// them: INI sections of `key = value` lines.
///
/// - In `credentials` a section is named after its profile (`[default]`, `[work]`); in `config`
///   it is `[default]` or `[profile work]`. Other sections of `config` (`[sso-session …]`,
///   `[services …]`) are kept under their full name and not used here.
/// - A key with an empty value followed by indented lines is a subsection: `s3 =` then
///   `  addressing_style = path` is read as the key `s3.addressing_style`.
/// - Lines starting with `#` or `;` are comments; keys are case-sensitive, as in the AWS CLI.
struct AWSConfigFile: Hashable, Sendable {
    /// The settings of each section, by the section's name as written between the brackets.
    var sections: [String: [String: String]]

    /// Parses the text of a credentials or config file.
    init(parsing text: String) {
        var sections: [String: [String: String]] = [:]
        var section: String?
        var subsection: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            let isIndented = line.first == " " || line.first == "\t"
            let content = ListObjectsV2Page.trimmed(String(line))
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix(";") { continue }
            if content.hasPrefix("[") {
                guard content.hasSuffix("]") else {
                    section = nil
                    continue
                }
                let name = ListObjectsV2Page.trimmed(String(content.dropFirst().dropLast()))
                section = name
                subsection = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let current = section, let equals = content.firstIndex(of: "=") else { continue }
            let key = ListObjectsV2Page.trimmed(String(content[..<equals]))
            let value = ListObjectsV2Page.trimmed(String(content[content.index(after: equals)...]))
            if isIndented, let parent = subsection {
                sections[current]?[parent + "." + key] = value
            } else if value.isEmpty {
                subsection = key
            } else {
                subsection = nil
                sections[current]?[key] = value
            }
        }
        self.sections = sections
    }

    /// Reads the file at `path`; an empty file when it cannot be read.
    init(path: String) {
        self.init(parsing: Environment.readTextFile(path) ?? "")
    }

    /// The settings of `profile` in a credentials file (`[NAME]`).
    func credentialsProfile(_ profile: String) -> [String: String]? {
        sections[profile]
    }

    /// The settings of `profile` in a config file (`[profile NAME]`, or `[default]`).
    func configProfile(_ profile: String) -> [String: String]? {
        if profile == "default", let settings = sections["default"] { return settings }
        return sections["profile " + profile]
    }
}
