import Foundation
import QuirePublish
import QuireTestSupport
import Testing

/// A catalogue with one document of single-image pages whose texts are imported ALTO, and the
/// test wiki to publish it to. Titles carry a random tag so tests never share a page.
struct PublishFixture {
    let folder: TemporaryDirectory
    let server: MediaWikiTestServer
    let tag: String
    let id: String
    let title: String
    let pageCount: Int

    /// The scan's file name on the wiki (`add --wiki-file`), when the pages name one file.
    let wikiFile: String?

    /// `pages` pages; with `largeImages`, 200×200 noise images (tens of kilobytes, for chunked
    /// uploads); with `wikiFile`, pages named after that one file (`Page:NAME/N`) and white
    /// 1000×1400 images, the size of the ALTO pages, so that a PDF or DjVu export places the words.
    init(pages: Int = 3, server: MediaWikiTestServer? = nil, largeImages: Bool = false, wikiFile: String? = nil) throws {
        folder = try TemporaryDirectory(prefix: "quire publish")
        self.server = try server ?? MediaWikiTestServer.shared.get()
        let random = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        tag = "Q" + random
        id = "doc-" + random
        title = "Carta \(tag)"
        pageCount = pages
        let prefix = tag
        self.wikiFile = wikiFile.map { "\(prefix) \($0)" }
        for page in 1...pages {
            let seed = UInt32(truncatingIfNeeded: random.hashValue) &+ UInt32(page)
            let image = wikiFile != nil
                ? ImageFixtures.png(width: 1000, height: 1400) { x, y in x < 10 * page && y < 10 ? 0 : 255 }
                : largeImages
                ? ImageFixtures.png(width: 200, height: 200) { x, y in UInt8(truncatingIfNeeded: (UInt32(x) &* 2_654_435_761 ^ UInt32(y) &* 40_503 ^ seed) >> 13) }
                : ImageFixtures.png(width: 40 + page, height: 40)
            try folder.write("scans/\(tag)-\(page).png", bytes: image)
            try setText(page: page, "Palabra\(page)")
        }
        #expect(try quire("init").status == 0)
        #expect(try quire(["add", "scans", "--title", title, "--lang", "spa", "--id", id] + (self.wikiFile.map { ["--wiki-file", $0] } ?? [])).status == 0)
        let files = (1...pages).map { "htr/\(tag)-\($0).xml" }
        let imported = try quire(["import", id] + files)
        #expect(imported.status == 0, "\(imported.standardError)")
        try ClearanceFixture.clearEverywhere(id, in: folder.path)
    }

    /// Writes a one-word ALTO text for `page` (import it again to change the document).
    func setText(page: Int, _ word: String) throws {
        try folder.write("htr/\(tag)-\(page).xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>
            <Layout><Page WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="1"><PrintSpace>
            <TextBlock ID="b1" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40"><TextLine ID="l1" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40">
            <String CONTENT="\(word)" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40" WC="0.95"/></TextLine></TextBlock>
            </PrintSpace></Page></Layout></alto>
            """)
    }

    /// Changes the text of `page` in the catalogue.
    func reimport(page: Int, _ word: String) throws {
        try setText(page: page, word)
        #expect(try quire("import", id, "htr/\(tag)-\(page).xml").status == 0)
    }

    /// Every title the document publishes, in order: Page: pages, the Index, the main page.
    var titles: [String] { (1...pageCount).map { pageTitle($0) } + [indexTitle, title] }

    func pageTitle(_ page: Int) -> String { wikiFile.map { "Page:\($0)/\(page)" } ?? "Page:\(tag)-\(page).png" }

    var indexTitle: String { "Index:" + (wikiFile ?? "\(tag)-1.png") }

    func quire(_ arguments: String...) throws -> CommandResult { try quire(arguments) }

    func quire(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.run(RepositoryPaths.quireExecutable, arguments, in: folder.path, environment: environment)
    }

    /// The test wiki (`quirewiki`) is not en.wikisource, which the document is cleared for: every
    /// publication to it goes ahead by this override, recorded in the history.
    static let testWikiOverride = ["--override-clearance", "the test suite's private wiki, not en.wikisource"]

    /// `quire publish` as the full-rights bot through `api` (the wiki itself by default), by the
    /// test wiki's override.
    func publish(_ extra: [String] = [], api: String? = nil, login: (user: String, password: String)? = nil) throws -> CommandResult {
        let login = login ?? server.bot
        return try quire(
            ["publish", id, "--wiki", "en", "--api", api ?? server.api, "--user", login.user, "--throttle", "0", "--timeout", "10"] + Self.testWikiOverride + extra,
            environment: ["QUIRE_BOT_PASSWORD": login.password, "QUIRE_ACTOR": "Test Suite"])
    }

    /// A client logged in as `login` straight to the wiki.
    func client(_ login: (user: String, password: String)) async throws -> MediaWikiClient {
        let client = MediaWikiClient(api: URL(string: server.api)!, policy: RetryPolicy(maxAttempts: 3, base: 0.2), userAgent: "QuireTests/1")
        try await client.login(BotCredentials(user: login.user, password: login.password))
        return client
    }

    /// How many revisions each title has on the wiki.
    func revisionCounts() async throws -> [Int] {
        let reader = MediaWikiClient(api: URL(string: server.api)!, userAgent: "QuireTests/1")
        var counts: [Int] = []
        for title in titles { counts.append(try await reader.revisionIDs(of: title).count) }
        return counts
    }

    /// The lines of stdout that start with `action`.
    static func lines(_ result: CommandResult, _ action: String) -> [String] {
        result.standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix(action + " ") }
    }
}
