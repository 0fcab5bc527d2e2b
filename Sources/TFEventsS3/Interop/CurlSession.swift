internal import CCurl
internal import Dispatch
internal import Glibc

/// Sends HTTP requests with libcurl, signing them with curl's built-in AWS Signature Version 4
/// (`CURLOPT_AWS_SIGV4`). The only file that sees curl.
///
/// Easy handles are kept in a pool and reused, so their connections (and TLS sessions) are too;
/// each request takes one for the time it runs on the calling thread, so as many requests are in
/// flight as threads send them (``S3Client`` bounds that).
final class CurlSession: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`; a handle is used by one thread at a time.
    private var idle: [UnsafeMutableRawPointer] = []
    private let lock = DispatchSemaphore(value: 1)

    init() {}

    deinit {
        guard let curl = ccurl() else { return }
        for handle in idle { ccurl_easy_cleanup(curl, handle) }
    }

    /// Sends `request` and waits for the whole answer.
    func perform(_ request: HTTPRequest) -> Result<HTTPResponse, TransportFailure> {
        // libcurl is loaded (and `curl_global_init` called) once per process, at the first request.
        guard let functions = ccurl() else {
            return .failure(TransportFailure(code: -1, message: String(cString: ccurl_failure())))
        }
        guard let handle = takeHandle(functions) else {
            return .failure(TransportFailure(code: -1, message: "curl_easy_init failed"))
        }
        defer { returnHandle(handle) }
        let exchange = Exchange(maximumBodySize: request.maximumBodySize)
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { ccurl_slist_free_all(functions, headerList) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        ccurl_easy_reset(functions, handle)
        ccurl_setopt_string(functions, handle, CURLOPT_URL, request.url)
        ccurl_setopt_long(functions, handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(functions, handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_string(functions, handle, CURLOPT_USERAGENT, "swift-tfevents")
        ccurl_setopt_long(functions, handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeout * 1000))
        // A transfer that sends nothing for the stall time is given up (and retried by the client).
        ccurl_setopt_long(functions, handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        ccurl_setopt_long(functions, handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(request.stallTimeout)))
        if request.method == .head {
            ccurl_setopt_long(functions, handle, CURLOPT_NOBODY, 1)
        } else {
            ccurl_setopt_long(functions, handle, CURLOPT_HTTPGET, 1)
        }
        var headers = request.headers
        if let signing = request.signing {
            // S3 wants the payload's hash signed; a GET or HEAD has none, and this is the hash of nothing.
            headers.append(("x-amz-content-sha256", Self.emptyPayloadHash))
            if let token = signing.credentials.sessionToken { headers.append(("x-amz-security-token", token)) }
            ccurl_setopt_string(functions, handle, CURLOPT_AWS_SIGV4, "aws:amz:\(signing.region):s3")
            ccurl_setopt_string(functions, handle, CURLOPT_USERNAME, signing.credentials.accessKeyID)
            ccurl_setopt_string(functions, handle, CURLOPT_PASSWORD, signing.credentials.secretAccessKey)
        }
        for (name, value) in headers { headerList = ccurl_slist_append(functions, headerList, "\(name): \(value)") }
        // An empty `Expect:` or `Accept:` would be sent as is; none is needed for GET and HEAD.
        ccurl_setopt_headers(functions, handle, headerList)
        ccurl_setopt_callback(functions, handle, CURLOPT_WRITEFUNCTION, Self.receiveBody)
        ccurl_setopt_pointer(functions, handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_callback(functions, handle, CURLOPT_HEADERFUNCTION, Self.receiveHeader)
        ccurl_setopt_pointer(functions, handle, CURLOPT_HEADERDATA, context)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            ccurl_setopt_pointer(functions, handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            defer { ccurl_setopt_pointer(functions, handle, CURLOPT_ERRORBUFFER, nil) }
            return withExtendedLifetime(exchange) { ccurl_easy_perform(functions, handle) }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: ccurl_easy_strerror(functions, code)) : detail
            return .failure(
                TransportFailure(
                    code: Int(code.rawValue), message: message + " (curl error \(code.rawValue))",
                    bodyTooLarge: exchange.overflowed))
        }
        var status = 0
        ccurl_getinfo_long(functions, handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: exchange.headers, body: exchange.body))
    }

    /// SHA-256 of no bytes.
    static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    private func takeHandle(_ functions: UnsafePointer<ccurl_functions>) -> UnsafeMutableRawPointer? {
        lock.wait()
        let handle = idle.popLast()
        lock.signal()
        return handle ?? ccurl_easy_init(functions)
    }

    private func returnHandle(_ handle: UnsafeMutableRawPointer) {
        lock.wait()
        idle.append(handle)
        lock.signal()
    }

    /// What one transfer received, filled in by curl's callbacks on the sending thread.
    private final class Exchange {
        let maximumBodySize: Int
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        var overflowed = false

        init(maximumBodySize: Int) {
            self.maximumBodySize = maximumBodySize
        }
    }

    private static let receiveBody: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard exchange.body.count + length <= exchange.maximumBodySize else {
            exchange.overflowed = true
            return 0  // curl stops the transfer with CURLE_WRITE_ERROR.
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            exchange.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        }
        return length
    }

    private static let receiveHeader: ccurl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let exchange = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A new response (after `100 Continue`, say): only the last one's headers count.
            exchange.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = ListObjectsV2Page.trimmed(String(line[..<colon])).lowercased()
            exchange.headers[name] = ListObjectsV2Page.trimmed(String(line[line.index(after: colon)...]))
        }
        return length
    }
}
