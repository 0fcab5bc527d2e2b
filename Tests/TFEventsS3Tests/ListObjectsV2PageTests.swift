import Testing

@testable import TFEventsS3

@Suite struct ListObjectsV2PageTests {
    private func page(_ xml: String) throws -> ListObjectsV2Page {
        try ListObjectsV2Page(xml: Array(xml.utf8))
    }

    @Test func readsKeysSizesAndETags() throws {
        let listing = try page(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>logs</Name><Prefix>exp/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
              <IsTruncated>false</IsTruncated>
              <Contents><Key>exp/a/events.out.tfevents.1</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>
                <ETag>&quot;0123abcd&quot;</ETag><Size>1234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>exp/b/</Key><ETag>&#34;d41d8cd9-2&#34;</ETag><Size>0</Size></Contents>
            </ListBucketResult>
            """)
        #expect(!listing.isTruncated)
        #expect(listing.nextContinuationToken == nil)
        #expect(
            listing.objects == [
                .init(key: "exp/a/events.out.tfevents.1", size: 1234, etag: "0123abcd"),
                .init(key: "exp/b/", size: 0, etag: "d41d8cd9-2"),
            ])
    }

    @Test func continuationTokenOfATruncatedPage() throws {
        let listing = try page(
            """
            <ListBucketResult><IsTruncated>true</IsTruncated>
            <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
            <Contents><Key>k</Key><Size>1</Size><ETag>"e"</ETag></Contents></ListBucketResult>
            """)
        #expect(listing.isTruncated)
        #expect(listing.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func truncatedWithoutTokenIsAnError() {
        #expect(throws: XMLTree.Failure.self) {
            try page("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
        }
    }

    @Test func unescapesKeys() throws {
        let listing = try page(
            """
            <ListBucketResult><Contents><Key>a &amp; b/&lt;run&gt;/&apos;x&apos;/&#xFC;&#252;<![CDATA[&raw]]></Key>
            <Size>5</Size><ETag>"e"</ETag></Contents></ListBucketResult>
            """)
        #expect(listing.objects.map(\.key) == ["a & b/<run>/'x'/üü&raw"])
    }

    @Test func decodesURLEncodedKeys() throws {
        let listing = try page(
            """
            <ListBucketResult><EncodingType>url</EncodingType><Contents><Key>run+1/a%2Bb%C3%BC</Key>
            <Size>5</Size><ETag>"e"</ETag></Contents></ListBucketResult>
            """)
        #expect(listing.objects.map(\.key) == ["run 1/a+bü"])
    }

    @Test func rejectsOtherDocuments() {
        #expect(throws: XMLTree.Failure.self) { try page("<Error><Code>AccessDenied</Code></Error>") }
        #expect(throws: XMLTree.Failure.self) { try page("<ListBucketResult><Contents><Key>k</Key></Contents>") }
        #expect(throws: XMLTree.Failure.self) { try page("<ListBucketResult><Contents><Key>k</Key></Contents></ListBucketResult>") }
        #expect(throws: XMLTree.Failure.self) { try page("not xml") }
    }

    @Test func errorDocumentsGiveCodeMessageAndRegion() throws {
        let document = try #require(
            S3ErrorDocument(
                Array(
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Error><Code>AuthorizationHeaderMalformed</Code><Message>the region 'us-east-1' is wrong; \
                    expecting 'eu-west-3'</Message><Region>eu-west-3</Region><RequestId>1</RequestId></Error>
                    """.utf8)))
        #expect(document.code == "AuthorizationHeaderMalformed")
        #expect(document.region == "eu-west-3")
        #expect(document.message.hasPrefix("the region"))
        #expect(S3ErrorDocument(Array("<html>502 Bad Gateway</html>".utf8)) == nil)
        #expect(S3ErrorDocument([]) == nil)
    }

    @Test func bareETags() {
        #expect(ListObjectsV2Page.bareETag("\"abc\"") == "abc")
        #expect(ListObjectsV2Page.bareETag("W/\"abc-2\"") == "abc-2")
        #expect(ListObjectsV2Page.bareETag(" abc ") == "abc")
    }
}
