import QuireCore

/// The title page, the rights page, the note on the source and the cover page.
struct FrontMatter {
    let book: EPUBBook
    let language: String

    /// The MARC relator code of a contributor's role, for `dc:creator`/`dc:contributor` refinements.
    static let relator: [ContributorRole: String] = [.author: "aut", .translator: "trl", .editor: "edt", .illustrator: "ill"]

    /// How a role reads on the title page.
    static let roleName: [ContributorRole: String] = [.author: "author", .translator: "translator", .editor: "editor", .illustrator: "illustrator"]

    /// The title page: title, contributors with their roles and dates, publication, publisher, place.
    func titlePage() -> String {
        let metadata = book.metadata
        var body = "<section epub:type=\"titlepage\" class=\"front\">\n<h1>\(XHTML.text(metadata.title))</h1>\n"
        for contributor in metadata.contributors {
            body += "<p>\(XHTML.text(contributor.summary)), \(Self.roleName[contributor.role] ?? contributor.role.rawValue)</p>\n"
        }
        if let line = publicationLine() { body += "<p>\(XHTML.text(line))</p>\n" }
        body += "</section>"
        return XHTML.document(title: metadata.title, language: language, body: body)
    }

    /// `Madrid: Imprenta X, 1931`, or whatever of it is known; `Unpublished` for a work never
    /// published.
    func publicationLine() -> String? {
        let metadata = book.metadata
        if metadata.publication.unpublished { return "Unpublished" }
        let placeAndPublisher = [metadata.publication.place, metadata.publisher].compactMap { $0?.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: ": ")
        let date = metadata.publication.date.map(\.description)
        let parts = [placeAndPublisher, date ?? ""].filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The rights page, from the clearance verdict for the release.
    func rightsPage() -> String {
        var body = "<section epub:type=\"copyright-page\">\n<h2>Rights</h2>\n"
        for paragraph in book.rights.paragraphs { body += "<p>\(XHTML.text(paragraph))</p>\n" }
        if let url = book.rights.licenceURL {
            body += "<p>Legal code: <a href=\"\(XHTML.attribute(url))\">\(XHTML.text(url))</a></p>\n"
        }
        body += "</section>"
        return XHTML.document(title: "Rights", language: language, body: body)
    }

    /// The note on the source: the institution, the scan, the catalogue's record, the pages.
    func sourcePage() -> String {
        let source = book.source
        var body = "<section epub:type=\"colophon\">\n<h2>About this edition</h2>\n"
        let maker = source.institution.map { "Made by \($0) with \(book.generator)" } ?? "Made with \(book.generator)"
        body += "<p>\(XHTML.text("\(maker) from the scan \(source.scan), document \(source.document) of its catalogue."))</p>\n"
        let edition = source.edition.hasSuffix(".") ? source.edition : source.edition + "."
        body += "<p>\(XHTML.text("Source: \(edition) The page numbers in the navigation are those printed in it; running heads, page numbers and catch-words are left out, and words divided across pages are joined."))</p>\n"
        body += "</section>"
        return XHTML.document(title: "About this edition", language: language, body: body)
    }

    /// The cover page, showing the cover image.
    func coverPage(image: String) -> String {
        let alt = "Cover: the first page of the scan of \(book.metadata.title)"
        let body = "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"\(image)\" alt=\"\(XHTML.attribute(alt))\"/>\n</section>"
        return XHTML.document(title: "Cover", language: language, body: body)
    }
}
