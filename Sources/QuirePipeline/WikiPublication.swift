import Foundation
public import QuireCatalogue
public import QuireCore
public import QuirePublish
public import QuireWikitext

/// What became of one page when publishing.
public enum PublicationAction: String, CaseIterable, Sendable, Hashable, Codable {
    /// Created (new page) or replaced (with `--overwrite`).
    case created, replaced
    /// The wiki already holds this text and the catalogue knew it: nothing sent.
    case alreadyPublished = "already_published"
    /// The wiki holds this text but the catalogue did not know (a run killed after the save, or
    /// a dropped connection): recorded now, nothing sent.
    case recovered
    /// Dry run: would be created or replaced.
    case wouldCreate = "would_create", wouldReplace = "would_replace"
    /// Left alone for a person to look at (see the flag).
    case skipped
    /// Not published this time (see the flag); a rerun tries again.
    case failed
}

/// Why a page was skipped or failed.
public enum PublicationFlag: String, Sendable, Hashable, Codable {
    /// The page exists with other text and `--overwrite` was not given, or someone created it
    /// while the batch ran (`articleexists`).
    case exists
    /// Someone saved the page after the revision Quire read (`editconflict`), or its latest
    /// revision is another user's: never overwritten.
    case conflict
    /// The page on the wiki is at a higher quality level than the text Quire has.
    case higherLevel = "higher_level"
    /// The page was deleted after Quire published or read it (`pagedeleted`): not re-created.
    case deleted
    /// The wiki refused the edit (protection, abuse filter, spam or title blacklist…); the
    /// server's message is in the detail.
    case refused
    /// Larger than the wiki accepts: not sent.
    case tooLarge = "too_large"
    /// No answer came and the page does not show the text: a rerun will try again.
    case uncertain
}

/// The result for one page.
public struct PublicationResult: Sendable, Hashable {
    /// The title on the wiki.
    public var title: String
    /// The physical page, for Page: pages.
    public var pageNumber: PageNumber?
    /// What happened.
    public var action: PublicationAction
    /// Why, when skipped or failed.
    public var flag: PublicationFlag?
    /// The server's message or another explanation.
    public var detail: String?
    /// The revision now on the wiki, when known.
    public var revisionID: Int?
    /// For a dry run over an existing page: the line diff.
    public var diff: String?
}

/// Choices of a publishing run.
public struct PublicationOptions: Sendable {
    /// Replace existing pages with other text (never one at a higher level, never another
    /// user's newer revision).
    public var overwrite = false
    /// Only report what would change.
    public var dryRun = false
    /// The edit summary.
    public var summary: String
    /// At least this many seconds between two edits.
    public var editInterval: Double = 0

    /// Options with an edit summary.
    public init(summary: String, overwrite: Bool = false, dryRun: Bool = false, editInterval: Double = 0) {
        self.summary = summary
        self.overwrite = overwrite
        self.dryRun = dryRun
        self.editInterval = editInterval
    }
}

/// Publishes a document's generated pages through the API: preflight (site, namespaces, the
/// account's rights), then every page in order with `createonly` (or `basetimestamp` +
/// `starttimestamp` when replacing), each saved revision recorded in the catalogue at once so a
/// rerun skips it.
public struct WikiPublication: Sendable {
    public let catalogue: Catalogue
    public let client: MediaWikiClient

    public init(catalogue: Catalogue, client: MediaWikiClient) {
        self.catalogue = catalogue
        self.client = client
    }

    /// The checks made before the first edit: what the wiki is and what the account may do.
    public struct Preflight: Sendable {
        public var site: WikiSiteInfo
        public var user: WikiUserInfo?
        /// The Page and Index namespaces' local names on this wiki.
        public var pageNamespace: String
        public var indexNamespace: String
    }

    /// Rights an account needs to publish.
    public static let requiredRights = ["edit", "createpage", "writeapi"]

    /// Rights an account needs besides, to upload the scan.
    public static let uploadRights = ["upload"]

