/// The body S3 sends with an error status: `<Error><Code>NoSuchBucket</Code><Message>…</Message>
/// </Error>`, with `<Region>` when the bucket lives in another region.
struct S3ErrorDocument: Hashable, Sendable {
    var code: String
    var message: String
    var region: String?

    /// Reads `body`, or returns `nil` when it is not an S3 error document (an HTML page from a
    /// proxy, an empty HEAD response).
    init?(_ body: [UInt8]) {
        guard !body.isEmpty, let root = try? XMLTree.parse(body), root.name == "Error" else { return nil }
        code = ListObjectsV2Page.trimmed(root.value("Code") ?? "")
        message = ListObjectsV2Page.trimmed(root.value("Message") ?? "")
        region = root.value("Region").map(ListObjectsV2Page.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        guard !code.isEmpty else { return nil }
    }
}
