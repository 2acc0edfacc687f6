import QuireCore
import QuireWikitext
import Testing

@Suite("Index and main pages")
struct IndexAndMainPageTests {
    static let full = "Una línea completa de texto justificado que llega de un margen al otro"

    /// Two speeches: the first on pages 1–2, the second from the heading on page 2 to page 3.
    static func pamphlet() -> [PageText] {
        [
            PageBuilder.page([PageBuilder.paragraph([Self.full, "primero."]), PageBuilder.paragraph([Self.full, "segundo."], indent: 3)]),
            PageBuilder.page([
                PageBuilder.paragraph([Self.full, "tercero."], indent: 3), PageBuilder.region(.heading, ["SEGUNDO DISCURSO"]),
                PageBuilder.paragraph([Self.full, "cuarto."], indent: 3),
            ]),
            PageBuilder.page([PageBuilder.paragraph([Self.full, "quinto."], indent: 3)]),
        ]
    }

    static let works = [
        WorkSpan(title: "Primer discurso", from: .first, to: .first.next),
        WorkSpan(title: "Segundo discurso", from: .first.next, firstBlock: 1, to: .first.advanced(by: 2)),
    ]

    @Test func worksSharingAPageGetSectionsAndTheirOwnMainPages() throws {
        let document = try Generate.run(.es, Self.pamphlet(), options: GenerationOptions(works: Self.works))
        #expect(document.pages[0].content.body == Self.full + " primero.\n\n" + Self.full + " segundo.")
        #expect(document.pages[1].content.body == """
            <section begin="s1" />\(Self.full) tercero.<section end="s1" />

            <section begin="s2" /><div style="text-align:center;">SEGUNDO DISCURSO</div>

            \(Self.full) cuarto.<section end="s2" />
            """)
        #expect(document.pages[2].content.body == Self.full + " quinto.")
        #expect(document.mainPages == [
            GeneratedWikiPage(title: "Primer discurso", wikitext: "<pages index=\"Libro.pdf\" from=1 to=2 tosection=\"s1\" />"),
            GeneratedWikiPage(title: "Segundo discurso", wikitext: "<pages index=\"Libro.pdf\" from=2 to=3 fromsection=\"s2\" />"),
        ])
        // Several works: the Index's Title is the document's, not a link to one of them.
        #expect(document.index.fields.first { $0.key == "Title" }?.value == "Libro")
    }

    @Test func englishMainPagesLinkTheirNeighboursAndFrenchAsksForTheHeader() throws {
        let english = try Generate.run(.en, Self.pamphlet(), options: GenerationOptions(works: Self.works))
        #expect(english.mainPages.map(\.wikitext) == [
            "{{header|title=Primer discurso|author=|previous=|next=[[Segundo discurso]]}}\n<pages index=\"Libro.pdf\" from=1 to=2 tosection=\"s1\" />",
            "{{header|title=Segundo discurso|author=|previous=[[Primer discurso]]|next=}}\n<pages index=\"Libro.pdf\" from=2 to=3 fromsection=\"s2\" />",
        ])
        let french = try Generate.run(.fr, Self.pamphlet(), options: GenerationOptions(works: Self.works))
        #expect(french.mainPages.first?.wikitext == "<pages index=\"Libro.pdf\" from=1 to=2 tosection=\"s1\" header=1 />")
        #expect(french.index.title == "Livre:Libro.pdf")
        #expect(french.pages.first?.title == "Page:Libro.pdf/1")
    }

    @Test func twoWorksOnOnePageUseOnlySection() throws {
        let page = PageBuilder.page([PageBuilder.paragraph([Self.full, "uno."]), PageBuilder.region(.heading, ["OTRO"]), PageBuilder.paragraph([Self.full, "dos."], indent: 3)])
        let works = [WorkSpan(title: "Uno", from: .first, to: .first), WorkSpan(title: "Otro", from: .first, firstBlock: 1, to: .first)]
        let document = try Generate.run(.es, [page], options: GenerationOptions(works: works))
        #expect(document.mainPages.map(\.wikitext) == [
            "<pages index=\"Libro.pdf\" from=1 to=1 onlysection=\"s1\" />", "<pages index=\"Libro.pdf\" from=1 to=1 onlysection=\"s2\" />",
        ])
        #expect(document.pages[0].content.body.hasPrefix("<section begin=\"s1\" />"))
        #expect(document.pages[0].content.body.contains("uno.<section end=\"s1\" />\n\n<section begin=\"s2\" />"))
    }

    @Test("works that cannot be written are refused", arguments: [
        [WorkSpan(title: "A", from: .first.next, to: .first)],
        [WorkSpan(title: "A", from: .first, to: .first.next), WorkSpan(title: "B", from: .first, to: .first.next)],
        [WorkSpan(title: "A", from: .first, firstBlock: 7, to: .first)],
        [WorkSpan(title: "A [1]", from: .first, to: .first)],
        [WorkSpan(title: "A", from: .first, to: .first.advanced(by: 5))],
    ])
    func invalidWorks(works: [WorkSpan]) {
        #expect(throws: WikitextError.self) { try Generate.run(.es, Self.pamphlet(), options: GenerationOptions(works: works)) }
    }

    @Test func anImageSetListsItsPagesAsLinks() throws {
        let images: [PageNumber: String] = [.first: "Scan 001.jpg", .first.next: "Scan 002.jpg"]
        let pages = [PageBuilder.page([PageBuilder.paragraph([Self.full])]), PageBuilder.page([PageBuilder.paragraph([Self.full])])]
        let document = try Generate.run(.en, pages, options: GenerationOptions(scan: .images(images)))
        #expect(document.pages.map(\.title) == ["Page:Scan 001.jpg", "Page:Scan 002.jpg"])
        #expect(document.index.title == "Index:Scan 001.jpg")
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "[[Page:Scan 001.jpg|1]] [[Page:Scan 002.jpg|2]]")
        #expect(document.index.fields.first { $0.key == "Source" }?.value == "jpg")
        #expect(document.mainPages.first?.wikitext.hasSuffix("<pages index=\"Scan 001.jpg\" from=\"Scan 001.jpg\" to=\"Scan 002.jpg\" />") == true)
    }

    @Test func indexHasEveryFieldOfTheProfileAndAJSONForm() throws {
        var metadata = Generate.document("Poemas / Versos", file: "Poemas.djvu")
        metadata.contributors = [
            Contributor(role: .author, identity: .person(name: "Gabriela Mistral", born: nil, death: .unknown)),
            Contributor(role: .translator, identity: .anonymous),
        ]
        metadata.publication = Publication(date: HistoricalDate(year: 1922), place: "Nueva York")
        metadata.publisher = "Instituto de las Españas"
        let document = try Generate.run(.en, [PageBuilder.page([PageBuilder.paragraph([Self.full])])], document: metadata)
        #expect(document.index.fields.map(\.key) == WikiCode.en.profile.indexFields.map(\.key))
        let value = { (key: String) in document.index.fields.first { $0.key == key }?.value }
        #expect(value("Author") == "[[Author:Gabriela Mistral|Gabriela Mistral]]")
        #expect(value("Translator") == "Anonymous")
        #expect(value("Year") == "1922" && value("Address") == "Nueva York" && value("Source") == "djvu" && value("Progress") == "C")
        #expect(value("Title") == "[[Poemas / Versos]]")
        #expect(document.index.wikitext.hasPrefix("{{:MediaWiki:Proofreadpage_index_template\n|Type=\n|Title=[[Poemas / Versos]]\n"))
        #expect(document.index.wikitext.hasSuffix("\n|Header=\n|Footer=\n}}"))
        #expect(document.index.json.hasPrefix("{\"fields\":{\"Type\":\"\",\"Title\":\"[[Poemas \\/ Versos]]\",\"Language\":\"es\""))
        #expect(document.index.json.contains("\"Publisher\":\"Instituto de las Españas\""))
        #expect(document.index.json.hasSuffix("\"Pages\":\"<pagelist \\/>\",\"Volumes\":\"\",\"Remarks\":\"\",\"Width\":\"\",\"Css\":\"\",\"Header\":\"\",\"Footer\":\"\"},\"categories\":[]}"))
    }

    @Test func germanIndexUsesItsOwnKeysAndMainNamespaceAuthors() throws {
        var metadata = Generate.document("Gedichte", file: "Gedichte.pdf", language: "deu")
        metadata.contributors = [Contributor(role: .author, identity: .person(name: "Heinrich Heine", born: nil, death: .unknown))]
        let document = try Generate.run(.de, [PageBuilder.page([PageBuilder.paragraph([Self.full])])], document: metadata)
        #expect(document.index.title == "Index:Gedichte.pdf")
        #expect(document.pages.first?.title == "Seite:Gedichte.pdf/1")
        #expect(document.index.wikitext == """
            {{:MediaWiki:Proofreadpage_index_template
            |AUTOR=[[Heinrich Heine]]
            |TITEL=[[Gedichte]]
            |HERAUSGEBER=
            |VERLAG=
            |ORT=
            |JAHR=
            |QUELLE=pdf
            |BILD=
            |BEARBEITUNGSSTAND=unkorrigiert
            |SEITEN=<pagelist />
            }}
            """)
    }
}
