import Foundation
import TFEvents

/// Writes encoded images and audio clips as files below one directory,
/// `DIR/<run>/<tag>/<step>[_<index>].<ext>`, and lists them in `DIR/images.csv` and
/// `DIR/audio.csv`.
///
/// Run names and tags come from the files being read, so they are treated as hostile: each
/// becomes one ``SafeFileName`` component (a tag `../../x` becomes `_._.._x`), components are
/// unique within their directory, and nothing is written through a symbolic link below `DIR`:
/// directories are checked with `lstat` and files are opened with `O_NOFOLLOW`. The extension
/// comes from the file's own bytes (`png`, `jpg`, `gif`, `webp`, `bmp`, `wav`, or `bin` when
/// unknown), never from the tag.
///
/// `DIR` itself may exist and may be a link; files of the same names are replaced.
final class MediaExporter {
    /// The directory, as given.
    let directory: String
    /// The directory's real path, which every file is below.
    let root: String
    private var registry = SafeFileName.Registry()
    private var checkedDirectories: Set<String> = []
    /// Tag directory → lowercased file names used in it.
    private var usedNames: [String: Set<String>] = [:]
    /// The list of each kind of file, made when the first file of that kind is written.
    private var indexes: [Media: ByteOutput] = [:]
    /// The number of files written, by kind.
    private(set) var counts: [Media: Int] = [:]

    /// What the files hold.
    enum Media: CaseIterable {
        case images, audio

        /// The file listing them, in the export directory.
        var indexName: String {
            switch self {
            case .images: "images.csv"
            case .audio: "audio.csv"
            }
        }

        /// What a file of this kind is called in messages.
        var noun: String {
            switch self {
            case .images: "image file"
            case .audio: "audio file"
            }
        }

        /// The listing's columns; those between `index` and `file` are the ``write`` call's `details`.
        var indexColumns: [String] {
            switch self {
            case .images: ["run", "tag", "step", "wall_time", "index", "width", "height", "file"]
            case .audio: ["run", "tag", "step", "wall_time", "index", "sample_rate", "channels", "frames", "file"]
            }
        }
    }

    /// Creates `directory` (and its parents) if needed.
    init(directory: String) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(directory): cannot create the export directory: \(error.localizedDescription)")
        }
        do throws(SystemCallFailure) {
            root = try FileSystem.resolvedPath(directory)
        } catch {
            throw CommandFailure("\(directory): cannot resolve the export directory: \(error.reason)")
        }
        for media in Media.allCases { registry.reserve(media.indexName, in: "") }
    }

    /// Writes the files of one point: `<step>.<ext>` for a single file, `<step>_<i>.<ext>` for
    /// each of a batch (`_-3.png` for a negative step); a name already used in this export gets
    /// `~2`, `~3`, ... `details` gives the listing's middle columns for the file at each index.
    func write(
        _ media: Media, run: String, tag: String, step: Int64, wallTime: Double, files: [[UInt8]],
        details: (Int) -> [String]
    ) throws {
        let index = try self.index(media)
        let runComponent = registry.component(for: run, in: "")
        let tagComponent = registry.component(for: tag, in: runComponent)
        let relativeDirectory = runComponent + "/" + tagComponent
        try makeDirectory(runComponent)
        try makeDirectory(relativeDirectory)
        for (number, bytes) in files.enumerated() {
            // Digits, `-` and `_` only; a negative step gets a leading `_` so no name starts with `-`.
            let plain = files.count == 1 ? "\(step)" : "\(step)_\(number)"
            let stem = step < 0 ? "_" + plain : plain
            let fileExtension = Self.fileExtension(bytes)
            var name = stem + "." + fileExtension
            var copy = 1
            while usedNames[relativeDirectory, default: []].contains(name.lowercased()) {
                copy += 1
                name = stem + "~\(copy)." + fileExtension
            }
            usedNames[relativeDirectory, default: []].insert(name.lowercased())
            let relativePath = relativeDirectory + "/" + name
            try writeFile(relativePath, bytes, noun: media.noun)
            counts[media, default: 0] += 1
            try index.write(
                CSV.line(
                    [run, tag, String(step), NumberFormatting.exact(wallTime), String(number)] + details(number)
                        + [relativePath]))
        }
    }

    /// The listing of `media`, made (with its header) on first use.
    private func index(_ media: Media) throws -> ByteOutput {
        if let index = indexes[media] { return index }
        let index = try ByteOutput(creatingFile: root + "/" + media.indexName)
        try index.write(CSV.line(media.indexColumns))
        indexes[media] = index
        return index
    }

    /// Finishes the listings; an export that asked for a kind lists it even when it wrote none.
    func close(listing media: [Media]) throws {
        for kind in media { _ = try index(kind) }
        for index in indexes.values { try index.close() }
    }

    /// The extension for an encoded file, from its signature.
    static func fileExtension(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "webp"
        }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WAVE".utf8) {
            return "wav"
        }
        if bytes.starts(with: Array("BM".utf8)) { return "bmp" }
        return "bin"
    }

    /// Creates `root/relative` unless it exists as a real directory (not a link).
    private func makeDirectory(_ relative: String) throws {
        guard !checkedDirectories.contains(relative) else { return }
        let path = root + "/" + relative
        do throws(FileSystem.DirectoryFailure) {
            try FileSystem.createDirectoryNotFollowingLinks(path)
        } catch .cannotCreate(let failure) {
            throw CommandFailure("\(path): cannot create the directory: \(failure.reason)")
        } catch .notADirectory {
            throw CommandFailure("\(path): exists and is not a directory (a link or a file); not writing through it")
        }
        checkedDirectories.insert(relative)
    }

    private func writeFile(_ relative: String, _ bytes: [UInt8], noun: String) throws {
        let path = root + "/" + relative
        let file: OutputFile
        do throws(SystemCallFailure) {
            file = try OutputFile(creatingOrTruncating: path, followingLinks: false)
        } catch {
            throw CommandFailure("\(path): cannot create the \(noun): \(error.reason)")
        }
        defer { try? file.close() }
        do throws(SystemCallFailure) {
            try file.write(bytes)
        } catch {
            throw CommandFailure("\(path): cannot write the \(noun): \(error.reason)")
        }
    }
}
