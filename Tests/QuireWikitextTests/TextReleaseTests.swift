@testable import QuireWikitext
import Testing

@Suite("Text-only releases")
struct TextReleaseTests {
    @Test("one page per Markdown heading, with the profile's header template and page anchors")
    func markdownParts() throws {
        let text = "Palabras previas del editor.\n\n# Discurso de 1931\n\nSeñoras y *señores*: [p. 12] hoy inauguramos.\n\n— 13 —\n\nSigue el texto.\n\n# Discurso de 1932\n\nOtra vez aquí.\u{0C}Nueva página {{page|20}} y más."
        let pages = try TextRelease(wiki: .en).pages(of: text, title: "Discursos", author: "Anselmo Urrutia")
        #expect(pages.map(\.title) == ["Discursos", "Discursos/Discurso de 1931", "Discursos/Discurso de 1932"])
        #expect(pages[0].wikitext.hasPrefix("{{header|title=Discursos|author=Anselmo Urrutia|previous=|next=}}"))
        #expect(pages[0].wikitext.contains("Palabras previas del editor."))
        #expect(pages[0].wikitext.contains("* [[Discursos/Discurso de 1931|Discurso de 1931]]"))
        let first = pages[1].wikitext
        #expect(first.hasPrefix("{{header|title=Discursos|author=Anselmo Urrutia|section=Discurso de 1931|previous=|next=[[Discursos/Discurso de 1932]]}}"))
        #expect(first.contains("{{center|Discurso de 1931}}"))
        #expect(first.contains("Señoras y ''señores'': <span id=\"p12\"></span> hoy inauguramos."))
        #expect(first.contains("<span id=\"p13\"></span>"))
        #expect(!first.contains("— 13 —"))
        let second = pages[2].wikitext
        #expect(second.contains("previous=[[Discursos/Discurso de 1931]]|next=}}"))
        #expect(second.contains("<span id=\"p14\"></span>"))  // the form feed after page 13
        #expect(second.contains("<span id=\"p20\"></span>"))
    }

    @Test("plain-text chapter headings; Spanish has no header template; one part is one page")
    func plainHeadings() throws {
        let text = "CAPÍTULO I\n\nEra una vez.\n\nCAPÍTULO II\n\nY otra vez."
        let pages = try TextRelease(wiki: .es).pages(of: text, title: "Cuento")
        #expect(pages.map(\.title) == ["Cuento", "Cuento/CAPÍTULO I", "Cuento/CAPÍTULO II"])
        #expect(!pages[1].wikitext.contains("{{header"))
        #expect(pages[1].wikitext.contains("CAPÍTULO I"))
        #expect(pages[1].wikitext.contains("Era una vez."))
        let single = try TextRelease(wiki: .es).pages(of: "Un discurso sin títulos.\n\nDos párrafos {{y}} nada más.", title: "Discurso")
        #expect(single.count == 1)
        #expect(single[0].wikitext.contains("Un discurso sin títulos.\n\nDos párrafos &#123;{y}} nada más.") || !single[0].wikitext.contains("{{y}}"))
    }
}

/// Issue 14 #9: a main page stays in the main namespace.
@Suite("Main page titles")
struct MainPageTitleTests {
    @Test("a title that names a namespace or another wiki is refused", arguments: [
        ("Template:Header", WikiCode.en), ("Page:Libro.pdf/1", .en), ("User talk:Ana", .en), ("w:Foo", .en), ("Plantilla:Cabecera", .es),
        ("Vorlage:X", .de), ("Discusión:Libro", .es), ("Modèle:Titre", .fr), ("Autore:Dante", .it), ("Página:Libro.pdf/1", .es), ("template : x", .en),
    ])
    func refused(title: String, wiki: WikiCode) throws {
        #expect(throws: WikitextError.self) { try TextRelease(wiki: wiki).pages(of: "Texto.", title: title) }
        #expect(throws: WikitextError.self) { try Generate.run(wiki, [PageBuilder.page([.init(role: .paragraph, lines: ["Texto."])])], document: Generate.document(title)) }
    }

    @Test("titles with a colon that names nothing stay", arguments: ["Discurso: la luz", "Carta a Juan: 1931", ":Libro", "Don Quijote"])
    func allowed(title: String) throws {
        #expect(try TextRelease(wiki: .es).pages(of: "Texto.", title: title).first?.title == title)
    }
}
