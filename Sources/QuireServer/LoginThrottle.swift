import Foundation

/// Limits failed logins: after a key's ``Key/limit`` failures within ``window`` (five for an
/// account name; twenty for a client address, which behind a reverse proxy is everyone's), its
/// further attempts are refused until the window has passed.
actor LoginThrottle {
    /// What failures are counted against.
    enum Key: Hashable {
        case name(String)
        case client(String)

        /// Failures allowed within the window.
        var limit: Int {
            switch self {
            case .name: 5
            case .client: 20
            }
        }
    }

    static let window: TimeInterval = 60
    /// How many keys are kept before those without recent failures are forgotten.
    static let keptKeys = 10_000

    private var failures: [Key: [Date]] = [:]
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date = Date.init) { self.clock = clock }

    /// Seconds to wait before `keys` may try again; 0 when they may try now.
    func waitBeforeAttempt(_ keys: [Key]) -> Int {
        let now = clock()
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= key.limit, let oldest = recent.first {
                wait = max(wait, Self.window - now.timeIntervalSince(oldest))
            }
        }
        return Int(wait.rounded(.up))
    }

    /// Counts a failed attempt against every key. Keys whose failures are all older than the
    /// window are forgotten once many are kept, so that guessing names cannot fill the memory.
    func recordFailure(_ keys: [Key]) {
        let now = clock()
        if failures.count > Self.keptKeys {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
        }
        for key in keys { failures[key, default: []].append(now) }
    }

    /// Forgets an account's failures after a successful login.
    func recordSuccess(_ keys: [Key]) {
        for key in keys { failures[key] = nil }
    }
}