    /// Reads the site (unless the caller read it already: `site`) and, unless `loggedIn` is false,
    /// the account; throws when the account is anonymous or lacks a right (``requiredRights``, and
    /// ``uploadRights`` when `uploading`), or when the wiki lacks the Page/Index namespaces.
    public func preflight(profile: WikiProfile, loggedIn: Bool, uploading: Bool = false, site known: WikiSiteInfo? = nil) async throws(PublishError) -> Preflight {
        let site: WikiSiteInfo
        if let known { site = known } else { site = try await client.siteInfo() }
        let pageID = site.proofreadPageNamespace ?? profile.pageNamespace.id
        let indexID = site.proofreadIndexNamespace ?? profile.indexNamespace.id
        guard let pageName = site.namespaces[pageID], let indexName = site.namespaces[indexID] else {
            throw PublishError(
                .invalidInput, "the wiki has no Page namespace \(pageID) or Index namespace \(indexID) (\(profile.code) profile), and no ProofreadPage to say which",
                remedy: "install ProofreadPage on the wiki or pick the --wiki profile whose namespaces it has")
        }
        var user: WikiUserInfo?
        if loggedIn {
            let info = try await client.userInfo()
            if info.anonymous {
                throw PublishError(.loginFailed, "the session is not logged in", remedy: "check the bot password and run again")
            }
            let missing = Self.requiredRights.filter { !info.rights.contains($0) }
            if !missing.isEmpty {
                throw PublishError(
                    .missingRights, "the account \(info.name) lacks the right(s) \(missing.joined(separator: ", ")) needed to create pages",
                    remedy: "edit the bot password at Special:BotPasswords and grant 'Edit existing pages' and 'Create, edit, and move pages'")
            }
            let missingUpload = uploading ? Self.uploadRights.filter { !info.rights.contains($0) } : []
            if !missingUpload.isEmpty {
                throw PublishError(
                    .missingRights, "the account \(info.name) lacks the right(s) \(missingUpload.joined(separator: ", ")) needed to upload the scan",
                    remedy: "edit the bot password at Special:BotPasswords and grant 'Upload new files' (or upload the file by hand and publish without --upload-scan/--upload-file)")
            }
            user = info
        }
        return Preflight(site: site, user: user, pageNamespace: pageName, indexNamespace: indexName)
    }

    /// The title of `item` on this wiki: the profile's namespace name replaced by the wiki's.
    public static func wikiTitle(_ item: PublicationItem, profile: WikiProfile, preflight: Preflight) -> String {
        switch item.kind {
        case .page: preflight.pageNamespace + ":" + item.titleRest(profile: profile)
        case .index: preflight.indexNamespace + ":" + item.titleRest(profile: profile)
        case .main: item.title
        }
    }

