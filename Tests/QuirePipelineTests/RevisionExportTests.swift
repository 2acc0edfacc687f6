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
}
