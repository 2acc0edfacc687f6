public import Foundation

/// How long to wait before retrying a request the wiki could not serve now (maxlag, 429/503,
/// `ratelimited`, `readonly`, a dropped read): the server's `Retry-After` when it gives one, else
/// exponential backoff with jitter, never above ``cap``, at most ``maxAttempts`` tries.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The first backoff delay in seconds (doubled on each try).
    public var base: Double
    /// No single wait is longer than this, in seconds.
    public var cap: Double
    /// The `maxlag` parameter sent with every request, in seconds.
    public var maxlag: Int

    /// The policy of Wikimedia's API etiquette: maxlag 5, up to 15 tries, waits capped at 120 s.
    public init(maxAttempts: Int = 15, base: Double = 2, cap: Double = 120, maxlag: Int = 5) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
        self.maxlag = maxlag
    }

    /// The wait before try `attempt + 1` after try `attempt` (1-based) failed. A `Retry-After`
    /// is honoured (at least that long, capped); otherwise `base·2^(attempt-1)` scaled by a
    /// jitter factor in 0.5…1 (`jitter` is a number in 0…1).
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        if let retryAfter, retryAfter >= 0 { return min(max(retryAfter, 0), cap) }
        let exponential = base * pow(2, Double(max(0, attempt - 1)))
        return min(cap, exponential) * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }

    /// Reads a `Retry-After` header: seconds, or an HTTP date.
    public static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: header).map { max(0, $0.timeIntervalSince(now)) }
    }
}
