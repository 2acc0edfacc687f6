public import QuireCore

/// Writes an ``EPUBBook`` as an EPUB 3 file: the title page, the rights page, the table of
/// contents, one chapter per work or heading with its footnotes, the note on the source and an
/// optional cover; `nav.xhtml` with the table of contents, landmarks and the page list; the
/// package document with Dublin Core and accessibility metadata. Pure: the same book gives the
/// same bytes (fixed order, ids and times).
public enum EPUBWriter {
    /// The files of the container, in the order they are zipped (`mimetype` first).
    public static func files(_ book: EPUBBook) -> [EPUBFile] {
        let language = languageTag(book.metadata.languages)
        let front = FrontMatter(book: book, language: language)
        let writer = ChapterWriter(text: book.text, language: language)
        let chapters = writer.chapters()
        let (chapterFiles, pageLocations) = writer.render(chapters)
        let pages = pageLocations.sorted { $0.key < $1.key }.map(\.value)

        var items: [ManifestItem] = []
        var content: [EPUBFile] = []
        func add(_ id: String, _ href: String, _ text: String, properties: String? = nil, spine: Bool = true) {
            items.append(ManifestItem(id: id, href: href, mediaType: "application/xhtml+xml", properties: properties, inSpine: spine))
            content.append(EPUBFile(path: "EPUB/" + href, bytes: Array(text.utf8)))
        }
        var landmarks: [(type: String, href: String, label: String)] = []
        if let cover = book.cover {
            let image = "images/cover.\(cover.kind.fileExtension)"
            add("cover", "text/cover.xhtml", front.coverPage(image: "../" + image))
            items.append(ManifestItem(id: "cover-image", href: image, mediaType: cover.kind.mediaType, properties: "cover-image", inSpine: false))
            content.append(EPUBFile(path: "EPUB/" + image, bytes: cover.bytes, stored: true))
            landmarks.append(("cover", "text/cover.xhtml", "Cover"))
        }
        add("title-page", "text/title.xhtml", front.titlePage())
        landmarks.append(("titlepage", "text/title.xhtml", "Title page"))
        add("rights", "text/rights.xhtml", front.rightsPage())
        landmarks.append(("toc", "nav.xhtml", "Contents"))
        let navIndex = items.count
        for (index, chapter) in chapters.enumerated() {
            add("chapter-\(index + 1)", "text/\(chapter.file)", chapterFiles[chapter.file] ?? "")
        }
        if let first = chapters.first { landmarks.append(("bodymatter", "text/\(first.file)", "Start of the text")) }
        add("source", "text/source.xhtml", front.sourcePage())
        let package = PackageDocument(book: book, language: language)
        let nav = package.nav(chapters: chapters, pages: pages, landmarks: landmarks)
        items.insert(ManifestItem(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav", inSpine: true), at: navIndex)
        items.append(ManifestItem(id: "style", href: "style.css", mediaType: "text/css", properties: nil, inSpine: false))
        let opf = package.opf(items: items, hasCover: book.cover != nil)
        return [
            EPUBFile(path: "mimetype", bytes: Array("application/epub+zip".utf8), stored: true),
            EPUBFile(path: "META-INF/container.xml", bytes: Array(PackageDocument.container.utf8)),
            EPUBFile(path: "EPUB/content.opf", bytes: Array(opf.utf8)),
            EPUBFile(path: "EPUB/nav.xhtml", bytes: Array(nav.utf8)),
            EPUBFile(path: "EPUB/style.css", bytes: Array(XHTML.stylesheet.utf8)),
        ] + content
    }

    /// The EPUB file's bytes.
    public static func write(_ book: EPUBBook) throws(EPUBError) -> [UInt8] {
        try ZIPCalls.archive(files(book))
    }

    /// The files inside an EPUB (or any ZIP) file, in order: for checks and tests.
    public static func read(_ bytes: [UInt8]) throws(EPUBError) -> [EPUBFile] {
        try ZIPCalls.entries(bytes)
    }

    /// The BCP 47 tag of the primary language (`es`), or `und` when it has no two-letter code.
    static func languageTag(_ languages: LanguageSet) -> String {
        languages.primary.iso6391 ?? "und"
    }
}
