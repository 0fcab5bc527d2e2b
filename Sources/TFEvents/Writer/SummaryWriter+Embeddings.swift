extension SummaryWriter {
    /// Saves an embedding, a matrix of `N` points in `D` dimensions, for TensorBoard's PROJECTOR
    /// tab, with an optional label per point and an optional thumbnail per point.
    ///
    /// ```swift
    /// try writer.addEmbedding("words", vectors, labels: words, step: epoch)
    /// try writer.addEmbedding("digits", features, labels: digits.map(String.init), labelImages: thumbnails)
    /// ```
    ///
    /// The projector reads files, not events. They are laid out as tensorboardX lays them out
    /// (EventFileFormat.md §7.10), in this writer's run directory:
    /// `<step, 5 digits>/<tag>/tensors.tsv` (the points), `metadata.tsv` (the labels) and
    /// `sprite.png` (the thumbnails in a square grid), plus an `embeddings` block naming them in
    /// the run's `projector_config.pbtxt`. The embedding is listed as `<tag>:<step, 5 digits>`,
    /// such as `words:00003`. The tag is percent-encoded into one directory name, so any tag
    /// stays inside the run directory, where the projector requires the files to be.
    ///
    /// **Several embeddings** of one run each add their own block to the configuration. The
    /// file is replaced in one step (written beside it, then renamed over it), under an
    /// exclusive `flock` on the run directory that every writer of this library takes, so
    /// concurrent writers, in one process or several, never lose each other's blocks and a
    /// reader never sees half a file. (A tensorboardX writer appending to the same file at the
    /// same moment takes no lock, and its block can be lost.) Each tag and step can be written
    /// once per run; a second time throws, whichever writer made the first.
    ///
    /// TensorBoard's projector reads the configurations when it first lists the runs and again
    /// only when the set of runs changes: an embedding added to a run that a running
    /// TensorBoard has already read appears after a restart of TensorBoard, or once a new run
    /// appears.
    ///
    /// - Parameters:
    ///   - tag: The embedding's name; not empty.
    ///   - matrix: The points, one row each, all of the same length; of any floating-point
    ///     type. The projector reads 32-bit floats: every value must be finite as one.
    ///   - labels: One label per point (a single metadata column, written without a header),
    ///     or `nil`. Any text: tabs, line breaks and backslashes are escaped (`\t`, `\n`, `\r`,
    ///     `\\`) so that each label stays one cell.
    ///   - labelImages: One image per point, all of the same size and given as pixels, shown as
    ///     the points' thumbnails; or `nil`.
    ///   - step: The step, part of the embedding's name and directory; 0 by default.
    /// - Throws: ``SummaryWriterError`` with kind `invalidInput` for an empty tag or matrix, rows
    ///   of different lengths, a value that is not finite as a 32-bit float, labels or images
    ///   whose count is not the number of points, images of different sizes or given as encoded
    ///   files, a sprite larger than the projector's 8192 × 8192 pixels, a tag and step already
    ///   written in this run, or a step outside the 64-bit range (nothing is written then). With
    ///   kind `io` when a file cannot be written (what was written of this embedding is
    ///   removed). Also when the writer is closed, or when an earlier flush failed.
    public func addEmbedding<Element: BinaryFloatingPoint>(
        _ tag: String, _ matrix: [[Element]], labels: [String]? = nil, labelImages: [ImageData]? = nil,
        step: some BinaryInteger = Int64(0)
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try Self.checkEmbeddingTag(tag)
        let tensor = try EmbeddingTSV.tensor(matrix, tag: tag)
        try recordEmbedding(
            tag, tensor: tensor, metadata: labels.map { [("label", $0)] }, labelImages: labelImages, step: step)
    }

    /// Saves an embedding with several metadata columns, which the projector offers for
    /// labelling, coloring and searching the points.
    ///
    /// ```swift
    /// try writer.addEmbedding(
    ///     "words", vectors, metadata: [("word", words), ("frequency", counts.map(String.init))], step: epoch)
    /// ```
    ///
    /// With two columns or more, `metadata.tsv` starts with a header line of the column names.
    /// A single column is written without one, as in
    /// ``addEmbedding(_:_:labels:labelImages:step:)``: the projector takes a first line that
    /// holds a tab as the header, and names a single column `label` whatever it was called.
    ///
    /// - Parameters:
    ///   - tag: The embedding's name; not empty.
    ///   - matrix: The points, one row each, all of the same length; of any floating-point
    ///     type, each value finite as a 32-bit float.
    ///   - metadata: The columns, each a name and one value per point, in the order shown;
    ///     names must differ. Values and names are escaped like labels.
    ///   - labelImages: One image per point, all of the same size and given as pixels; or `nil`.
    ///   - step: The step, part of the embedding's name and directory; 0 by default.
    /// - Throws: As ``addEmbedding(_:_:labels:labelImages:step:)``, and when there is no
    ///   column, a column's length is not the number of points, or two columns share a name.
    public func addEmbedding<Element: BinaryFloatingPoint>(
        _ tag: String, _ matrix: [[Element]], metadata: [(name: String, values: [String])],
        labelImages: [ImageData]? = nil, step: some BinaryInteger = Int64(0)
    ) throws(SummaryWriterError) {
        let step = try Self.eventStep(step)
        try Self.checkEmbeddingTag(tag)
        let tensor = try EmbeddingTSV.tensor(matrix, tag: tag)
        try recordEmbedding(tag, tensor: tensor, metadata: metadata, labelImages: labelImages, step: step)
    }

    private static func checkEmbeddingTag(_ tag: String) throws(SummaryWriterError) {
        guard !tag.isEmpty else { throw .invalidInput("an embedding needs a tag, but the tag given is empty") }
        try checkTag(tag)
    }

    /// The one embedding path: checks and encodes everything, then writes the files and the
    /// configuration block.
    private func recordEmbedding(
        _ tag: String, tensor: (bytes: [UInt8], rows: Int, columns: Int),
        metadata: [(name: String, values: [String])]?, labelImages: [ImageData]?, step: Int64
    ) throws(SummaryWriterError) {
        var files: [(name: String, bytes: [UInt8])] = [(EmbeddingFiles.tensorFile, tensor.bytes)]
        if let metadata {
            let bytes = try EmbeddingTSV.metadata(metadata, rows: tensor.rows, tag: tag)
            files.append((EmbeddingFiles.metadataFile, bytes))
        }
        var sprite: SpriteSheet?
        if let labelImages {
            guard labelImages.count == tensor.rows else {
                throw .invalidInput(
                    "embedding '\(tag)' has \(tensor.rows) points but \(labelImages.count) label images; "
                        + "give one image per point")
            }
            let sheet = try SpriteSheet(labelImages, tag: tag)
            let encoder = PNGEncoder(compressionLevel: options.imageCompressionLevel)
            let png = try encoder.encode(
                pixels: sheet.pixels, width: sheet.width, height: sheet.height, channels: sheet.channels)
            files.append((EmbeddingFiles.spriteFile, png))
            sprite = sheet
        }
        // The same rule as every other call: a closed writer, or a failed background flush, throws.
        try append { _ in }

        let stepName = EmbeddingFiles.stepDirectory(step)
        let tagName = EmbeddingFiles.tagDirectory(tag)
        let relative = stepName + "/" + tagName
        let directory = FileSystem.join(FileSystem.join(logdir, stepName), tagName)
        do throws(FileDescriptor.Failure) {
            try FileSystem.createDirectories(FileSystem.join(logdir, stepName))
            try FileSystem.createDirectoryExclusively(directory)
        } catch where error.isAlreadyExists {
            throw SummaryWriterError(
                .invalidInput(
                    "embedding '\(tag)' at step \(step) was already written in this run; "
                        + "each tag and step can be written once"),
                path: directory)
        } catch {
            throw SummaryWriterError(error, path: directory)
        }
        // What was written of an embedding that failed is removed, so that it can be tried again.
        var written: [String] = []
        func removeWritten() {
            for path in written { FileSystem.removeFile(path) }
            FileSystem.removeEmptyDirectory(directory)
        }
        do throws(FileDescriptor.Failure) {
            for (name, bytes) in files {
                let path = FileSystem.join(directory, name)
                try FileSystem.writeNewFile(path, bytes)
                written.append(path)
            }
        } catch {
            removeWritten()
            throw SummaryWriterError(error, path: directory)
        }

        let block = ProjectorEmbedding(
            tensorName: EmbeddingFiles.tensorName(tag: tag, step: step),
            tensorPath: relative + "/" + EmbeddingFiles.tensorFile, rows: tensor.rows, columns: tensor.columns,
            metadataPath: metadata == nil ? nil : relative + "/" + EmbeddingFiles.metadataFile,
            sprite: sprite.map {
                .init(imagePath: relative + "/" + EmbeddingFiles.spriteFile, width: $0.cellWidth, height: $0.cellHeight)
            })
        do {
            try appendProjectorBlock(block)
        } catch {
            removeWritten()
            throw error
        }
    }

    /// Adds `block` to the run's `projector_config.pbtxt`: read, extend and replace the file
    /// under the run directory's lock, so that no block of a concurrent writer is lost.
    private func appendProjectorBlock(_ block: ProjectorEmbedding) throws(SummaryWriterError) {
        let path = FileSystem.join(logdir, EmbeddingFiles.configFile)
        do throws(FileDescriptor.Failure) {
            try FileSystem.withDirectoryLocked(logdir.isEmpty ? "." : logdir) { () throws(FileDescriptor.Failure) in
                var contents = try FileSystem.contentsOfFile(path) ?? []
                // A file someone edited by hand may lack its last newline; the block starts a line.
                if let last = contents.last, last != UInt8(ascii: "\n") { contents.append(UInt8(ascii: "\n")) }
                contents.append(contentsOf: block.textFormat.utf8)
                let suffix = ".\(ProcessInfo.processID).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp"
                try FileSystem.replaceFile(path, with: contents, temporarySuffix: suffix)
            }
        } catch {
            throw SummaryWriterError(error, path: path)
        }
    }
}
