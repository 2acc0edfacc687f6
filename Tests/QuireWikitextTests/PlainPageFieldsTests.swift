import QuireWikitext
import Testing

/// A Page: page's fields as a reader sees them, for the structural evaluation.
@Suite("Plain page fields")
struct PlainPageFieldsTests {
    @Test("Page fields are read as a reader sees them")
    func plainFields() {
        let content = PageContent(wikitext: "<noinclude><pagequality level=\"1\" user=\"\" />{{rh|2|DISCURSO EN LA BIBLIOTECA|}}</noinclude>{{hwe|bliotecaria|bibliotecaria}}, la ''señorita''&#58; {{center|Rosa}}<ref>Una nota.</ref> fin la bi-\n\n{{nop}}\nPara eso {{hws|bi|bibliotecaria}}<noinclude>{{smallrefs}}</noinclude>")
        let fields = PlainPageFields(content, wiki: .en)
        #expect(fields.header == "2 DISCURSO EN LA BIBLIOTECA")
        #expect(fields.notes == ["Una nota."])
        #expect(fields.body == "bliotecaria, la señorita: Rosa fin la bi-\n\n\nPara eso bi-")
        #expect(fields.startsWithDividedWord?.whole == "bibliotecaria" && fields.endsWithDividedWord?.part == "bi")
        #expect(fields.footer == "")
    }
}