    /// Publishes `items` of `document`; `report` hears each result as it is known. Errors that
    /// stop the batch (session lost, lag that does not end) are thrown; everything saved before
    /// is recorded.
    public func publish(
        _ items: [PublicationItem], of document: DocumentID, profile: WikiProfile, preflight: Preflight, options: PublicationOptions,
        report: @Sendable (PublicationResult) -> Void
    ) async throws -> [PublicationResult] {
        let api = await client.api.absoluteString
        let records = try catalogue.publishedRevisions(of: document, apiURL: api)
        let titles = items.map { Self.wikiTitle($0, profile: profile, preflight: preflight) }
        let (remote, serverTime) = try await client.latestRevisions(of: titles)
        let bot = preflight.user?.rights.contains("bot") ?? false
        let ownName = preflight.user?.name
        var results: [PublicationResult] = []
        var lastEdit: Date?
        for (item, title) in zip(items, titles) {
            var result = PublicationResult(title: title, pageNumber: item.pageNumber, action: .failed)
            let sha1 = SHA1.hex(of: Array(item.text.utf8))
            let page = remote[title] ?? RemotePage(title: title)
            let known = records[title]
            func finish(_ action: PublicationAction, _ flag: PublicationFlag? = nil, _ detail: String? = nil, revision: Int? = nil) {
                result.action = action
                result.flag = flag
                result.detail = detail
                result.revisionID = revision
                results.append(result)
                report(result)
            }
            if !item.isPublishable {
                finish(.skipped, .tooLarge, "larger than the wiki accepts")
                continue
            }
            if page.exists, page.sha1 == sha1, let revision = page.revisionID {
                if known?.revisionID == revision {
                    finish(.alreadyPublished, revision: revision)
                } else {
                    if !options.dryRun {
                        try keep(PublishedRevision(document: document, apiURL: api, title: title, pageNumber: item.pageNumber, revisionID: revision, contentSHA1: sha1, timestamp: page.timestamp ?? serverTime))
                    }
                    finish(known == nil && page.user == ownName ? .recovered : .alreadyPublished, revision: revision)
                }
                continue
            }
            let mode: EditMode
            if !page.exists {
                if known != nil {
                    finish(.skipped, .deleted, "published before, deleted on the wiki since: not re-created")
                    continue
                }
                if options.dryRun {
                    finish(.wouldCreate)
                    continue
                }
                mode = .create(startTimestamp: serverTime)
            } else {
                guard options.overwrite else {
                    var skipped = PublicationResult(title: title, pageNumber: item.pageNumber, action: .skipped, flag: .exists, detail: "exists with other text (pass --overwrite to replace)")
                    if options.dryRun { skipped.diff = LineDiff.render(old: page.text ?? "", new: item.text) }
                    results.append(skipped)
                    report(skipped)
                    continue
                }
                if item.kind == .page, let theirs = page.text.flatMap(PageQualityTag.level(in:)), let ours = item.level, theirs > ours {
                    finish(.skipped, .higherLevel, "level \(theirs.rawValue) on the wiki, \(ours.rawValue) here", revision: page.revisionID)
                    continue
                }
                if page.user != ownName {
                    finish(.skipped, .conflict, "the latest revision is by \(page.user ?? "another user"): not overwritten", revision: page.revisionID)
                    continue
                }
                if options.dryRun {
                    result.diff = LineDiff.render(old: page.text ?? "", new: item.text)
                    finish(.wouldReplace, revision: page.revisionID)
                    continue
                }
                mode = .replace(baseTimestamp: page.timestamp ?? "", startTimestamp: serverTime)
            }
            if let lastEdit, options.editInterval > 0 {
                let wait = options.editInterval - Date().timeIntervalSince(lastEdit)
                if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
            }
            lastEdit = Date()
            let outcome = try await client.edit(EditRequest(title: title, text: item.text, summary: options.summary, mode: mode, bot: bot))
            switch outcome {
            case .saved(let revision, let timestamp, _):
                try keep(PublishedRevision(document: document, apiURL: api, title: title, pageNumber: item.pageNumber, revisionID: revision, contentSHA1: sha1, timestamp: timestamp.isEmpty ? serverTime : timestamp))
                finish(page.exists ? .replaced : .created, revision: revision)
            case .refused(let code, let info):
                switch code {
                case "articleexists": finish(.skipped, .exists, "created by someone else meanwhile (\(code))")
                case "editconflict": finish(.skipped, .conflict, "edited by someone else meanwhile (\(code))")
                case "pagedeleted", "missingtitle": finish(.skipped, .deleted, "deleted meanwhile (\(code))")
                case "contenttoobig": finish(.skipped, .tooLarge, "\(code): \(info)")
                default: finish(.failed, .refused, "\(code): \(info)")
                }
            case .uncertain(let reason):
                // The wiki may have saved it: read the page before anything else.
                let again = try await client.latestRevisions(of: [title]).pages[title]
                if let again, again.sha1 == sha1, let revision = again.revisionID {
                    try keep(PublishedRevision(document: document, apiURL: api, title: title, pageNumber: item.pageNumber, revisionID: revision, contentSHA1: sha1, timestamp: again.timestamp ?? serverTime))
                    finish(.recovered, revision: revision)
                } else {
                    finish(.failed, .uncertain, "no answer (\(reason)) and the page does not hold the text: a rerun tries again")
                }
            }
        }
        return results
    }

    private func keep(_ revision: PublishedRevision) throws {
        try catalogue.recordPublished(revision)
    }
}
