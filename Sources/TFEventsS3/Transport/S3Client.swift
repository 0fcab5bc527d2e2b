internal import Dispatch
internal import TFEvents

/// The S3 requests a log directory needs (list, head, ranged get), sent with retries, at most
/// ``S3Configuration/maxConcurrentRequests`` at once, to the right region.
///
/// A bucket in another region than the one configured answers with its region (the
/// `x-amz-bucket-region` header or `<Region>` in the error); the client then signs (and on AWS
/// sends) the request for that region, once, and remembers it for the bucket.
final class S3Client: Sendable {
    let configuration: S3Configuration
    let endpoint: S3Endpoint
    let retry: RetryPolicy
    private let session = CurlSession()
    private let permits: DispatchSemaphore
    private let regions = Locked<[String: String]>([:])

    init(configuration: S3Configuration) throws(S3Error) {
        self.configuration = configuration
        self.endpoint = try S3Endpoint(configuration: configuration)
        self.retry = RetryPolicy(maxAttempts: configuration.maxAttempts, baseDelay: configuration.retryDelay)
        self.permits = DispatchSemaphore(value: configuration.maxConcurrentRequests)
    }

    // MARK: Operations

    /// Every object whose key starts with `prefix`, page after page (1,000 keys a page).
    func listObjects(bucket: String, prefix: String) throws(S3Error) -> [ListObjectsV2Page.Object] {
        var objects: [ListObjectsV2Page.Object] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", prefix)]
            if let token { query.append(("continuation-token", token)) }
            let (response, label) = try send(.get, bucket: bucket, key: "", query: query)
            guard response.status == 200 else { throw failure(response, label: label, bucket: bucket, key: nil) }
            let page: ListObjectsV2Page
            do {
                page = try ListObjectsV2Page(xml: response.body)
            } catch {
                throw S3Error(.badResponse, request: label, status: 200, message: "a listing that cannot be read: \(error)")
            }
            objects += page.objects
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return objects
    }

    /// The object's size and ETag, or `nil` when there is no such object.
    func head(bucket: String, key: String) throws(S3Error) -> ObjectVersion? {
        let (response, label) = try send(.head, bucket: bucket, key: key)
        if response.status == 404 { return nil }
        guard response.status == 200 else { throw failure(response, label: label, bucket: bucket, key: key) }
        guard let length = response.header("content-length").flatMap({ Int64($0) }) else {
            throw S3Error(.badResponse, request: label, status: 200, message: "no Content-Length in the answer")
        }
        return ObjectVersion(etag: ListObjectsV2Page.bareETag(response.header("etag") ?? ""), size: length)
    }

    /// What a ranged GET of one version gave.
    enum RangeResult {
        case bytes([UInt8])
        /// The object is no longer `version` (HTTP 412 to `If-Match`).
        case changed
        /// The object is gone.
        case missing
    }

    /// Bytes `offset..<offset + count` of `version` of the object (fewer at its end).
    ///
    /// - Parameter permitHeld: Whether the caller already holds a request permit (a read-ahead).
    func getRange(
        bucket: String, key: String, version: ObjectVersion, offset: Int64, count: Int, permitHeld: Bool = false
    ) throws(S3Error) -> RangeResult {
        var headers: [(name: String, value: String)] = [("Range", "bytes=\(offset)-\(offset + Int64(count) - 1)")]
        if !version.etag.isEmpty { headers.append(("If-Match", "\"\(version.etag)\"")) }
        let (response, label) = try send(
            .get, bucket: bucket, key: key, headers: headers, maximumBodySize: count, permitHeld: permitHeld)
        switch response.status {
        case 206:
            let start = response.header("content-range").flatMap(Self.rangeStart)
            guard start == nil || start == offset else {
                throw S3Error(.badResponse, request: label, status: 206, message: "the answer holds other bytes than asked")
            }
            return .bytes(response.body)
        case 200 where offset == 0:
            // A server that ignores Range sends the object from its start; its first bytes are the ones asked.
            return .bytes(Array(response.body.prefix(count)))
        case 412: return .changed
        case 416: return .bytes([])
        case 404: return .missing
        default: throw failure(response, label: label, bucket: bucket, key: key)
        }
    }

    /// `123` of `bytes 123-456/789`.
    private static func rangeStart(_ header: String) -> Int64? {
        guard header.hasPrefix("bytes ") else { return nil }
        return header.dropFirst(6).split(separator: "-").first.flatMap { Int64($0) }
    }

    /// Takes a request slot if one is free now, for a read-ahead (which must never make a read wait).
    func reservePermit() -> Bool {
        permits.wait(timeout: .now()) == .success
    }

    /// Frees a slot taken by ``reservePermit()``.
    func releasePermit() {
        permits.signal()
    }

