import CLibXML2
import Foundation
import QuireCore

/// Every call into libxml2 made by this module, in one place.
///
/// Parsing is safe by construction: `XML_PARSE_NONET`, no entity substitution, no DTD loading or
/// validation, no XInclude, no HUGE limits; documents declaring a DTD are refused (except the bare
/// XHTML document type that Tesseract puts on hOCR, see ``XHTMLDoctype``); input is capped by the
/// caller. libxml2's messages go to a collector, never to stderr.
enum LibXMLCalls {
    /// Parser options: no network, no entity expansion, no DTD, no XInclude, limits kept.
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_NOXINCNODE.rawValue)

    /// `xmlInitParser`, once per process.
    static let initialise: Void = { xmlInitParser() }()

    /// `xmlReadMemory` with the safe options; the returned document is owned by the caller.
    ///
    /// `xmlSetStructuredErrorFunc` routes libxml2's messages (thread-local state) to a collector
    /// for the duration of this one synchronous call; the first message is the most telling.
    static func parse(_ bytes: [UInt8], name: String) throws(XMLError) -> OpaquePointer {
        _ = initialise
        let context = ErrorContext(file: name)
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        xmlSetStructuredErrorFunc(box.toOpaque(), collectError)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    xmlReadMemory(chars, Int32(buffer.count), name, nil, safeOptions)
                }
            }
        }
        xmlSetStructuredErrorFunc(nil, nil)
        box.release()
        xmlResetLastError()
        guard let document else {
            let detail = collector.first ?? "not well-formed XML"
            throw XMLError(.invalidInput, "cannot be parsed as XML: \(detail)", remedy: "check that the file is complete and really XML (ALTO, PAGE or hOCR)", context: context)
        }
        if let subset = document.pointee.intSubset ?? document.pointee.extSubset, !isHarmlessDoctype(subset, external: document.pointee.extSubset) {
            xmlFreeDoc(document)
            throw XMLError.dtdRefused(context: context)
        }
        return OpaquePointer(document)
    }

    /// True for `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML …">` or `<!DOCTYPE html>` with no
    /// internal subset and nothing loaded: it declares nothing, so it can neither define entities
    /// nor fetch anything.
    private static func isHarmlessDoctype(_ subset: xmlDtdPtr, external: xmlDtdPtr?) -> Bool {
        guard external == nil, subset.pointee.children == nil, subset.pointee.entities == nil,
              subset.pointee.pentities == nil, let rawName = subset.pointee.name else { return false }
        let publicID = subset.pointee.ExternalID.map { String(cString: $0) }
        let systemID = subset.pointee.SystemID.map { String(cString: $0) }
        return XHTMLDoctype.isAllowed(name: String(cString: rawName), publicID: publicID, systemID: systemID)
    }

    /// `xmlFreeDoc`.
    static func free(_ document: OpaquePointer) {
        xmlFreeDoc(xmlDocPtr(document))
    }

    /// `xmlDocGetRootElement`.
    static func rootElement(of document: OpaquePointer) -> OpaquePointer? {
        xmlDocGetRootElement(xmlDocPtr(document)).map(OpaquePointer.init)
    }

    // MARK: Tree access (nodes stay valid while their document lives)

    /// The element's local name (`xmlNode.name`).
    static func localName(of node: OpaquePointer) -> String {
        xmlNodePtr(node).pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element's namespace URI (`xmlNode.ns.href`), if any.
    static func namespace(of node: OpaquePointer) -> String? {
        xmlNodePtr(node).pointee.ns.flatMap { ns in ns.pointee.href.map { String(cString: $0) } }
    }

    /// The element children of a node, in document order (`children` / `next`).
    static func elementChildren(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = xmlNodePtr(node).pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(OpaquePointer(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// `xmlGetNoNsProp`: an attribute without namespace; the copy is freed with `xmlFree`.
    static func attribute(_ name: String, of node: OpaquePointer) -> String? {
        guard let value = xmlGetNoNsProp(xmlNodePtr(node), name) else { return nil }
        defer { quire_xmlFree(value) }
        return String(cString: value)
    }

    /// `xmlNodeGetContent`: the concatenated text of a node; the copy is freed with `xmlFree`.
    static func textContent(of node: OpaquePointer) -> String {
        guard let value = xmlNodeGetContent(xmlNodePtr(node)) else { return "" }
        defer { quire_xmlFree(value) }
        return String(cString: value)
    }

    /// `xmlGetLineNo`: the element's line in the file, for messages.
    static func lineNumber(of node: OpaquePointer) -> Int {
        Int(xmlGetLineNo(xmlNodePtr(node)))
    }

    // MARK: Writing (xmlTextWriter on a memory buffer)

    /// `xmlBufferCreate` + `xmlNewTextWriterMemory` + `xmlTextWriterSetIndent`; nil when out of memory.
    static func newWriter() -> (writer: OpaquePointer, buffer: OpaquePointer)? {
        guard let buffer = xmlBufferCreate() else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            return nil
        }
        _ = xmlTextWriterSetIndent(writer, 1)
        _ = xmlTextWriterSetIndentString(writer, " ")
        return (writer, OpaquePointer(buffer))
    }

    /// `xmlTextWriterStartDocument` (version 1.0, UTF-8).
    static func startDocument(_ writer: OpaquePointer) -> Bool {
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) >= 0
    }

    /// `xmlTextWriterStartElement`.
    static func startElement(_ writer: OpaquePointer, _ name: String) -> Bool {
        xmlTextWriterStartElement(writer, name) >= 0
    }

    /// `xmlTextWriterWriteAttribute` (escapes `<`, `&`, `"` and line breaks).
    static func attribute(_ writer: OpaquePointer, _ name: String, _ value: String) -> Bool {
        xmlTextWriterWriteAttribute(writer, name, value) >= 0
    }

    /// `xmlTextWriterWriteString` (escapes `<`, `>`, `&`).
    static func text(_ writer: OpaquePointer, _ value: String) -> Bool {
        xmlTextWriterWriteString(writer, value) >= 0
    }

    /// `xmlTextWriterEndElement`.
    static func endElement(_ writer: OpaquePointer) -> Bool {
        xmlTextWriterEndElement(writer) >= 0
    }

    /// `xmlTextWriterEndDocument` (closes open elements and flushes).
    static func endDocument(_ writer: OpaquePointer) -> Bool {
        xmlTextWriterEndDocument(writer) >= 0
    }

    /// `xmlFreeTextWriter` then a copy of the buffer (`xmlBufferContent`, `xmlBufferLength`).
    static func freeWriter(_ writer: OpaquePointer, buffer: OpaquePointer) -> [UInt8] {
        xmlFreeTextWriter(writer)
        let raw = xmlBufferPtr(buffer)
        defer { xmlBufferFree(raw) }
        guard let content = xmlBufferContent(raw) else { return [] }
        let length = Int(xmlBufferLength(raw))
        return Array(UnsafeBufferPointer(start: content, count: length))
    }
}

/// Collects libxml2's messages during one parse.
private final class ErrorCollector {
    var first: String?
}

/// The `xmlStructuredErrorFunc` installed for a parse: keeps the first error, drops warnings.
private let collectError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    guard collector.first == nil else { return }
    let text = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(error.pointee.code)"
    collector.first = error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
}
