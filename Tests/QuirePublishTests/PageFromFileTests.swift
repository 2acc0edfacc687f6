import QuirePublish
import Foundation
import Testing

@Suite("pagefromfile format")
struct PageFromFileTests {
    let pages = [
        WikiPage(title: "Página:Discurso 1931.tif/2", text: "<noinclude><pagequality level=\"1\" user=\"\" /></noinclude>Texto\n\ncon párrafos<noinclude></noinclude>"),
        WikiPage(title: "Índice:Discurso 1931.tif", text: "{{:MediaWiki:Proofreadpage_index_template\n|Title=Discurso\n}}"),
    ]

    @Test func rendersMarkersAndBoldTitles() {
        let file = PageFromFile.render(pages)
        #expect(file.hasPrefix("{{-start-}}\n'''Página:Discurso 1931.tif/2'''\n<noinclude>"))
        #expect(file.components(separatedBy: "{{-start-}}").count == 3)
        #expect(file.components(separatedBy: "{{-stop-}}").count == 3)
        #expect(file.hasSuffix("}}\n{{-stop-}}\n"))
    }

    @Test func parsesWhatItRenders() {
        #expect(PageFromFile.parse(PageFromFile.render(pages)) == pages)
    }
}
