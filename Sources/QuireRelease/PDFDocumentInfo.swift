public import Foundation

/// What a PDF says about itself, in its information dictionary and its XMP metadata.
public struct PDFDocumentInfo: Sendable, Hashable {
    public var title: String?
    /// The authors, in order.
    public var authors: [String]
    /// The text's language as a BCP 47 tag (`es`, `de`), also the catalogue's `/Lang`.
    public var language: String?
    /// The licence the clearance engine found (`CC BY-SA 4.0`, `Public domain`), when known.
    public var licence: String?
    /// A web page stating the licence, when known.
    public var licenceURL: String?
    /// When the file was made; fixed in tests so that output is reproducible.
    public var created: Date

    public init(title: String? = nil, authors: [String] = [], language: String? = nil, licence: String? = nil, licenceURL: String? = nil, created: Date = Date()) {
        self.title = title
        self.authors = authors
        self.language = language
        self.licence = licence
        self.licenceURL = licenceURL
        self.created = created
    }

    /// The producer named in both places.
    static let producer = "Quire"

    /// The information dictionary's entries.
    var dictionary: String {
        var entries = ["/Producer \(PDFSyntax.text(Self.producer))", "/CreationDate \(PDFSyntax.date(created))"]
        if let title { entries.append("/Title \(PDFSyntax.text(title))") }
        if !authors.isEmpty { entries.append("/Author \(PDFSyntax.text(authors.joined(separator: "; ")))") }
        if let licence { entries.append("/Subject \(PDFSyntax.text("Licence: " + licence))") }
        return "<< " + entries.joined(separator: " ") + " >>"
    }

    /// The XMP packet (Dublin Core title, creators, language, rights; producer and date).
    var xmp: String {
        func escaped(_ value: String) -> String {
            value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var dc = ""
        if let title { dc += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(title))</rdf:li></rdf:Alt></dc:title>\n" }
        if !authors.isEmpty { dc += "<dc:creator><rdf:Seq>" + authors.map { "<rdf:li>\(escaped($0))</rdf:li>" }.joined() + "</rdf:Seq></dc:creator>\n" }
        if let language { dc += "<dc:language><rdf:Bag><rdf:li>\(escaped(language))</rdf:li></rdf:Bag></dc:language>\n" }
        if let licence { dc += "<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(licence))</rdf:li></rdf:Alt></dc:rights>\n" }
        let rights = licenceURL.map { "<xmpRights:WebStatement>\(escaped($0))</xmpRights:WebStatement>\n" } ?? ""
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
            \(dc)\(rights)<pdf:Producer>\(Self.producer)</pdf:Producer>
            <xmp:CreateDate>\(formatter.string(from: created))</xmp:CreateDate>
            <xmp:CreatorTool>\(Self.producer)</xmp:CreatorTool>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }
}
