import QuireCore

/// A UTF-8 XML document being written through libxml2's `xmlTextWriter` into memory.
///
/// One owner: the writer and its buffer are freed by ``finish()`` or, if writing stopped early,
/// in `deinit`. Text and attribute values are filtered to characters XML 1.0 allows (NUL and
/// other C0 controls cannot be written at all) and escaped by libxml2.
final class XMLOutput {
    private var handles: (writer: OpaquePointer, buffer: OpaquePointer)?
    private let format: String

    /// Starts a document (`<?xml version="1.0" encoding="UTF-8"?>`); `format` names it in errors.
    init(format: String) throws(XMLError) {
        self.format = format
        guard let handles = LibXMLCalls.newWriter() else { throw Self.failure(format, "could not create the writer") }
        self.handles = handles
        try check(LibXMLCalls.startDocument(handles.writer), "start")
    }

    deinit {
        if let handles { _ = LibXMLCalls.freeWriter(handles.writer, buffer: handles.buffer) }
    }

    /// Opens an element, writes its attributes (nil values skipped) and returns.
    func open(_ name: String, _ attributes: [(String, String?)] = []) throws(XMLError) {
        let writer = try liveWriter()
        try check(LibXMLCalls.startElement(writer, name), name)
        for (key, value) in attributes {
            guard let value else { continue }
            try check(LibXMLCalls.attribute(writer, key, Self.legal(value)), "\(name)/@\(key)")
        }
    }

    /// Writes escaped text inside the open element.
    func text(_ value: String) throws(XMLError) {
        try check(LibXMLCalls.text(try liveWriter(), Self.legal(value)), "text")
    }

    /// Closes the innermost open element.
    func close() throws(XMLError) {
        try check(LibXMLCalls.endElement(try liveWriter()), "end tag")
    }

    /// An element with attributes and optional text, opened and closed.
    func element(_ name: String, _ attributes: [(String, String?)] = [], text value: String? = nil) throws(XMLError) {
        try open(name, attributes)
        if let value { try text(value) }
        try close()
    }

    /// Closes everything, frees the writer and returns the bytes.
    func finish() throws(XMLError) -> [UInt8] {
        let writer = try liveWriter()
        try check(LibXMLCalls.endDocument(writer), "end of document")
        guard let handles else { return [] }
        self.handles = nil
        return LibXMLCalls.freeWriter(handles.writer, buffer: handles.buffer)
    }

    /// The text without characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF).
    static func legal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isLegal($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isLegal))
        return String(scalars)
    }

    /// The XML 1.0 `Char` production (Swift strings hold no lone surrogates).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private func liveWriter() throws(XMLError) -> OpaquePointer {
        guard let handles else { throw Self.failure(format, "the document was already finished") }
        return handles.writer
    }

    private func check(_ succeeded: Bool, _ step: String) throws(XMLError) {
        guard !succeeded else { return }
        throw Self.failure(format, "libxml2's writer failed at \(step)")
    }

    private static func failure(_ format: String, _ detail: String) -> XMLError {
        XMLError(.internalError, "writing \(format) failed: \(detail)", remedy: "report this as a bug in Quire, with the page concerned")
    }
}