    // MARK: Sending

    /// Sends a request with retries and the bucket's region; returns the last answer (of any
    /// status that is not worth retrying) and the request's label.
    private func send(
        _ method: HTTPRequest.Method, bucket: String, key: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], maximumBodySize: Int = 64 << 20, permitHeld: Bool = false
    ) throws(S3Error) -> (HTTPResponse, String) {
        var region = regions.withLock { $0[bucket] } ?? configuration.region
        var followedRegion = false
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPRequest(
                method: method, url: endpoint.url(bucket: bucket, key: key, query: query, region: region), headers: headers)
            request.maximumBodySize = max(maximumBodySize, 1 << 20)
            request.connectTimeout = configuration.connectTimeout
            request.stallTimeout = configuration.stallTimeout
            if configuration.signsRequests {
                guard let credentials = configuration.credentials else {
                    throw S3Error(
                        .noCredentials, request: request.label,
                        message: "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile "
                            + "in ~/.aws/credentials (AWS_PROFILE), or AWS_NO_SIGN_REQUEST=YES for a public bucket")
                }
                request.signing = HTTPRequest.Signing(region: region, credentials: credentials)
            }
            if !permitHeld { permits.wait() }
            let result = session.perform(request)
            if !permitHeld { permits.signal() }

            let response: HTTPResponse
            switch result {
            case .failure(let failure):
                if RetryPolicy.isRetryable(failure) && attempt < retry.maxAttempts {
                    Environment.sleep(seconds: retry.delay(after: attempt))
                    continue
                }
                let tries = attempt > 1 ? ", after \(attempt) attempts" : ""
                throw S3Error(.noAnswer, request: request.label, message: "no answer: \(failure.message)\(tries)")
                    .redacting(configuration.secrets)
            case .success(let answer):
                response = answer
            }
            if response.status < 300 || [304, 404, 412, 416].contains(response.status) {
                return (response, request.label)
            }
            let document = S3ErrorDocument(response.body)
            // The bucket lives elsewhere: sign (and on AWS send) for its region, once.
            if let other = response.header("x-amz-bucket-region") ?? document?.region, other != region,
                !followedRegion, [301, 307, 400, 403].contains(response.status)
            {
                followedRegion = true
                region = other
                regions.withLock { $0[bucket] = other }
                attempt -= 1
                continue
            }
            if RetryPolicy.isRetryable(status: response.status, code: document?.code) && attempt < retry.maxAttempts {
                Environment.sleep(seconds: retry.delay(after: attempt))
                continue
            }
            if RetryPolicy.isRetryable(status: response.status, code: document?.code) && attempt > 1 {
                var error = failure(response, label: request.label, bucket: bucket, key: key.isEmpty ? nil : key)
                error.kind = .unavailable
                error.message += ", after \(attempt) attempts"
                throw error
            }
            return (response, request.label)
        }
    }

    /// The error an answer with a failing status stands for, in a line people can act on.
    func failure(_ response: HTTPResponse, label: String, bucket: String, key: String?) -> S3Error {
        let document = S3ErrorDocument(response.body)
        let code = document?.code
        let detail = document.map { $0.code + ($0.message.isEmpty ? "" : ": " + $0.message) }
        let kind: S3Error.Kind
        var message: String
        switch (response.status, code) {
        case (404, "NoSuchBucket"):
            kind = .noSuchBucket
            message = detail ?? "no such bucket: \(bucket)"
        case (404, nil) where key == nil:
            kind = .noSuchBucket
            message = "no such bucket: \(bucket)"
        case (404, _):
            kind = .noSuchKey
            message = detail ?? "no such object"
        case (403, _), (401, _):
            kind = .accessDenied
            message = (detail ?? "access denied")
                + (configuration.signsRequests
                    ? " (signed with \(configuration.credentials?.description ?? "no credentials"))" : " (unsigned)")
        case (301, _), (307, _), (400, "AuthorizationHeaderMalformed"), (400, "IllegalLocationConstraintException"):
            kind = .wrongRegion
            let other = response.header("x-amz-bucket-region") ?? document?.region
            message = (detail ?? "the bucket is elsewhere")
                + (other.map { " (the bucket is in region \($0); set AWS_REGION=\($0))" } ?? "")
        case (500...599, _), (429, _):
            kind = .unavailable
            message = detail ?? "the server is unavailable"
        default:
            kind = .badResponse
            message = detail ?? "unexpected answer"
        }
        return S3Error(kind, request: label, status: response.status, message: message).redacting(configuration.secrets)
    }
}

/// A version of an object: its ETag (unquoted) and size.
struct ObjectVersion: Hashable, Sendable {
    var etag: String
    var size: Int64
}
