public import QuireCore

/// A page of a MediaWiki XML import file (export format 0.11) with its one revision.
public struct MediaWikiExportPage: Hashable, Sendable {
    /// The full title, with spaces (`Page:Discurso 1972.pdf/3`).
    public var title: String
    /// The wiki's namespace id of the title.
    public var namespace: Int
    /// The content model (`proofread-page`, `proofread-index`, `wikitext`).
    public var model: String
    /// The wikitext.
    public var text: String

    /// A page with its namespace id, content model and text.
    public init(title: String, namespace: Int, model: String, text: String) {
        self.title = title
        self.namespace = namespace
        self.model = model
        self.text = text
    }
}

/// What the `<siteinfo>` of an import file says about the target wiki.
public struct MediaWikiExportSite: Hashable, Sendable {
    /// The wiki's name (`Wikisource`).
    public var name: String
    /// The database name (`eswikisource`).
    public var database: String
    /// The wiki's language code, for `xml:lang`.
    public var language: String
    /// Namespace ids and local names the file uses (0 is the main namespace, named "").
    public var namespaces: [WikiNamespaceName]

    /// A site description.
    public init(name: String, database: String, language: String, namespaces: [WikiNamespaceName]) {
        self.name = name
        self.database = database
        self.language = language
        self.namespaces = namespaces
    }
}

/// A namespace id and its local name.
public struct WikiNamespaceName: Hashable, Sendable {
    /// The id (104).
    public var id: Int
    /// The local name (`Página`; "" for the main namespace).
    public var name: String

    /// A namespace.
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// Writes MediaWiki's XML export format 0.11 (`Special:Import`, `importDump.php`) with libxml2,
/// in the strict form `export-0.11.xsd` requires: page and revision ids, contributor, comment,
/// model, format, text with its byte count, and the base-36 SHA-1 MediaWiki itself writes.
public enum MediaWikiExportWriter {
    /// The format's XML namespace.
    public static let namespaceURI = "http://www.mediawiki.org/xml/export-0.11/"

    /// The whole file. Page and revision ids count from 1 in order (an import assigns its own);
    /// every revision has `timestamp` (ISO 8601, `2026-11-25T00:35:00Z`), `contributor` and
    /// `comment`.
    public static func render(
        site: MediaWikiExportSite, pages: [MediaWikiExportPage], timestamp: String, contributor: String, comment: String, generator: String
    ) throws(XMLError) -> [UInt8] {
        let output = try XMLOutput(format: "MediaWiki XML export")
        try output.open("mediawiki", [
            ("xmlns", namespaceURI),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", namespaceURI + " http://www.mediawiki.org/xml/export-0.11.xsd"),
            ("version", "0.11"),
            ("xml:lang", site.language),
        ])
        try output.open("siteinfo")
        try output.element("sitename", text: site.name)
        try output.element("dbname", text: site.database)
        try output.element("generator", text: generator)
        try output.element("case", text: "first-letter")
        try output.open("namespaces")
        for namespace in site.namespaces.sorted(by: { $0.id < $1.id }) {
            try output.element("namespace", [("key", String(namespace.id)), ("case", "first-letter")], text: namespace.name)
        }
        try output.close()
        try output.element("namespacealiases", text: "")  // required by the schema, empty
        try output.close()
        for (offset, page) in pages.enumerated() {
            try output.open("page")
            try output.element("title", text: page.title)
            try output.element("ns", text: String(page.namespace))
            try output.element("id", text: String(offset + 1))
            try output.open("revision")
            try output.element("id", text: String(offset + 1))
            try output.element("timestamp", text: timestamp)
            try output.open("contributor")
            try output.element("username", text: contributor)
            try output.close()
            try output.element("comment", text: comment)
            try output.element("model", text: page.model)
            try output.element("format", text: "text/x-wiki")
            let bytes = Array(page.text.utf8)
            try output.element("text", [("bytes", String(bytes.count)), ("xml:space", "preserve")], text: page.text)
            try output.element("sha1", text: SHA1.base36(of: bytes))
            try output.close()
            try output.close()
        }
        try output.close()
        return try output.finish()
    }
}
