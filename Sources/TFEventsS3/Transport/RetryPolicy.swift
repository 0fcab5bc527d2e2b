/// Which failures are worth another attempt, and how long to wait before it.
///
/// As the AWS SDKs' standard mode: 500, 502, 503 and 504, 429, S3's throttling and time-out
/// codes, and requests that got no answer are retried, after an exponentially growing delay with
/// jitter (so that many readers throttled together do not come back together).
struct RetryPolicy: Sendable {
    var maxAttempts: Int
    /// The first delay; each later one doubles, up to ``maximumDelay``.
    var baseDelay: Double
    var maximumDelay: Double = 5

    /// Whether an answer with `status` (and S3 error `code`) is worth retrying.
    static func isRetryable(status: Int, code: String?) -> Bool {
        if [500, 502, 503, 504, 429].contains(status) { return true }
        guard let code else { return false }
        return [
            "SlowDown", "Throttling", "ThrottlingException", "RequestThrottled", "RequestLimitExceeded",
            "RequestTimeout", "InternalError", "ServiceUnavailable",
        ].contains(code)
    }

    /// Whether a request that got no answer is worth retrying.
    static func isRetryable(_ failure: TransportFailure) -> Bool {
        !failure.bodyTooLarge
    }

    /// The delay before attempt `attempt + 1` (attempts counted from 1), with `jitter` in 0...1.
    func delay(after attempt: Int, jitter: Double = Double.random(in: 0...1)) -> Double {
        let exponential = baseDelay * Double(1 << min(attempt - 1, 20))
        return min(maximumDelay, exponential) * (0.5 + 0.5 * jitter)
    }
}
