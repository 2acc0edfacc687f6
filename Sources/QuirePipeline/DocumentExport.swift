import Foundation
import QuireCore
import QuirePublish
public import QuireWikitext
import QuireXML

/// The forms `quire export` writes a document's generated pages in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// A MediaWiki XML import file (export format 0.11) for `Special:Import` or `importDump.php`.
    case xml
    /// pywikibot's `pagefromfile.py` input.
    case pagefromfile
    /// A folder with one file per page and `manifest.json`.
    case files
    /// An EPUB 3 e-book of the joined text (``EbookExport``), not wiki pages.
    case epub
    /// A searchable PDF: the scan with the current text as an invisible layer (``SearchablePDFExport``).
    case pdf
    /// A bundled DjVu with hidden text, made with djvulibre (``SearchablePDFExport``).
    case djvu
}

/// One file of an export: its name (relative to `--out` for `files`) and bytes.
public struct ExportFile: Sendable, Hashable {
    public var name: String
    public var bytes: [UInt8]
}

/// Renders a document's publication items in an export format. Pure: the caller writes files.
public enum DocumentExport {
    /// Who and what an export names in its revisions.
    public struct Provenance: Sendable {
        /// The contributor's user name (`--user`, else `Quire`).
        public var contributor: String
        /// The revision comment (names Quire and the source).
        public var comment: String
        /// The revisions' timestamp, ISO 8601 UTC (`2026-11-25T00:35:00Z`).
        public var timestamp: String
        /// The generator line (`Quire 0.1.0`).
        public var generator: String

        public init(contributor: String, comment: String, timestamp: String, generator: String) {
            self.contributor = contributor
            self.comment = comment
            self.timestamp = timestamp
            self.generator = generator
        }
    }

    /// The files of `items` in `format`. `xml` and `pagefromfile` make one file named
    /// `export.xml` / `pagefromfile.txt` (the caller writes it to `--out`); `files` makes one
    /// `.wikitext` file per page plus `manifest.json`.
    public static func render(_ items: [PublicationItem], profile: WikiProfile, format: ExportFormat, provenance: Provenance) throws -> [ExportFile] {
        switch format {
        case .xml:
            let site = MediaWikiExportSite(
                name: "Wikisource", database: "\(profile.code.rawValue)wikisource", language: profile.code.rawValue,
                namespaces: [
                    WikiNamespaceName(id: 0, name: ""),
                    WikiNamespaceName(id: profile.pageNamespace.id, name: profile.pageNamespace.name),
                    WikiNamespaceName(id: profile.indexNamespace.id, name: profile.indexNamespace.name),
                ])
            let pages = items.map { item in
                MediaWikiExportPage(
                    title: item.title, namespace: namespace(of: item, profile: profile), model: item.kind.contentModel, text: item.text)
            }
            let bytes = try MediaWikiExportWriter.render(
                site: site, pages: pages, timestamp: provenance.timestamp, contributor: provenance.contributor,
                comment: provenance.comment, generator: provenance.generator)
            return [ExportFile(name: "export.xml", bytes: bytes)]
        case .pagefromfile:
            let text = PageFromFile.render(items.map { WikiPage(title: $0.title, text: $0.text) })
            return [ExportFile(name: "pagefromfile.txt", bytes: Array(text.utf8))]
        case .files:
            var files: [ExportFile] = []
            var manifest: [ManifestLine] = []
            for (item, name) in zip(items, WikitextExport.fileNames(for: items.map(\.title))) {
                files.append(ExportFile(name: name, bytes: Array(item.text.utf8)))
                manifest.append(ManifestLine(
                    title: item.title, file: name, kind: item.kind.rawValue, level: item.level?.rawValue, flags: item.flags,
                    sha1: SHA1.hex(of: Array(item.text.utf8)), model: item.kind.contentModel))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append(ExportFile(name: "manifest.json", bytes: Array(try encoder.encode(manifest))))
            return files
        case .epub:
            throw PipelineError(.invalidArgument, "an e-book is not made of wiki pages", remedy: "use EbookExport for --format epub")
        case .pdf, .djvu:
            throw PipelineError(.invalidArgument, "a searchable PDF or DjVu is not made of wiki pages", remedy: "use SearchablePDFExport for --format pdf and djvu")
        }
    }

    /// The namespace id of an item on a wiki of `profile`.
    static func namespace(of item: PublicationItem, profile: WikiProfile) -> Int {
        switch item.kind {
        case .page: profile.pageNamespace.id
        case .index: profile.indexNamespace.id
        case .main: 0
        }
    }

    /// One line of `manifest.json` in a `files` export.
    struct ManifestLine: Encodable {
        var title: String
        var file: String
        var kind: String
        var level: Int?
        var flags: [String]
        var sha1: String
        var model: String
    }
}
