public import Foundation
public import QuireCore

/// A JSON object from the API (formatversion 2), held as Foundation values.
struct JSONObject: @unchecked Sendable {
    let value: [String: Any]
    subscript(_ key: String) -> Any? { value[key] }
    func object(_ key: String) -> JSONObject? { (value[key] as? [String: Any]).map(JSONObject.init) }
    func objects(_ key: String) -> [JSONObject] { (value[key] as? [[String: Any]] ?? []).map(JSONObject.init) }
    func string(_ key: String) -> String? { value[key] as? String }
    func int(_ key: String) -> Int? { (value[key] as? NSNumber)?.intValue ?? (value[key] as? String).flatMap { Int($0) } }
    func bool(_ key: String) -> Bool { (value[key] as? Bool) ?? ((value[key] as? NSNumber)?.boolValue ?? false) }
}

/// What one API call came to after the client's own retries.
enum APIOutcome: Sendable {
    /// A normal answer.
    case ok(JSONObject)
    /// The API's `error` (code and info), not one the client retries.
    case apiError(code: String, info: String)
    /// A write request got no answer: it may or may not have been saved.
    case noAnswer(String)
}

/// Something the client waited for, reported to the caller (for the log and for tests).
public struct APIWait: Sendable, Hashable {
    /// Why: `maxlag`, `ratelimited`, `readonly`, `http 503`, `no answer`.
    public var reason: String
    /// Seconds waited.
    public var seconds: Double
    /// The try that failed (1-based).
    public var attempt: Int
}

/// What every write asserts about the session (`assert=`): a write whose session no longer
/// matches is refused by the wiki, so nothing is ever saved anonymously or without the bot flag.
public enum WriteAssertion: String, Sendable {
    /// Logged in (`assert=user`): accounts without the bot flag.
    case user
    /// Logged in with the `bot` right (`assert=bot`): once the session has it, losing it (the
    /// flag removed, a grant withdrawn) stops the batch (`assertbotfailed`).
    case bot
}

