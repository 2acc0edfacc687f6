public import QuireCore
import Foundation

/// What the wiki says about itself: its name, language, namespaces and, with ProofreadPage, the
/// Page and Index namespaces and the names of the quality levels.
public struct WikiSiteInfo: Sendable, Hashable {
    /// `$wgSitename`.
    public var siteName: String
    /// The database name (`eswikisource`).
    public var database: String
    /// The content language (`es`).
    public var language: String
    /// Local namespace names by id (0 is "").
    public var namespaces: [Int: String]
    /// Canonical (English) namespace names by id, where they differ from none.
    public var canonicalNamespaces: [Int: String]
    /// The Page namespace id from `meta=proofreadinfo`; nil when the wiki has no ProofreadPage.
    public var proofreadPageNamespace: Int?
    /// The Index namespace id from `meta=proofreadinfo`.
    public var proofreadIndexNamespace: Int?
    /// The quality levels' names (categories) from `meta=proofreadinfo`, level 0 first.
    public var qualityLevelNames: [String]

    /// A description from its parts.
    public init(
        siteName: String, database: String, language: String, namespaces: [Int: String], canonicalNamespaces: [Int: String] = [:],
        proofreadPageNamespace: Int? = nil, proofreadIndexNamespace: Int? = nil, qualityLevelNames: [String] = []
    ) {
        self.siteName = siteName
        self.database = database
        self.language = language
        self.namespaces = namespaces
        self.canonicalNamespaces = canonicalNamespaces
        self.proofreadPageNamespace = proofreadPageNamespace
        self.proofreadIndexNamespace = proofreadIndexNamespace
        self.qualityLevelNames = qualityLevelNames
    }
}

/// The logged-in account: its name, groups and rights.
public struct WikiUserInfo: Sendable, Hashable {
    /// The user name (without the bot password suffix).
    public var name: String
    /// True when the session is not logged in.
    public var anonymous: Bool
    /// Rights the session has (`edit`, `createpage`, `bot`, `upload`…), as limited by the bot
    /// password's grants.
    public var rights: Set<String>
    /// Groups.
    public var groups: Set<String>
}

/// The latest revision of a page on the wiki, or its absence.
public struct RemotePage: Sendable, Hashable {
    /// The title as the wiki spells it.
    public var title: String
    /// The revision id; nil when the page does not exist.
    public var revisionID: Int?
    /// The revision's timestamp (ISO 8601).
    public var timestamp: String?
    /// Who saved it.
    public var user: String?
    /// SHA-1 of its text, 40 hex digits.
    public var sha1: String?
    /// Its text.
    public var text: String?

    /// True when the page exists.
    public var exists: Bool { revisionID != nil }
}

extension MediaWikiClient {
    /// `meta=siteinfo` (general, namespaces) and `meta=proofreadinfo` (namespaces, quality levels)
    /// in one request; a wiki without ProofreadPage only warns about the second.
    public func siteInfo() async throws(PublishError) -> WikiSiteInfo {
        let json = try await query([
            ("action", "query"), ("meta", "siteinfo|proofreadinfo"), ("siprop", "general|namespaces"), ("prpiprop", "namespaces|qualitylevels"),
        ])
        guard let query = json.object("query"), let general = query.object("general"), let namespaceTable = query.object("namespaces") else {
            throw .unreadable("site information", api: api.absoluteString)
        }
        var names: [Int: String] = [:]
        var canonical: [Int: String] = [:]
        for (_, value) in namespaceTable.value {
            guard let entry = value as? [String: Any], let id = (entry["id"] as? NSNumber)?.intValue else { continue }
            names[id] = entry["name"] as? String ?? ""
            if let name = entry["canonical"] as? String { canonical[id] = name }
        }
        let proofread = query.object("proofreadnamespaces")
        let levels = query.objects("proofreadqualitylevels").sorted { ($0.int("id") ?? 0) < ($1.int("id") ?? 0) }.compactMap { $0.string("category") }
        return WikiSiteInfo(
            siteName: general.string("sitename") ?? "", database: general.string("wikiid") ?? "", language: general.string("lang") ?? "",
            namespaces: names, canonicalNamespaces: canonical,
            proofreadPageNamespace: proofread?.object("page")?.int("id"), proofreadIndexNamespace: proofread?.object("index")?.int("id"),
            qualityLevelNames: levels)
    }

    /// `meta=userinfo&uiprop=rights|groups` for the current session. When the session holds the
    /// `bot` right, every later write asserts it (``WriteAssertion/bot``).
    public func userInfo() async throws(PublishError) -> WikiUserInfo {
        let json = try await query([("action", "query"), ("meta", "userinfo"), ("uiprop", "rights|groups")])
        guard let info = json.object("query")?.object("userinfo") else { throw .unreadable("user information", api: api.absoluteString) }
        let user = WikiUserInfo(
            name: info.string("name") ?? "", anonymous: info.bool("anon"),
            rights: Set(info.value["rights"] as? [String] ?? []), groups: Set(info.value["groups"] as? [String] ?? []))
        if !user.anonymous && user.rights.contains("bot") { writeAssertion = .bot }
        return user
    }

    /// The latest revision (id, timestamp, user, sha1, text) of each title, 50 titles a request,
    /// and the server's time of the first request (the `starttimestamp` of later edits).
    public func latestRevisions(of titles: [String]) async throws(PublishError) -> (pages: [String: RemotePage], serverTime: String) {
        var pages: [String: RemotePage] = [:]
        var serverTime = ""
        var start = 0
        while start < titles.count {
            let batch = Array(titles[start..<min(start + 50, titles.count)])
            start += batch.count
            let json = try await query([
                ("action", "query"), ("prop", "revisions"), ("titles", batch.joined(separator: "|")),
                ("rvprop", "ids|timestamp|sha1|user|content"), ("rvslots", "main"), ("curtimestamp", "1"),
            ])
            if serverTime.isEmpty { serverTime = json.string("curtimestamp") ?? "" }
            let query = json.object("query")
            var asked: [String: String] = [:]  // the wiki's spelling → ours
            for title in batch { asked[title] = title }
            for pair in query?.objects("normalized") ?? [] {
                if let from = pair.string("from"), let to = pair.string("to") { asked[to] = asked[from] ?? from }
            }
            for page in query?.objects("pages") ?? [] {
                guard let title = page.string("title") else { continue }
                let ours = asked[title] ?? title
                if page.bool("invalid") {
                    throw PublishError(.invalidInput, "the wiki refuses the title '\(ours)': \(page.string("invalidreason") ?? "invalid")", remedy: "rename the scan file or the work so that its titles are valid")
                }
                guard let revision = page.objects("revisions").first else {
                    pages[ours] = RemotePage(title: title)
                    continue
                }
                let text = revision.object("slots")?.object("main")?.string("content")
                pages[ours] = RemotePage(
                    title: title, revisionID: revision.int("revid"), timestamp: revision.string("timestamp"),
                    user: revision.string("user"), sha1: revision.string("sha1"), text: text)
            }
        }
        return (pages, serverTime)
    }
}

extension RemotePage {
    /// A page that does not exist.
    public init(title: String) {
        self.title = title
    }
}

extension MediaWikiClient {
    /// The ids of a page's revisions, newest first (up to 500); empty when it does not exist.
    public func revisionIDs(of title: String) async throws(PublishError) -> [Int] {
        let json = try await query([("action", "query"), ("prop", "revisions"), ("titles", title), ("rvprop", "ids"), ("rvlimit", "max")])
        return json.object("query")?.objects("pages").first?.objects("revisions").compactMap { $0.int("revid") } ?? []
    }
}
