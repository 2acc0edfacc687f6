import Foundation
import QuireCore
import QuireEPUB

/// A small book with everything an e-book must carry: a title page of centred lines, a
/// paragraph with a note, a paragraph running over a page break, verse with indents, a table,
/// right-to-left text, and hostile text; and readers of what the writer wrote.
enum EPUBFixture {
    static let hostile = "<script>alert(1)</script> & ]]> \u{0007}bell \u{202E}gnirts desrever"

    static func book(hostileTitle: Bool = false, cover: Bool = false) -> EPUBBook {
        let text = BookText(
            works: [
                BookWork(title: "Discurso", blocks: [
                    BookBlock(kind: .centred, lines: [[.pageStart(0), .text("DISCURSO")], [.text("pronunciado en 1931")]]),
                    BookBlock(kind: .paragraph, lines: [[.text("Señores: la biblioteca"), .noteReference(0), .text(" es de todos, y "), .pageStart(1), .text("su lectura también.")]]),
                    BookBlock(kind: .verse, lines: [[.text("En un lugar")], [.text("de cuyo nombre")], [.text("no quiero acordarme")]], indents: [0, 2, 0]),
                    BookBlock(kind: .lines, lines: [[.text("Año | Libros")], [.text("1930 | 1.200")]]),
                    BookBlock(kind: .centred, lines: [[.text("II")]]),
                    BookBlock(kind: .paragraph, lines: [[.pageStart(2), .text("שלום עולם, dijo el rabino.")]]),
                    BookBlock(kind: .paragraph, lines: [[.text(hostile)]]),
                ]),
            ],
            notes: [BookNote(content: [.text("Una nota que sigue en la página siguiente.")])],
            pages: [
                BookPage(number: PageNumber(1)!, printed: nil),
                BookPage(number: PageNumber(2)!, printed: "1"),
                BookPage(number: PageNumber(3)!, printed: "2"),
            ])
        var metadata = DocumentMetadata(
            title: hostileTitle ? "Título " + hostile : "Discurso en la biblioteca",
            contributors: [Contributor(role: .author, identity: .person(name: "Ana Pérez", born: nil, death: .died(HistoricalDate(year: 1930))))],
            publication: Publication(date: HistoricalDate(year: 1931), place: "Madrid", country: CountryCode("ES")),
            languages: LanguageSet("spa") ?? LanguageSet([]), publisher: "Imprenta Real")
        metadata.wikiFileName = "Discurso 1931.pdf"
        return EPUBBook(
            identifier: "urn:quire:document:discurso", metadata: metadata, text: text,
            rights: RightsStatement(summary: "Public domain in the United States and in the country of first publication.", paragraphs: ["Free."]),
            source: SourceNote(institution: "Biblioteca X", scan: "Discurso 1931.pdf", document: DocumentID("discurso")!, edition: "Discurso. Madrid, 1931."),
            modified: "2026-12-07T18:52:13Z",
            cover: cover ? CoverImage(bytes: Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B], kind: .gif) : nil,
            generator: "Quire test")
    }

    /// The files of the written EPUB, by path.
    static func files(_ bytes: [UInt8]) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try EPUBWriter.read(bytes).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// The text a reader reads in the chapter files: tags stripped, note markers, back-links and
    /// the notes' section taken out, blocks and lines separated by white space, entities read.
    static func chapterText(_ files: [String: String]) -> (body: String, notes: String) {
        var body = ""
        var notes = ""
        for path in files.keys.sorted() where path.hasPrefix("EPUB/text/chapter-") {
            guard let file = files[path], let start = file.range(of: "<body>"), let end = file.range(of: "</body>") else { continue }
            var content = String(file[start.upperBound..<end.lowerBound])
            content = content.replacing(#/<a epub:type="noteref"[^>]*>[^<]*</a>/#, with: "")
            content = content.replacing(#/<a [^>]*role="doc-backlink"[^>]*>[^<]*</a> ?/#, with: "")
            if let notesStart = content.range(of: "<section class=\"notes\"") {
                notes += " " + strip(String(content[notesStart.lowerBound...]))
                content = String(content[..<notesStart.lowerBound])
            }
            body += " " + strip(content)
        }
        return (normalised(body), normalised(notes))
    }

    static func strip(_ xhtml: String) -> String {
        let spaced = xhtml.replacing(#/<br/>|</p>|</h2>|</div>/#, with: "\n")
        let text = spaced.replacing(#/<[^>]*>/#, with: "")
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
