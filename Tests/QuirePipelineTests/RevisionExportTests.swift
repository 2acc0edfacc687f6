import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireTestSupport
import QuireWikitext
import Testing

@Suite("Wikitext from people's revisions")
struct RevisionExportTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("folleto")!

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        var paths: [String] = []
        for index in 1...3 { paths.append(try folder.write("p\(index).png", bytes: ImageFixtures.png(width: 20, height: 20 + index))) }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: paths, workingDirectory: folder.path, documentID: id, metadata: DocumentMetadata(title: "Folleto", languages: LanguageSet("spa")!, wikiFileName: "Folleto.pdf"), acceptChanges: false))
        for number in 1...2 {
            try catalogue.recordText(id, PageNumber(number)!, text: TextFixtures.page([["Texto de la página \(number) según el OCR"]]), quality: .notProofread)
        }
    }

    @Test func eachPageIsWrittenFromItsCurrentRevisionAndLevel() throws {
        let two = PageNumber(2)!
        let edit = PageEdit(header: "{{rh||FOLLETO|}}", body: "Texto corregido de la página dos.", footer: "", level: .proofread)
        guard case .saved(let first) = try catalogue.saveRevision(id, two, edit: edit, base: nil, user: "Ana", role: .proofreader) else { Issue.record("not saved"); return }
        var validated = edit
        validated.level = .validated
        validated.body += " Validada."
        _ = try catalogue.saveRevision(id, two, edit: validated, base: first.id, user: "Ben", role: .proofreader)
        let pages = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es).document.pages
        let page = try #require(pages.first { $0.number == two })
        #expect(page.content == PageContent(untrimmedHeader: edit.header, body: validated.body, footer: "", level: .validated, user: "Ben"))
        // Sent by a bot, the validated page goes at level 3 under the bot (ProofreadPage refuses
        // 4 from an account that did not see the page at 3 by another), and the people are credited.
        let sent = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es).document.forPublishing(as: "Quire bot").pages
        #expect(sent.first { $0.number == two }?.content == PageContent(untrimmedHeader: edit.header, body: validated.body, footer: "", level: .proofread, user: "Quire bot"))
        #expect(try WikitextExport(catalogue: catalogue).proofreaders(of: id) == ["Ana", "Ben"])
        // Not every page proofread yet: the Index says so.
        #expect(try WikitextExport(catalogue: catalogue).generate(id, wiki: .es).document.index.wikitext.contains("|Progress=C"))
        // A page nobody saved is still the OCR's.
        #expect(pages.first { $0.number == PageNumber(1)! }?.content.body.contains("según el OCR") == true)
    }

    @Test func aPageSavedBeforeAnyOCRIsWrittenToo() throws {
        let three = PageNumber(3)!
        let edit = PageEdit(header: "", body: "Tecleada a mano.", footer: "", level: .proofread)
        _ = try catalogue.saveRevision(id, three, edit: edit, base: nil, user: "Ana", role: .proofreader)
        let result = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es)
        #expect(result.pagesWithoutText.isEmpty)
        #expect(result.document.pages.first { $0.number == three }?.content.body == "Tecleada a mano.")
    }

    @Test func theIndexIsDoneWhenEveryPageIsValidated() throws {
        for number in 1...3 {
            let page = PageNumber(number)!
            let edit = PageEdit(header: "", body: "Página \(number).", footer: "", level: .proofread)
            guard case .saved(let first) = try catalogue.saveRevision(id, page, edit: edit, base: nil, user: "Ana", role: .proofreader) else { Issue.record("not saved"); return }
            let index = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es).document.index
            // Page 3 has no OCR: until a person saves it, page 2's OCR (level 1) keeps the Index
            // to proofread only while it is unsaved; then every page with text is at 3 or 4.
            #expect(index.wikitext.contains(number == 1 ? "|Progress=C" : "|Progress=V"), "page \(number) of 3 proofread")
            var validated = edit
            validated.level = .validated
            _ = try catalogue.saveRevision(id, page, edit: validated, base: first.id, user: "Ben", role: .proofreader)
        }
        let index = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es).document.index
        #expect(index.wikitext.contains("|Progress=T"))
    }
}
