import Foundation

/// Limits failed logins: after ``maximumFailures`` failures within ``window`` for one account
/// name or one client address, further attempts for it are refused until the window passes.
actor LoginThrottle {
    static let maximumFailures = 5
    static let window: TimeInterval = 60

    private var failures: [String: [Date]] = [:]
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date = Date.init) { self.clock = clock }

    /// Seconds to wait before `keys` may try again; 0 when they may try now.
    func waitBeforeAttempt(_ keys: [String]) -> Int {
        let now = clock()
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            failures[key] = recent
            if recent.count >= Self.maximumFailures, let oldest = recent.first {
                wait = max(wait, Self.window - now.timeIntervalSince(oldest))
            }
        }
        return Int(wait.rounded(.up))
    }

    /// Counts a failed attempt against every key. Keys whose failures are all older than the
    /// window are forgotten once many are kept, so that guessing names cannot fill the memory.
    func recordFailure(_ keys: [String]) {
        let now = clock()
        if failures.count > Self.keptKeys {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
        }
        for key in keys { failures[key, default: []].append(now) }
    }

    /// How many keys are kept before old ones are forgotten.
    static let keptKeys = 10_000

    /// Forgets an account's failures after a successful login.
    func recordSuccess(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }
}
