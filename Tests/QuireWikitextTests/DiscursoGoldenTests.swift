import Foundation
import QuireCore
import QuireTestSupport
import QuireWikitext
import Testing

/// The bundled sample's four pages, generated for es and en and compared with wikitext written
/// by hand from `gt/page-00N.gt.txt` and the profiles' conventions.
@Suite("Golden: the bundled sample")
struct DiscursoGoldenTests {
    // The paragraphs of the speech, joined and dehyphenated by hand from the ground truth.
    static let p2a = "Pocas veces le toca a un modesto preceptor de provincia tomar la palabra en un día como este, y os confieso que no encuentro expresiones a la altura de lo que hoy sucede en nuestro pueblo. Hace apenas un año, cuando un puñado de amigos nos reunimos en la trastienda del almacén de don Eleuterio Salinas para soñar con una biblioteca, más de alguno sonrió con lástima. «¿Libros en Curepto?», nos decían, «¿y quién los va a leer, si aquí la gente vive de la tierra y se acuesta con las gallinas?»."
    static let p2b = "Pues bien, señores: aquí están los libros, y aquí estáis vosotros. Esta sala, que hasta el invierno pasado sirvió de bodega para el trigo de la cooperativa, tiene hoy estantes de roble, dos mesas largas, una lámpara de petróleo que alumbra como un pequeño sol y, sobre todo, una puerta que no se cerrará a nadie. El hijo del inquilino y el hijo del patrón, la costurera y el herrero, el viejo que aprendió a leer ya con canas y el niño que recién deletrea, todos tendrán aquí el mismo derecho y la misma silla."
    static let p2c = "Quiero nombrar, aunque sea de paso, a quienes hicieron posible esta obra. A las señoras del Comité de Adelanto, que durante meses organizaron rifas, kermeses y tómbolas sin desanimarse jamás; a mis alumnos de la Escuela Superior, que forraron uno por uno los volúmenes con papel de envolver; al señor cura párroco, que nos cedió toda su colección de historia; y, en fin, a don Gastón Lemaire, gerente de la casa franco-chilena de Talca, que nos envió desde Francia una caja entera de atlas y diccionarios."
    static let p3a = "Se ha dicho muchas veces que el libro es un amigo silencioso, y es verdad; pero yo quisiera agregar que es también un amigo paciente. No se ofende si lo dejamos a medio leer, no nos reprocha la ignorancia, no pregunta de qué familia venimos ni cuánto dinero llevamos en el bolsillo. Espera, sencillamente, a que volvamos. ¡Cuántos hombres ilustres de nuestra patria se formaron así, a la luz de una vela, con un libro prestado entre las manos!<ref>El orador aludía a su propia infancia: aprendió a leer a los once años con un silabario que le prestó el capataz del fundo. (Nota de la Imprenta.)</ref>"
    static let p3b = "No penséis, sin embargo, que esta casa ha de servir solamente para el recreo del espíritu. Hemos reunido también manuales de agricultura y de apicultura, tratados de contabilidad, cartillas de higiene y un curso teórico-práctico de viticultura que, estoy seguro, más de un vecino sabrá aprovechar en la próxima vendimia. El conocimiento no es un lujo de la ciudad: es una herramienta, tan necesaria como el arado o la hoz, y quien la sabe usar cosecha más y mejor."
    static let p3c = "Permitidme ahora dirigirme a los jóvenes. Vosotros, que tenéis toda la vida por delante, no dejéis que el cansancio del trabajo os robe la costumbre de leer. Una hora diaria —una sola— basta para que al cabo de un año seáis otros hombres y otras mujeres. Leed lo que os guste, leed también lo que os cueste, y cuando terminéis un libro, contádselo a vuestros padres en la mesa. Así la lectura entrará en vuestras casas como entra el agua en los surcos: despacio y para quedarse."
    static let p3d = "A los mayores les pido algo distinto: que vengan sin vergüenza. Nadie aquí va a reírse del que lee despacio o del que pregunta el significado de una palabra. Para eso estará la"
    static let p4a = ", la señorita Rosa Elvira Poblete, cuya bondad todos conocemos, y para eso estaremos también los maestros, que los martes y los jueves, al caer la tarde, daremos lecciones gratuitas a quien las desee."
    static let p4b = "Señores: el Chile que soñaron los padres de la patria no se levantará solamente con caminos, puentes y ferrocarriles, aunque todo ello sea indispensable. Se levantará, sobre todo, con ciudadanos que piensen por sí mismos, que sepan distinguir la verdad de la mentira y que no entreguen su voto ni su conciencia al primero que les grite desde una tribuna. Esa es la verdadera independencia, y esa independencia empieza en una sala modesta como esta."
    static let p4c = "Queda, pues, inaugurada nuestra Biblioteca Popular. Que sus lámparas no se apaguen nunca, que sus libros se gasten de tanto andar de mano en mano, y que dentro de cincuenta años alguien, en esta misma sala, recuerde con una sonrisa a aquellos soñadores que, un día de octubre de 1931, se atrevieron a encender una luz."
    static let title = "DISCURSO EN LA BIBLIOTECA POPULAR"

