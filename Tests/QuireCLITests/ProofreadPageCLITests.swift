import Foundation
import QuireCatalogue
import QuireCore
import QuirePublish
import QuireTestSupport
import Testing

/// `quire publish` against the real ProofreadPage extension (REL1_39, vendored in Scripts/vendor)
/// on the test wiki: the pages it accepts, the levels and fields it records, what it refuses and
/// what it does not, and the Page: pages it makes itself from an uploaded file's text layer.
@Suite("quire publish (real ProofreadPage)", .serialized, .enabled(if: MediaWikiTestServer.isAvailable, "\(MediaWikiTestServer.skipMessage)"))
struct ProofreadPageCLITests {
    /// Saves room revisions in the fixture's catalogue, as `quire serve` does.
    static func proofread(_ fixture: PublishFixture, page: Int, _ edit: PageEdit, by user: String) throws {
        let catalogue = try Catalogue.open(at: fixture.folder.file("quire.sqlite"))
        let id = try #require(DocumentID(fixture.id))
        let number = try #require(PageNumber(page))
        let base = try catalogue.currentRevisions(of: id)[number]?.id
        guard case .saved = try catalogue.saveRevision(id, number, edit: edit, base: base, user: user, role: .proofreader) else {
            Issue.record("the revision of page \(page) by \(user) was not saved")
            return
        }
    }

    /// ProofreadPage's own reading of a Page: page: its level (`prop=proofread`), and its fields
    /// and level user from the revision in ProofreadPage's JSON serialisation (`application/json`).
    static func proofreadPage(_ server: MediaWikiTestServer, _ title: String) async throws -> (model: String?, quality: Int?, header: String?, body: String?, footer: String?, user: String?, summary: String?) {
        let page = try await server.pages([
            // MediaWiki 1.39 takes the serialisation format only without rvslots (deprecated, still served).
            ("titles", title), ("prop", "proofread|revisions|info"), ("rvprop", "content|comment"), ("rvcontentformat", "application/json"),
        ])[title] ?? [:]
        let revision = (page["revisions"] as? [[String: Any]])?.first
        let content = revision?["content"] as? String ?? ""
        let fields = (try? JSONSerialization.jsonObject(with: Data(content.utf8))) as? [String: Any] ?? [:]
        let level = fields["level"] as? [String: Any]
        return (
            page["contentmodel"] as? String, (page["proofread"] as? [String: Any])?["quality"] as? Int,
            fields["header"] as? String, fields["body"] as? String, fields["footer"] as? String, level?["user"] as? String,
            revision?["comment"] as? String
        )
    }

    @Test("Page: pages are ProofreadPage content at the levels sent, header and footer in their fields; the Index is an Index; a rerun sends nothing")
    func levelsAndFields() async throws {
        let fixture = try PublishFixture()
        try Self.proofread(fixture, page: 1, PageEdit(header: "{{rh||CARTA|}}", body: "Palabra1 corregida.", footer: "{{c|— 1 —}}", level: .proofread), by: "Ana")
        try Self.proofread(fixture, page: 2, PageEdit(header: "", body: "Palabra2 corregida.", footer: "", level: .proofread), by: "Ana")
        try Self.proofread(fixture, page: 2, PageEdit(header: "", body: "Palabra2 corregida.", footer: "", level: .validated), by: "Ben")
        let first = try fixture.publish()
        #expect(first.status == 0, "\(first.standardError)")
        #expect(PublishFixture.lines(first, "created").count == 5)
        let server = fixture.server
        let one = try await Self.proofreadPage(server, fixture.pageTitle(1))
        #expect(one.model == "proofread-page")
        #expect(one.quality == 3 && one.user == "Admin", "proofread in Quire: level 3 under the publishing account")
        #expect(one.header == "{{rh||CARTA|}}" && one.body == "Palabra1 corregida." && one.footer == "{{c|— 1 —}}")
        #expect(one.summary?.contains("proofread with Quire by Ana, Ben") == true, "\(one.summary ?? "")")
        let two = try await Self.proofreadPage(server, fixture.pageTitle(2))
        #expect(two.quality == 3 && two.user == "Admin", "validated in Quire: sent at 3, for the wiki's own validation")
        let three = try await Self.proofreadPage(server, fixture.pageTitle(3))
        #expect(three.quality == 1 && three.body == "Palabra3" && three.header == "" && three.footer == "")
        let index = try await server.pages([("titles", fixture.indexTitle), ("prop", "info")])[fixture.indexTitle]
        #expect(index?["contentmodel"] as? String == "proofread-index")
        // What ProofreadPage stores is byte for byte what Quire sent: the rerun finds every page published.
        let second = try fixture.publish()
        #expect(second.status == 0, "\(second.standardError)")
        #expect(PublishFixture.lines(second, "already_published").count == 5, "\(second.standardOutput)")
        #expect(try await fixture.revisionCounts() == [1, 1, 1, 1, 1])
    }

