import QuireCore

/// An item of the package: a file in the manifest, in the spine when it is read.
struct ManifestItem: Hashable, Sendable {
    var id: String
    var href: String
    var mediaType: String
    var properties: String?
    var inSpine: Bool
}

/// The package document (`content.opf`), the navigation document (`nav.xhtml`) and the
/// container file.
struct PackageDocument {
    let book: EPUBBook
    let language: String

    /// `META-INF/container.xml`, pointing at the package document.
    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """

    /// The package document: metadata (Dublin Core, refinements, accessibility), manifest, spine.
    func opf(items: [ManifestItem], hasCover: Bool) -> String {
        let metadata = book.metadata
        var meta: [String] = [
            "<dc:identifier id=\"uid\">\(XHTML.text(book.identifier))</dc:identifier>",
            "<dc:title id=\"title\">\(XHTML.text(metadata.title))</dc:title>",
            "<dc:language>\(XHTML.text(language))</dc:language>",
        ]
        for (index, contributor) in metadata.contributors.enumerated() {
            let element = contributor.role == .author ? "dc:creator" : "dc:contributor"
            meta.append("<\(element) id=\"c\(index + 1)\">\(XHTML.text(contributor.displayName))</\(element)>")
            if let code = FrontMatter.relator[contributor.role] {
                meta.append("<meta refines=\"#c\(index + 1)\" property=\"role\" scheme=\"marc:relators\">\(code)</meta>")
            }
        }
        if let date = metadata.publication.date, !metadata.publication.unpublished {
            meta.append("<dc:date>\(Self.w3cYear(date.year))</dc:date>")
        }
        if let publisher = metadata.publisher?.trimmingWhitespace, !publisher.isEmpty {
            meta.append("<dc:publisher>\(XHTML.text(publisher))</dc:publisher>")
        }
        meta.append("<dc:rights>\(XHTML.text(book.rights.summary))</dc:rights>")
        meta.append("<dc:source id=\"src\">\(XHTML.text(book.source.edition))</dc:source>")
        meta.append("<meta refines=\"#src\" property=\"source-of\">pagination</meta>")
        meta.append("<meta property=\"dcterms:modified\">\(XHTML.text(book.modified))</meta>")
        meta.append("<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>")
        meta.append("<meta property=\"schema:accessMode\">textual</meta>")
        if hasCover { meta.append("<meta property=\"schema:accessMode\">visual</meta>") }
        meta.append("<meta property=\"schema:accessModeSufficient\">textual</meta>")
        for feature in ["printPageNumbers", "pageBreakMarkers", "tableOfContents", "readingOrder", "structuralNavigation"] {
            meta.append("<meta property=\"schema:accessibilityFeature\">\(feature)</meta>")
        }
        if hasCover { meta.append("<meta property=\"schema:accessibilityFeature\">alternativeText</meta>") }
        meta.append("<meta property=\"schema:accessibilityHazard\">none</meta>")
        meta.append("<meta property=\"schema:accessibilitySummary\">\(XHTML.text(Self.accessibilitySummary(hasCover: hasCover)))</meta>")
        if hasCover { meta.append("<meta name=\"cover\" content=\"cover-image\"/>") }
        let manifest = items.map { item in
            "<item id=\"\(item.id)\" href=\"\(XHTML.attribute(item.href))\" media-type=\"\(item.mediaType)\"\(item.properties.map { " properties=\"\($0)\"" } ?? "")/>"
        }
        let spine = items.filter(\.inSpine).map { "<itemref idref=\"\($0.id)\"/>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="\(XHTML.attribute(language))">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            \(meta.joined(separator: "\n"))
            </metadata>
            <manifest>
            \(manifest.joined(separator: "\n"))
            </manifest>
            <spine>
            \(spine.joined(separator: "\n"))
            </spine>
            </package>

            """
    }

    /// The accessibility summary: what the book has and how it reads.
    static func accessibilitySummary(hasCover: Bool) -> String {
        "Text transcribed from a scanned printed edition, in reading order, with a table of contents, headings, "
            + "footnotes linked both ways and the printed page numbers as page-break marks and a page list. "
            + (hasCover ? "The only image is the cover, described in text. " : "There are no images. ")
            + "No hazards."
    }

    /// A year as W3CDTF (`0931` for a year below 1000).
    static func w3cYear(_ year: Int) -> String {
        let digits = String(max(0, year))
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The navigation document: table of contents, landmarks and the page list.
    func nav(chapters: [Chapter], pages: [PageLocation], landmarks: [(type: String, href: String, label: String)]) -> String {
        var body = "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h2>Contents</h2>\n<ol>\n"
        for chapter in chapters {
            body += "<li><a href=\"text/\(chapter.file)\">\(XHTML.text(chapter.title))</a></li>\n"
        }
        body += "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"\">\n<h2>Landmarks</h2>\n<ol>\n"
        for landmark in landmarks {
            body += "<li><a epub:type=\"\(landmark.type)\" href=\"\(landmark.href)\">\(XHTML.text(landmark.label))</a></li>\n"
        }
        body += "</ol>\n</nav>\n"
        if !pages.isEmpty {
            body += "<nav epub:type=\"page-list\" id=\"page-list\" hidden=\"\">\n<h2>Pages</h2>\n<ol>\n"
            for page in pages {
                body += "<li><a href=\"text/\(page.href)\">\(XHTML.text(page.label))</a></li>\n"
            }
            body += "</ol>\n</nav>"
        }
        return XHTML.document(title: "Contents", language: language, body: body, stylesheet: "style.css")
    }
}
