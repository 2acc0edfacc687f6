public import QuireCore

/// The one entry point for importing a page of OCR/HTR output: detects ALTO, PAGE-XML or hOCR
/// from the document itself (never from the file name) and reads it into the text model.
///
/// Every path goes through ``SafeXMLDocument``: size cap, encoding checks, no DTD, no network,
/// no entities, no XInclude. Errors name the file and say how to fix it.
public enum XMLImport {
    /// Reads one page from bytes; `name` (usually the path) appears in errors and the provenance.
    public static func read(bytes: [UInt8], name: String, assumedDPI: Int = 300) throws(XMLError) -> PageText {
        try read(SafeXMLDocument(bytes: bytes, name: name), assumedDPI: assumedDPI)
    }

    /// Reads one page from a file; a file over the size cap is refused before it is read.
    public static func read(fileAt path: String, assumedDPI: Int = 300) throws(XMLError) -> PageText {
        try read(SafeXMLDocument(contentsOfFile: path), assumedDPI: assumedDPI)
    }

    /// Reads an already parsed document.
    public static func read(_ document: SafeXMLDocument, assumedDPI: Int = 300) throws(XMLError) -> PageText {
        switch try format(of: document) {
        case .alto: try ALTOReader(assumedDPI: assumedDPI).read(document)
        case .pageXML: try PageXMLReader().read(document)
        case .hOCR: try HOCRReader().read(document)
        }
    }

    /// The page format of a parsed document, or an error naming what it is instead.
    public static func format(of document: SafeXMLDocument) throws(XMLError) -> PageFormat {
        let context = ErrorContext(file: document.name)
        switch document.format {
        case .alto: return .alto
        case .pageXML: return .pageXML
        case .hOCR: return .hOCR
        case .mediaWikiExport:
            throw XMLError.notThisFormat("is a MediaWiki XML export, not a page of OCR output", context: context)
        case nil:
            let namespace = document.rootNamespace.map { " in namespace \($0)" } ?? ""
            throw XMLError.notThisFormat("is not ALTO, PAGE-XML or hOCR (its root element is <\(document.rootName)>\(namespace))", context: context)
        }
    }

    /// The page formats ``XMLImport`` reads and the writers produce.
    public enum PageFormat: String, CaseIterable, Sendable, Codable {
        /// ALTO v1–v4 (written as v4).
        case alto
        /// PAGE-XML 2013-07-15 / 2019-07-15 (written as 2019-07-15).
        case pageXML = "page"
        /// hOCR (XHTML).
        case hOCR = "hocr"
    }
}