    static func titlePage(centre: (String) -> String) -> String {
        [
            centre("LA LUZ<br />QUE SE ENCIENDE"),
            centre("DISCURSO<br />pronunciado en la inauguración de la<br />Biblioteca Popular de Curepto"),
            centre("por<br />DON ANSELMO URRUTIA BRAVO<br />Preceptor de la Escuela Superior de Hombres"),
            centre("Curepto, 12 de octubre de 1931"),
            centre("IMPRENTA Y ENCUADERNACIÓN «LA PROVINCIA»<br />TALCA — 1931"),
        ].joined(separator: "\n\n")
    }

    /// Spanish Wikisource: plain running headers, centring by `<div>`, a bare trailing hyphen,
    /// no paragraph-end mark, `<references/>`.
    static var spanish: [PageContent] {
        let centre = { (text: String) in "<div style=\"text-align:center;\">\(text)</div>" }
        return [
            PageContent(body: titlePage(centre: centre), level: .notProofread),
            PageContent(header: "\(title) 1", body: [centre("LA LUZ QUE SE ENCIENDE"), "Señoras, señores, queridos vecinos:", p2a, p2b, p2c].joined(separator: "\n\n"), level: .notProofread),
            PageContent(header: "2 \(title)", body: [p3a, p3b, p3c, p3d + " bi-"].joined(separator: "\n\n"), footer: "<references/>", level: .notProofread),
            PageContent(header: "\(title) 3", body: ["bliotecaria" + p4a, p4b, p4c, "He dicho."].joined(separator: "\n\n"), level: .notProofread),
        ]
    }

    /// English Wikisource: `{{rh}}`, `{{center}}`, `{{hws}}`/`{{hwe}}`, `{{nop}}`, `{{smallrefs}}`.
    static var english: [PageContent] {
        let centre = { (text: String) in "{{center|\(text)}}" }
        return [
            PageContent(body: titlePage(centre: centre), level: .notProofread),
            PageContent(header: "{{rh||\(title)|1}}", body: [centre("LA LUZ QUE SE ENCIENDE"), "Señoras, señores, queridos vecinos:", p2a, p2b, p2c + "\n{{nop}}"].joined(separator: "\n\n"), level: .notProofread),
            PageContent(header: "{{rh|2|\(title)|}}", body: [p3a, p3b, p3c, p3d + " {{hws|bi|bibliotecaria}}"].joined(separator: "\n\n"), footer: "{{smallrefs}}", level: .notProofread),
            PageContent(header: "{{rh||\(title)|3}}", body: ["{{hwe|bliotecaria|bibliotecaria}}" + p4a, p4b, p4c, "He dicho."].joined(separator: "\n\n"), level: .notProofread),
        ]
    }