    /// ProofreadPage REL1_39's rule (`PageLevel::isChangeAllowed`): level 4 only from 3 set by
    /// another user. Through the API on MediaWiki 1.39 the extension does not enforce it (its
    /// MultiContentSave hook marks the status fatal but returns nothing, and the save goes on),
    /// so the wiki is no guard: Quire keeps the rule itself and never sends 4. A person of the
    /// wiki (another account) validates the page; Quire then never lowers it again.
    @Test("validation: the wiki takes any level through the API, so Quire sends 3, another account validates, and Quire never lowers it")
    func validationIsLeftToTheWiki() async throws {
        let fixture = try PublishFixture(pages: 1)
        try Self.proofread(fixture, page: 1, PageEdit(header: "", body: "Palabra1 corregida.", footer: "", level: .proofread), by: "Ana")
        try Self.proofread(fixture, page: 1, PageEdit(header: "", body: "Palabra1 corregida.", footer: "", level: .validated), by: "Ben")
        #expect(try fixture.publish().status == 0)
        let title = fixture.pageTitle(1)
        let page = try await Self.proofreadPage(fixture.server, title)
        #expect(page.quality == 3 && page.user == "Admin")
        // What the wiki itself accepts: the same account validating its own level 3 is saved.
        let setup = try await fixture.client(fixture.server.setup)  // Admin, another bot password
        let own = try await setup.latestRevisions(of: [title]).pages[title]
        let selfValidated = (own?.text ?? "").replacingOccurrences(of: "level=\"3\" user=\"Admin\"", with: "level=\"4\" user=\"Admin\"")
        let accepted = try await setup.edit(EditRequest(title: title, text: selfValidated, summary: "probe", mode: .replace(baseTimestamp: own?.timestamp ?? "", startTimestamp: ""), bot: false))
        guard case .saved = accepted else { Issue.record("REL1_39 now refuses a self-validation through the API: \(accepted)"); return }
        #expect(try await Self.proofreadPage(fixture.server, title).quality == 4)
        // Back to 3 by Admin, then validated by another account, as the wiki's people do.
        let reverted = try await setup.latestRevisions(of: [title]).pages[title]
        _ = try await setup.edit(EditRequest(title: title, text: own?.text ?? "", summary: "revert", mode: .replace(baseTimestamp: reverted?.timestamp ?? "", startTimestamp: ""), bot: false))
        let other = try await fixture.client(fixture.server.other)
        let current = try await other.latestRevisions(of: [title]).pages[title]
        let validated = (current?.text ?? "").replacingOccurrences(of: "level=\"3\" user=\"Admin\"", with: "level=\"4\" user=\"Other\"")
        let saved = try await other.edit(EditRequest(title: title, text: validated, summary: "validated", mode: .replace(baseTimestamp: current?.timestamp ?? "", startTimestamp: ""), bot: false))
        guard case .saved = saved else { Issue.record("validation by another account refused: \(saved)"); return }
        #expect(try await Self.proofreadPage(fixture.server, title).quality == 4)
        let forced = try fixture.publish(["--overwrite"])
        let skipped = PublishFixture.lines(forced, "skipped")
        #expect(skipped.count == 1 && skipped[0].contains(title) && skipped[0].contains("[higher_level]"), "\(forced.standardOutput)")
        #expect(try await Self.proofreadPage(fixture.server, title).quality == 4)
    }

