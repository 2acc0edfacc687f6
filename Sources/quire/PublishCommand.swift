import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuirePublish
import QuireWikitext

extension Quire {
    /// `quire publish`: a document's pages onto a wiki through the MediaWiki API, as a bot.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a document's Page:, Index and main pages to a wiki through its API with a bot password.",
            discussion: """
                The login is --user Name@BotName (or QUIRE_BOT_USER); the password comes from \
                QUIRE_BOT_PASSWORD or --credentials FILE (lines user=… and password=…, mode 600), never \
                from the command line. Before the first edit Quire reads the wiki's namespaces and the \
                account's rights. Pages are created with createonly; an existing page is never \
                replaced without --overwrite, and even then never one at a higher quality level or \
                whose latest revision is another user's. Every saved revision is recorded in the \
                catalogue: a rerun (also after a crash or a dropped connection) skips what is done. \
                --dry-run shows what would change, with a diff for existing pages.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        @Argument(help: ArgumentHelp("The document's slug.", valueName: "document"))
        var document: String

        @OptionGroup var generation: GenerationOptions

        @Option(help: ArgumentHelp("The wiki's api.php URL (e.g. https://es.wikisource.org/w/api.php).", valueName: "url"))
        var api: String

        @Option(help: ArgumentHelp("The bot password login, Name@BotName (default: QUIRE_BOT_USER).", valueName: "login"))
        var user: String?

        @Option(help: ArgumentHelp("A file with lines user=Name@BotName and password=…, readable only by you (used when QUIRE_BOT_PASSWORD is unset).", valueName: "file"))
        var credentials: String?

        @Flag(help: "Replace existing pages whose text differs (never one at a higher level or last edited by someone else).")
        var overwrite = false

        @Flag(name: .customLong("dry-run"), help: "Show what would be created or replaced, with diffs, and change nothing.")
        var dryRun = false

        @Flag(name: .customLong("upload-scan"), help: "Upload the scan file(s) first when the wiki does not have them (found by SHA-1), in chunks.")
        var uploadScan = false

        @Option(name: .customLong("upload-file"), help: ArgumentHelp("Upload this PDF or DjVu (e.g. from 'quire export --format pdf|djvu', with the catalogue's text as its layer) as the file the pages name (add --wiki-file), when the wiki does not have it.", valueName: "path"))
        var uploadFile: String?

        @Flag(name: .customLong("index-only"), help: "Publish the uploaded scan and the Index, no Page: or main pages: each Page: is then made on the wiki, which fills it from the file's text layer.")
        var indexOnly = false

        @Option(name: .customLong("chunk-size"), help: ArgumentHelp("Bytes per upload chunk.", valueName: "bytes", visibility: .hidden))
        var chunkSize: Int = 5 * 1_048_576

        @Option(help: ArgumentHelp("The edit summary (default: names Quire, the document and the scan).", valueName: "text"))
        var summary: String?

        @Option(help: ArgumentHelp("Seconds between two edits.", valueName: "seconds"))
        var throttle: Double = 1

        @Option(name: .customLong("max-tries"), help: ArgumentHelp("Tries per request while the wiki is lagged, read-only or overloaded (waits capped at 120 s).", valueName: "n"))
        var maxTries: Int = 15

        @Option(help: ArgumentHelp("Seconds to wait for one answer.", valueName: "seconds"))
        var timeout: Double = 60

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
            try generation.requireWiki()
            guard let url = URL(string: api), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--api '\(api)' is not an http(s) URL of api.php")
            }
            if throttle < 0 { throw ValidationError("--throttle cannot be negative") }
            if maxTries < 1 { throw ValidationError("--max-tries must be at least 1") }
            if timeout <= 0 { throw ValidationError("--timeout must be positive") }
            if chunkSize < 1024 { throw ValidationError("--chunk-size must be at least 1024 bytes") }
            if uploadScan && uploadFile != nil { throw ValidationError("--upload-scan sends the catalogue's scan, --upload-file another file: give one") }
        }

        func run() async throws {
            guard let id = DocumentID(document), let apiURL = URL(string: api) else { throw ValidationError("bad arguments") }
            let environment = ProcessInfo.processInfo.environment
            let login: BotCredentials?
            do {
                login = try BotCredentials.load(user: user, file: credentials, environment: environment)
            } catch {
                if !dryRun { throw error }
                login = nil  // a dry run may read without logging in
            }
            let json = output.json
            if login != nil, !dryRun, apiURL.scheme == "http", !["127.0.0.1", "localhost", "::1"].contains(apiURL.host ?? "") {
                Terminal.warning("\(api) is plain http: the bot password crosses the network unencrypted; use https")
            }
            let client = MediaWikiClient(
                api: apiURL, transport: URLSessionTransport(timeout: timeout), policy: RetryPolicy(maxAttempts: maxTries),
                userAgent: "Quire/\(QuireVersion.number) (Wikisource publishing; bot)",
                onWait: { wait in
                    if !json { Terminal.note("waiting \(String(format: "%.1f", wait.seconds)) s: \(wait.reason) (try \(wait.attempt))") }
                })
            let results: [PublicationResult]
            let pagesWithoutText: Int
            let catalogue: Catalogue
            let overrides: [ClearanceGate.PendingOverride]
            let site: WikiSiteInfo
            let sent = SentCount()
            let command = "quire publish --api \(api) --wiki \(generation.wiki.rawValue)\(dryRun ? " --dry-run" : "")"
            do {
                catalogue = try catalogueOptions.open()
                // The clearance gate first: nothing is sent, not even a login, for an uncleared
                // document; a dry run, which shows every page's text, is gated the same way.
                let cleared = try generation.clearance.check(id, wikisource: generation.wiki.rawValue, catalogue: catalogue, command: command)
                // Then the wiki must be the one the clearance is for (siteinfo needs no login).
                site = try await client.siteInfo()
                let destination = try generation.clearance.checkDestination(
                    id, wikisource: generation.wiki.rawValue, site: site, catalogue: catalogue, command: command)
                overrides = [cleared, destination].compactMap { $0 }
            } catch {
                throw error
            }
            // A dry run sends nothing, so it never logs in (the login still names the user the
            // page texts would carry).
            let session = dryRun ? nil : login
            do {
                if let session { try await client.login(session) }
                var generated = try generation.generate(id, catalogue: catalogue, user: login?.accountName ?? "")
                // Levels the wiki accepts from this account; the people of 'quire serve' go in the summary.
                generated.document = generated.document.forPublishing(as: login?.accountName ?? "")
                let proofreaders = try WikitextExport(catalogue: catalogue).proofreaders(of: id)
                pagesWithoutText = generated.pagesWithoutText.count
                let publication = WikiPublication(catalogue: catalogue, client: client)
                let profile = generation.wiki.profile
                let preflight = try await publication.preflight(profile: profile, loggedIn: session != nil, uploading: uploadScan || uploadFile != nil, site: site)
                if !json {
                    let site = preflight.site
                    let levels = site.qualityLevelNames.isEmpty ? "no ProofreadPage levels" : "levels " + site.qualityLevelNames.joined(separator: " / ")
                    let account = preflight.user.map { "as \($0.name)\($0.rights.contains("bot") ? " (bot)" : "")" } ?? "without logging in"
                    Terminal.note("\(site.siteName): pages in \(preflight.pageNamespace):, index in \(preflight.indexNamespace):, \(levels); \(account)")
                }
                let source = try catalogue.metadata(of: id).wikiFileName.map { "the scan \($0)" } ?? "its page images"
                let options = PublicationOptions(
                    summary: summary ?? "Quire \(QuireVersion.number): text of '\(id)' from \(source)"
                        + (proofreaders.isEmpty ? "" : "; proofread with Quire by " + proofreaders.joined(separator: ", ")),
                    overwrite: overwrite, dryRun: dryRun, editInterval: throttle)
                var uploaded: [PublicationResult] = []
                if uploadScan || uploadFile != nil {
                    let title = try catalogue.metadata(of: id).title
                    // The engine's licence templates for this wiki go on the scan's description page.
                    let templates = try WikitextExport(catalogue: catalogue).licenceTemplates(of: id, wiki: generation.wiki, asOf: Quire.Clearance.Evaluate.today()) ?? []
                    if templates.isEmpty && !dryRun {
                        Terminal.warning("the clearance engine gives no licence template for this wiki: add one to the scan's description page by hand")
                    }
                    uploaded = try await publication.upload(
                        try uploadFile.map { [try WikiPublication.fileUpload($0, of: id, catalogue: catalogue)] } ?? WikiPublication.scanUploads(of: id, catalogue: catalogue), title: title, document: id, licenceTemplates: templates,
                        options: options, chunkSize: chunkSize,
                        report: { result in sent.add(result); if !json { Self.print(result) } })
                }
                results = try await uploaded + publication.publish(
                    indexOnly ? generated.document.indexOnlyPublicationItems : generated.document.publicationItems, of: id, profile: profile, preflight: preflight, options: options,
                    report: { result in sent.add(result); if !json { Self.print(result) } })
            } catch {
                // An override is recorded for what reached the wiki, with the failure beside it;
                // a run that sent nothing leaves no override behind.
                if sent.changedWiki || dryRun {
                    for pending in overrides { try generation.clearance.record(pending, catalogue: catalogue, failure: String(describing: error)) }
                }
                throw error
            }
            // An override is recorded once something reached the wiki, or a dry run showed the text.
            if sent.changedWiki || dryRun {
                for pending in overrides { try generation.clearance.record(pending, catalogue: catalogue) }
            }
            if json { try Terminal.json(PublishJSON(results: results, dryRun: dryRun)) }
            let counts = Dictionary(grouping: results, by: \.action).mapValues(\.count)
            Terminal.note(
                PublicationAction.allCases.compactMap { action in counts[action].map { "\($0) \(action.rawValue)" } }.joined(separator: ", ")
                    + " — \(api)")
            if pagesWithoutText > 0 || results.contains(where: { $0.action == .skipped || $0.action == .failed }) {
                throw ExitCode(QuireExit.partial)
            }
        }

        static func print(_ result: PublicationResult) {
            var line = "\(result.action.rawValue)  \(result.title)"
            if let revision = result.revisionID { line += "  (revision \(revision))" }
            if let flag = result.flag { line += "  [\(flag.rawValue)]" }
            if let detail = result.detail { line += "  \(detail)" }
            Terminal.out(line)
            if let diff = result.diff, !diff.isEmpty {
                for diffLine in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { Terminal.out("    " + diffLine) }
            }
        }
    }
}

/// What a publish run has changed on the wiki so far (results arrive from the publication's task).
private final class SentCount: @unchecked Sendable {
    private let lock = NSLock()
    private var changed = false

    func add(_ result: PublicationResult) {
        let wrote: Bool
        switch result.action {
        case .created, .replaced, .recovered: wrote = true
        default: wrote = false
        }
        lock.withLock { changed = changed || wrote }
    }

    /// True once an edit or upload was saved.
    var changedWiki: Bool { lock.withLock { changed } }
}

/// `quire publish --json`.
struct PublishJSON: Encodable {
    struct Entry: Encodable {
        var title: String
        var page: Int?
        var action: String
        var flag: String?
        var detail: String?
        var revision: Int?
        var diff: String?
    }
    var dryRun: Bool
    var results: [Entry]

    init(results: [PublicationResult], dryRun: Bool) {
        self.dryRun = dryRun
        self.results = results.map {
            Entry(title: $0.title, page: $0.pageNumber?.rawValue, action: $0.action.rawValue, flag: $0.flag?.rawValue, detail: $0.detail, revision: $0.revisionID, diff: $0.diff)
        }
    }
}