    static func generate(_ wiki: WikiCode, tagged: Bool) throws -> GeneratedDocument {
        let pages = try DiscursoSample.pages(tagged: tagged).mapValues(PageSource.ocr)
        return try WikitextGenerator(wiki: wiki).generate(
            document: try DiscursoSample.metadata(), pages: pages, options: GenerationOptions(lexicon: SpanishLexiconFixture.lexicon))
    }

    @Test("es and en pages, from tagged and from untagged layout", arguments: [WikiCode.es, .en], [true, false])
    func pagesMatchHandWrittenWikitext(wiki: WikiCode, tagged: Bool) throws {
        let document = try Self.generate(wiki, tagged: tagged)
        let expected = wiki == .es ? Self.spanish : Self.english
        #expect(document.pages.count == 4)
        for (page, want) in zip(document.pages, expected) {
            #expect(page.content.header == want.header, "page \(page.number) header")
            #expect(page.content.body == want.body, "page \(page.number) body")
            #expect(page.content.footer == want.footer, "page \(page.number) footer")
            #expect(page.content.level == want.level, "page \(page.number) level")
            #expect(PageContent(wikitext: page.content.wikitext) == page.content)
        }
        #expect(document.pages.map(\.printedNumber?.value) == [nil, 1, 2, 3])
    }

    @Test func spanishTitlesIndexAndMainPage() throws {
        let document = try Self.generate(.es, tagged: true)
        #expect(document.pages.map(\.title) == (1...4).map { "Página:Discurso 1931.tif/\($0)" })
        #expect(document.index.title == "Índice:Discurso 1931.tif")
        #expect(document.index.wikitext == """
            {{:MediaWiki:Proofreadpage_index_template
            |Title=[[La luz que se enciende]]
            |Author=[[Autor:Anselmo Urrutia Bravo|Anselmo Urrutia Bravo]]
            |Year=1931
            |Publisher=Imprenta y Encuadernación «La Provincia»
            |Source=tif
            |Progress=C
            |Pages=<pagelist 1=– 2=1 />
            |Header=DISCURSO EN LA BIBLIOTECA POPULAR
            |Footer=
            }}
            """)
        #expect(document.mainPages == [GeneratedWikiPage(title: "La luz que se enciende", wikitext: "<pages index=\"Discurso 1931.tif\" from=1 to=4 />")])
        #expect(document.manifest.map(\.title).suffix(2) == ["Índice:Discurso 1931.tif", "La luz que se enciende"])
        #expect(document.manifest.prefix(4).allSatisfy { $0.level == .notProofread && $0.flags.isEmpty })
    }

    @Test func englishMainPageHasTheHeaderTemplate() throws {
        let document = try Self.generate(.en, tagged: true)
        #expect(document.pages.first?.title == "Page:Discurso 1931.tif/1")
        #expect(document.mainPages.first?.wikitext == """
            {{header|title=La luz que se enciende|author=Anselmo Urrutia Bravo|previous=|next=}}
            <pages index="Discurso 1931.tif" from=1 to=4 />
            """)
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "<pagelist 1=– 2=1 />")
        #expect(document.index.fields.first { $0.key == "Header" }?.value == "{{rh||DISCURSO EN LA BIBLIOTECA POPULAR|}}")
        #expect(document.index.fields.first { $0.key == "Language" }?.value == "es")
    }

    @Test func withoutAWordListTheCompoundIsJoinedAndThatIsTheDocumentedFallback() throws {
        let pages = try DiscursoSample.pages(tagged: true).mapValues(PageSource.ocr)
        let document = try WikitextGenerator(wiki: .es).generate(document: try DiscursoSample.metadata(), pages: pages)
        let body = try #require(document.pages.dropFirst().first?.content.body)
        #expect(body.contains("francochilena"))
        #expect(body.contains("encuentro") && body.contains("lástima") && body.contains("desanimarse"))
        #expect(try #require(document.pages.dropFirst(2).first?.content.body).contains("teórico-práctico"))
    }
}
