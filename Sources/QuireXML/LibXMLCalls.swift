import CLibXML2
import Foundation
import QuireCore

/// Every call into libxml2 made by this module, in one place.
///
/// Parsing is safe by construction: `XML_PARSE_NONET`, no entity substitution, no DTD loading or
/// validation, no XInclude, no HUGE limits; documents declaring a DTD are refused; input is capped.
enum LibXMLCalls {
    /// Parser options: no network, no entity expansion, no DTD, no XInclude, limits kept.
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_NOXINCNODE.rawValue)

    /// `xmlInitParser`, once per process.
    static let initialise: Void = { xmlInitParser() }()

    /// `xmlReadMemory` with the safe options; the returned document is owned by the caller.
    static func parse(_ bytes: [UInt8], name: String) throws(XMLError) -> OpaquePointer {
        _ = initialise
        let context = ErrorContext(file: name)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    xmlReadMemory(chars, Int32(buffer.count), name, nil, safeOptions)
                }
            }
        }
        guard let document else {
            let detail = lastErrorMessage() ?? "not well-formed XML"
            xmlResetLastError()
            throw XMLError(.invalidInput, "cannot be parsed as XML: \(detail)", remedy: "check that the file is complete and really XML (ALTO, PAGE or hOCR)", context: context)
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            throw XMLError(.invalidInput, "declares a DTD, which Quire refuses for safety (entities, external fetches)", remedy: "remove the <!DOCTYPE …> declaration; ALTO, PAGE and hOCR need none", context: context)
        }
        return OpaquePointer(document)
    }

    /// `xmlFreeDoc`.
    static func free(_ document: OpaquePointer) {
        xmlFreeDoc(xmlDocPtr(document))
    }

    /// `xmlDocGetRootElement`: the root's local name and namespace URI.
    static func root(of document: OpaquePointer) -> (name: String, namespace: String?)? {
        guard let root = xmlDocGetRootElement(xmlDocPtr(document)) else { return nil }
        let name = String(cString: root.pointee.name)
        let namespace = root.pointee.ns.flatMap { ns in ns.pointee.href.map { String(cString: $0) } }
        return (name, namespace)
    }

    /// `xmlGetLastError`: libxml2's last message, trimmed.
    private static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        let line = error.pointee.line
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return line > 0 ? "line \(line): \(text)" : text
    }
}
