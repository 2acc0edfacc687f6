public import QuireCore
import Foundation

/// How an edit may touch an existing page.
public enum EditMode: Sendable, Hashable {
    /// Create the page; fail with `articleexists` if someone made it meanwhile (`createonly`).
    case create(startTimestamp: String)
    /// Replace the revision of `baseTimestamp`; fail with `editconflict` if someone saved after
    /// it, or `pagedeleted` if it was deleted after `startTimestamp` (`nocreate` as well).
    case replace(baseTimestamp: String, startTimestamp: String)
}

/// One edit to make.
public struct EditRequest: Sendable, Hashable {
    /// The full title.
    public var title: String
    /// The new text.
    public var text: String
    /// The edit summary.
    public var summary: String
    /// Create or replace.
    public var mode: EditMode
    /// Mark the edit as a bot edit (the account has the `bot` right).
    public var bot: Bool

    /// An edit.
    public init(title: String, text: String, summary: String, mode: EditMode, bot: Bool) {
        self.title = title
        self.text = text
        self.summary = summary
        self.mode = mode
        self.bot = bot
    }
}

/// What became of an edit.
public enum EditOutcome: Sendable, Hashable {
    /// Saved as `revisionID` at `timestamp`; `unchanged` when the text was already the page's.
    case saved(revisionID: Int, timestamp: String, unchanged: Bool)
    /// The wiki refused it for a reason a person must look at (`articleexists`, `editconflict`,
    /// `pagedeleted`, `protectedpage`, `abusefilter-disallowed`, `spamblacklist`…): not retried,
    /// the server's message verbatim.
    case refused(code: String, info: String)
    /// No answer came: the edit may have been saved. Read the page before trying again.
    case uncertain(String)
}

extension MediaWikiClient {
    /// Codes after which the whole batch must stop: the session is no longer the bot's.
    static let sessionLostCodes: Set<String> = ["assertuserfailed", "assertbotfailed", "assertnameduserfailed", "notloggedin"]

    /// Saves `request` with `assert=user` (or `bot`, see ``WriteAssertion``), `maxlag` and the
    /// CSRF token. A stale token (`badtoken`) is refreshed once and the edit retried; if it is
    /// still refused, the client logs in again and retries once more. Losing the session or the
    /// bot flag (`assertuserfailed`, `assertbotfailed`) throws: no edit is ever made anonymously
    /// or, once the session was a bot's, without the flag.
    public func edit(_ request: EditRequest) async throws(PublishError) -> EditOutcome {
        var refreshedToken = false
        var loggedInAgain = false
        while true {
            var parameters: [(String, String)] = [
                ("action", "edit"), ("title", request.title), ("text", request.text), ("summary", request.summary),
            ]
            switch request.mode {
            case .create(let start):
                parameters += [("createonly", "1")]
                if !start.isEmpty { parameters.append(("starttimestamp", start)) }
            case .replace(let base, let start):
                parameters += [("nocreate", "1"), ("basetimestamp", base)]
                if !start.isEmpty { parameters.append(("starttimestamp", start)) }
            }
            if request.bot { parameters.append(("bot", "1")) }
            parameters.append(("token", try await token(refresh: false)))
            switch try await call(parameters, write: true, assertUser: true) {
            case .noAnswer(let reason):
                return .uncertain(reason)
            case .apiError(let code, let info):
                if code == "badtoken" {
                    if !refreshedToken {
                        refreshedToken = true
                        _ = try await token(refresh: true)
                        continue
                    }
                    if !loggedInAgain {
                        loggedInAgain = true
                        try await relogin()
                        continue
                    }
                    throw PublishError(.loginFailed, "the wiki keeps refusing the edit token after a new login", remedy: "check that cookies are not blocked between Quire and the wiki, then run again")
                }
                if Self.sessionLostCodes.contains(code) {
                    throw PublishError(.loginFailed, "the session is no longer logged in as the bot, or lost the bot flag (\(code)): stopping before any edit without them", remedy: "check the bot password and the account's groups, then run again; what was published is recorded")
                }
                return .refused(code: code, info: info)
            case .ok(let json):
                guard let edit = json.object("edit") else { throw .unreadable("an edit result", api: api.absoluteString) }
                guard edit.string("result") == "Success" else {
                    return .refused(code: "edit-failure", info: "the wiki did not save the edit (\(edit.value.keys.sorted().joined(separator: ", ")))")
                }
                if edit.bool("nochange") {
                    return .saved(revisionID: edit.int("oldrevid") ?? 0, timestamp: edit.string("newtimestamp") ?? "", unchanged: true)
                }
                guard let revision = edit.int("newrevid") else { throw .unreadable("an edit result without a revision", api: api.absoluteString) }
                return .saved(revisionID: revision, timestamp: edit.string("newtimestamp") ?? "", unchanged: false)
            }
        }
    }
}