    /// Issue 18: a DjVu and a PDF made by Quire, uploaded by `quire publish --upload-file` with the
    /// Index only; ProofreadPage fills each new Page: from the file's text layer, with the Index's
    /// header and footer fields.
    @Test("a DjVu and a PDF exported by Quire are uploaded with their Index; a new Page: opens with that page's text from the layer", arguments: ["djvu", "pdf"])
    func exportedFileFillsNewPages(format: String) async throws {
        let fixture = try PublishFixture(pages: 2, wikiFile: "Carta.\(format)")
        let file = fixture.folder.file("carta.\(format)")
        let exported = try fixture.quire(["export", fixture.id, "--format", format, "--out", file, "--wiki", "en"] + PublishFixture.testWikiOverride)
        #expect(exported.status == 0, "\(exported.standardError)")
        let result = try fixture.publish(["--upload-file", file, "--index-only"])
        #expect(result.status == 0, "\(result.standardError)")
        let name = try #require(fixture.wikiFile)
        #expect(PublishFixture.lines(result, "created").map { $0.contains("File:" + name.replacingOccurrences(of: " ", with: "_")) || $0.contains(fixture.indexTitle) } == [true, true], "\(result.standardOutput)")
        #expect(try await fixture.revisionCounts() == [0, 0, 1, 0], "the file and its Index, no Page: or main page")
        let info = try await fixture.server.pages([("titles", "File:" + name), ("prop", "imageinfo"), ("iiprop", "size|mime")])["File:" + name]
        #expect((info?["imageinfo"] as? [[String: Any]])?.first?["pagecount"] as? Int == 2)
        // The Index as ProofreadPage reads it (its JSON serialisation): Quire's fields, the <pagelist />.
        let index = try await fixture.server.pages([("titles", fixture.indexTitle), ("prop", "revisions|info"), ("rvprop", "content"), ("rvcontentformat", "application/json")])[fixture.indexTitle]
        #expect(index?["contentmodel"] as? String == "proofread-index")
        let indexContent = (index?["revisions"] as? [[String: Any]])?.first?["content"] as? String ?? ""
        let fields = ((try? JSONSerialization.jsonObject(with: Data(indexContent.utf8))) as? [String: Any])?["fields"] as? [String: Any] ?? [:]
        #expect((fields["Title"] as? String)?.contains(fixture.title) == true && (fields["Pages"] as? String)?.contains("<pagelist") == true, "\(indexContent)")
        // The Index's pages, as ProofreadPage lists them from the file.
        let listed = try await fixture.server.query([("action", "query"), ("list", "proofreadpagesinindex"), ("prppiititle", fixture.indexTitle)])
        let pages = ((listed["query"] as? [String: Any])?["proofreadpagesinindex"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(pages == [fixture.pageTitle(1), fixture.pageTitle(2)], "\(listed)")
        for page in 1...2 {
            let form = try await fixture.server.editForm(of: fixture.pageTitle(page))
            #expect(form?.body.trimmingCharacters(in: .whitespacesAndNewlines) == "Palabra\(page)", "\(String(describing: form))")
        }
    }

    @Test("a wiki whose PHP refuses Quire's 5 MiB chunks (upload_max_filesize, 2 MB by default) gets the file in smaller ones")
    func smallerChunksForACappedServer() async throws {
        let fixture = try PublishFixture(pages: 1, server: try MediaWikiTestServer.fresh(uploadLimit: "1M").get(), wikiFile: "Carta.pdf")
        let file = fixture.folder.file("carta.pdf")
        #expect(try fixture.quire(["export", fixture.id, "--format", "pdf", "--out", file, "--wiki", "en"] + PublishFixture.testWikiOverride).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.count > 1_048_576, "the file must exceed the server's 1 MB cap: \(bytes.count) bytes")
        let result = try fixture.publish(["--upload-file", file, "--index-only"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let reader = MediaWikiClient(api: URL(string: fixture.server.api)!, userAgent: "QuireTests/1")
        let name = try #require(fixture.wikiFile).replacingOccurrences(of: " ", with: "_")
        #expect(try await reader.files(withSHA1: SHA1.hex(of: bytes)) == [name])
    }

    @Test("an upload needs the upload right: refused in preflight, before anything is sent")
    func uploadNeedsTheRight() async throws {
        let fixture = try PublishFixture(pages: 1, wikiFile: "Carta.djvu")
        let file = fixture.folder.file("carta.djvu")
        #expect(try fixture.quire(["export", fixture.id, "--format", "djvu", "--out", file, "--wiki", "en"] + PublishFixture.testWikiOverride).status == 0)
        let refused = try fixture.publish(["--upload-file", file], login: fixture.server.other)  // Other@edit: no upload grant
        #expect(refused.status == 7, "\(refused.standardError)")
        #expect(refused.standardError.contains("lacks the right(s) upload"), "\(refused.standardError)")
        let pdf = try fixture.publish(["--upload-file", fixture.folder.file("scans/\(fixture.tag)-1.png")])
        #expect(pdf.status != 0 && pdf.standardError.contains("is a .png file but the pages name"), "\(pdf.standardError)")
        #expect(try await fixture.revisionCounts() == [0, 0, 0])
    }
}