/// A MediaWiki Action API client for a bot: logs in with a bot password, keeps its session
/// cookies and tokens, sends `maxlag` with every request and `assert=user` (`assert=bot` once
/// ``userInfo()`` has seen the `bot` right) with every write, and waits (``RetryPolicy``) on
/// lag, rate limits, read-only mode and overloaded servers.
public actor MediaWikiClient {
    /// The wiki's `api.php`.
    public let api: URL
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let userAgent: String
    private let onWait: @Sendable (APIWait) -> Void
    private let sleeper: @Sendable (Double) async -> Void
    private var cookies = CookieJar()
    var csrfToken: String?
    var credentials: BotCredentials?
    /// The name of the logged-in account, once logged in.
    public private(set) var loggedInAs: String?
    /// What writes assert: `bot` from the moment ``userInfo()`` finds the `bot` right.
    public internal(set) var writeAssertion: WriteAssertion = .user

    /// A client for `api`. `onWait` hears every wait; `sleeper` waits (tests may shorten it).
    public init(
        api: URL, transport: any HTTPTransport = URLSessionTransport(), policy: RetryPolicy = RetryPolicy(),
        userAgent: String, onWait: @escaping @Sendable (APIWait) -> Void = { _ in },
        sleeper: @escaping @Sendable (Double) async -> Void = { seconds in try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
    ) {
        self.api = api
        self.transport = transport
        self.policy = policy
        self.userAgent = userAgent
        self.onWait = onWait
        self.sleeper = sleeper
    }

    /// Logs in with a bot password (`meta=tokens&type=login`, then `action=login`). The password
    /// goes only into the login request's body.
    public func login(_ credentials: BotCredentials) async throws(PublishError) {
        let tokenReply = try await query([("action", "query"), ("meta", "tokens"), ("type", "login")])
        guard let token = tokenReply.object("query")?.object("tokens")?.string("logintoken") else { throw .unreadable("a login token", api: api.absoluteString) }
        let reply = try await call(
            [("action", "login"), ("lgname", credentials.user), ("lgpassword", credentials.password), ("lgtoken", token)], write: false, assertUser: false)
        guard case .ok(let json) = reply else {
            if case .apiError(let code, let info) = reply { throw PublishError(.loginFailed, "login as \(credentials.user) failed: \(code): \(Self.redact(info, credentials))", remedy: Self.loginRemedy) }
            throw PublishError(.serverUnavailable, "the login request got no answer", remedy: "check the network and run the command again")
        }
        let login = json.object("login")
        guard login?.string("result") == "Success" else {
            let reason = Self.redact(login?.string("reason") ?? login?.object("reason")?.string("text") ?? login?.string("result") ?? "no reason given", credentials)
            throw PublishError(.loginFailed, "login as \(credentials.user) failed: \(reason)", remedy: Self.loginRemedy)
        }
        self.credentials = credentials
        self.loggedInAs = login?.string("lgusername") ?? credentials.accountName
        self.csrfToken = nil
    }

    static let loginRemedy = "check the bot password (Special:BotPasswords: the login is Name@BotName and the password the generated one) in QUIRE_BOT_PASSWORD or the credentials file"

    /// The server's message without the password, should a server ever echo it.
    static func redact(_ text: String, _ credentials: BotCredentials) -> String {
        credentials.password.isEmpty ? text : text.replacingOccurrences(of: credentials.password, with: "(hidden)")
    }

    /// A read request that must succeed: API errors become ``PublishError``s.
    func query(_ parameters: [(String, String)]) async throws(PublishError) -> JSONObject {
        switch try await call(parameters, write: false, assertUser: false) {
        case .ok(let json): return json
        case .apiError(let code, let info):
            throw PublishError(.serverUnavailable, "the wiki refused a query: \(code): \(info)", remedy: "check --api and the account's rights")
        case .noAnswer(let reason):
            throw PublishError(.serverUnavailable, "the wiki did not answer: \(reason)", remedy: "check the network and run the command again")
        }
    }

    /// The CSRF token, fetched once and kept until the wiki says it is stale.
    func token(refresh: Bool = false) async throws(PublishError) -> String {
        if let csrfToken, !refresh { return csrfToken }
        let reply = try await query([("action", "query"), ("meta", "tokens"), ("type", "csrf")])
        guard let token = reply.object("query")?.object("tokens")?.string("csrftoken"), token != "+\\" else {
            throw PublishError(.loginFailed, "the wiki gave no edit token: the session is not logged in", remedy: Self.loginRemedy)
        }
        csrfToken = token
        return token
    }

    /// Logs in again with the credentials of the last login (after a session expired).
    func relogin() async throws(PublishError) {
        guard let credentials else { throw PublishError(.loginFailed, "the session expired and there is no login to renew", remedy: Self.loginRemedy) }
        cookies = CookieJar()  // a bot password session cannot log in again: start a new one
        try await login(credentials)
    }

    /// One API call with the client's retries: `maxlag` (waiting `Retry-After`), HTTP 429/5xx,
    /// `ratelimited` and `readonly` are retried up to the policy's limit; a read that got no
    /// answer is retried too, a write is not (it may have been saved: the caller checks).
    func call(_ parameters: [(String, String)], write: Bool, assertUser: Bool, file: FilePart? = nil) async throws(PublishError) -> APIOutcome {
        var form = parameters + [("format", "json"), ("formatversion", "2"), ("maxlag", String(policy.maxlag)), ("errorformat", "plaintext")]
        if assertUser { form.append(("assert", writeAssertion.rawValue)) }
        var lastProblem = "no try made"
        var lagged = false
        for attempt in 1...max(1, policy.maxAttempts) {
            var headers = ["User-Agent": userAgent]
            if let cookie = cookies.header { headers["Cookie"] = cookie }
            let reply: HTTPReply
            do {
                if let file {
                    reply = try await transport.post(api, form: form, file: file, headers: headers)
                } else {
                    reply = try await transport.post(api, form: form, headers: headers)
                }
            } catch {
                // Refused, unresolvable or not callable: waiting will not help, and nothing was sent.
                if let reason = Self.unreachable(error) {
                    throw PublishError(
                        .serverUnavailable, "cannot reach \(api.absoluteString): \(reason)",
                        remedy: "check --api (the wiki's api.php address) and the network; nothing was sent")
                }
                if write { return .noAnswer(String(describing: type(of: error))) }
                lastProblem = "no answer"
                await wait("no answer", attempt: attempt, retryAfter: nil)
                continue
            }
            if let header = reply.headers["set-cookie"] { cookies.take(header) }
            let retryAfter = RetryPolicy.retryAfterSeconds(reply.headers["retry-after"])
            if reply.status == 429 || (500...599).contains(reply.status) {
                lastProblem = "HTTP \(reply.status)"
                await wait("http \(reply.status)", attempt: attempt, retryAfter: retryAfter)
                continue
            }
            guard reply.status == 200, let raw = try? JSONSerialization.jsonObject(with: reply.body), let object = raw as? [String: Any] else {
                throw .unreadable("HTTP \(reply.status) with a body", api: api.absoluteString)
            }
            let json = JSONObject(value: object)
            guard let error = Self.firstError(json) else { return .ok(json) }
            switch error.code {
            case "maxlag":
                lagged = true
                lastProblem = "replication lag: \(error.info)"
                await wait("maxlag", attempt: attempt, retryAfter: retryAfter ?? 5)
            case "ratelimited":
                lastProblem = "rate limited"
                await wait("ratelimited", attempt: attempt, retryAfter: nil)
            case "readonly":
                lastProblem = "the wiki is read-only: \(error.info)"
                await wait("readonly", attempt: attempt, retryAfter: retryAfter)
            default:
                return .apiError(code: error.code, info: error.info)
            }
        }
        if lagged {
            throw PublishError(.serverLag, "the wiki stayed lagged for \(policy.maxAttempts) tries (\(lastProblem))", remedy: "run the command again later; what was published is recorded")
        }
        throw PublishError(.serverUnavailable, "the wiki could not serve the request after \(policy.maxAttempts) tries (\(lastProblem))", remedy: "run the command again later; what was published is recorded")
    }

    /// Why a request could not even be sent, for the transport errors that no wait cures (a
    /// refused connection, a host name that does not resolve, a bad URL, a failed TLS handshake);
    /// nil for those worth a retry (a timeout, a dropped connection), which a server under load
    /// gives.
    static func unreachable(_ error: any Error) -> String? {
        guard let error = error as? URLError else { return nil }
        switch error.code {
        case .cannotConnectToHost: return "the connection was refused (no server listens there)"
        case .cannotFindHost, .dnsLookupFailed: return "the host name does not resolve"
        case .notConnectedToInternet: return "this machine has no network"
        case .badURL, .unsupportedURL: return "not an address that can be called"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "the secure connection failed (\(error.code.rawValue))"
        default: return nil
        }
    }

    /// The `error` of a reply (formatversion 2 with errorformat=plaintext gives `errors`).
    static func firstError(_ json: JSONObject) -> (code: String, info: String)? {
        if let error = json.object("error"), let code = error.string("code") {
            return (code, error.string("info") ?? error.string("text") ?? "")
        }
        if let first = json.objects("errors").first, let code = first.string("code") {
            return (code, first.string("text") ?? first.string("info") ?? "")
        }
        return nil
    }

    private func wait(_ reason: String, attempt: Int, retryAfter: Double?) async {
        guard attempt < policy.maxAttempts else { return }
        let seconds = policy.delay(afterAttempt: attempt, retryAfter: retryAfter, jitter: Double.random(in: 0...1))
        onWait(APIWait(reason: reason, seconds: seconds, attempt: attempt))
        await sleeper(seconds)
    }
}
